package dev.lastfmmcp.resources;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.lastfm.LastfmErrorKind;
import dev.lastfmmcp.lastfm.LastfmException;
import dev.lastfmmcp.tools.InvalidArgumentsException;
import dev.lastfmmcp.tools.ToolArguments;
import dev.lastfmmcp.jsonrpc.ToolException;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;

/**
 * The steps of {@code resources/read} after the match: the tool's result becomes the resource (its structured
 * content as {@code application/json} text), and its failures become JSON-RPC errors: arguments the tool's schema
 * rejects -32602, Last.fm's "not found" -32002, anything else the tool could not do -32603 with the tool's sentence.
 */
public class ResourceReads {

    public static final String MIME_TYPE = "application/json";

    private final ObjectMapper mapper;
    private final ToolArguments toolArguments;

    public ResourceReads(ObjectMapper mapper, ToolArguments toolArguments) {
        this.mapper = mapper;
        this.toolArguments = toolArguments;
    }

    /**
     * The tool result as the resource's one content: its structured content as {@code application/json}; for a
     * {@code text/*} resource its text; for another type its image or audio as a blob.
     */
    public McpSchema.ReadResourceResult contents(@Body McpSchema.CallToolResult result,
            @Variable("resource") ResourceMatch resource) {
        String mimeType = resource.template().template().mimeType();
        if (!MIME_TYPE.equals(mimeType)) {
            if (Boolean.TRUE.equals(result.isError())) {
                throw failure(resource.uri(), text(result));
            }
            for (McpSchema.Content content : result.content()) {
                if (mimeType.startsWith("text/") && content instanceof McpSchema.TextContent text) {
                    return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(
                            resource.uri(), mimeType, text.text())));
                }
                if (content instanceof McpSchema.ImageContent image) {
                    return new McpSchema.ReadResourceResult(List.of(new McpSchema.BlobResourceContents(
                            resource.uri(), mimeType, image.data())));
                }
                if (content instanceof McpSchema.AudioContent audio) {
                    return new McpSchema.ReadResourceResult(List.of(new McpSchema.BlobResourceContents(
                            resource.uri(), mimeType, audio.data())));
                }
            }
            throw failure(resource.uri(), "the tool gave no " + mimeType + " content.");
        }
        if (Boolean.TRUE.equals(result.isError()) || result.structuredContent() == null) {
            throw failure(resource.uri(), text(result));
        }
        try {
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(resource.uri(),
                    MIME_TYPE, mapper.writeValueAsString(result.structuredContent()))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the structured content of " + resource.tool().name(), e);
        }
    }

    /**
     * The tool arguments (variable {@code args}): the URI's values checked by {@code toolArguments} against the
     * tool's input schema like a tools/call, with its defaults; values it rejects are -32602 saying which.
     */
    public Map<String, Object> arguments(@Variable("resource") ResourceMatch resource) {
        try {
            return toolArguments.check(resource.tool(), resource.arguments());
        } catch (InvalidArgumentsException e) {
            throw ResourceCatalogue.invalid(resource.uri(), String.join("; ", e.problems()));
        }
    }

    /**
     * What the tool could not do: -32002 when Last.fm does not know the thing, else -32603 with the tool's sentence.
     * A failure that is no {@link ToolException} (a bug) goes on to the generic -32603 with a correlation id.
     */
    public Object failed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure,
            @Variable("resource") ResourceMatch resource) throws Exception {
        ToolException toolFailure = toolFailure(failure);
        if (toolFailure == null) {
            throw failure;
        }
        if (isNotFound(toolFailure)) {
            throw ResourceCatalogue.notFound(resource.uri(), "Resource not found: " + resource.uri() + ". "
                                                             + toolFailure.getMessage());
        }
        throw failure(resource.uri(), toolFailure.getMessage());
    }

    private static ToolException toolFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ToolException tool) {
                return tool;
            }
        }
        return null;
    }

    /** Whether a Last.fm "not found" is the failure or its cause. */
    static boolean isNotFound(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LastfmException lastfm && lastfm.kind() == LastfmErrorKind.NOT_FOUND) {
                return true;
            }
        }
        return false;
    }

    private static JsonRpcException failure(String uri, String sentence) {
        return new JsonRpcException(JsonRpcErrors.INTERNAL_ERROR, "Could not read " + uri + ": " + sentence,
                Map.of("uri", uri));
    }

    private static String text(McpSchema.CallToolResult result) {
        return result.content() != null && !result.content().isEmpty()
               && result.content().get(0) instanceof McpSchema.TextContent text ? text.text()
                : "the tool gave no answer.";
    }
}
