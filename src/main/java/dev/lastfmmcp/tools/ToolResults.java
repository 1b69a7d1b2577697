package dev.lastfmmcp.tools;

import dev.lastfmmcp.jsonrpc.ToolException;
import java.util.List;

import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds tool results: Markdown text next to structured content, or an {@code isError} result. */
public class ToolResults {

    private static final Logger LOG = LoggerFactory.getLogger(ToolResults.class);

    public static McpSchema.CallToolResult ok(String markdown, Object structured) {
        return new McpSchema.CallToolResult(List.of(new McpSchema.TextContent(markdown)), false, structured, null);
    }

    public static McpSchema.CallToolResult error(String message) {
        return new McpSchema.CallToolResult(List.of(new McpSchema.TextContent(message)), true, null, null);
    }

    /** A ToolException caught by tools/call: its message is the result's text. */
    public McpSchema.CallToolResult fromToolException(
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) ToolException failure) {
        return error(failure.getMessage());
    }

    /**
     * What a tool run ends with that is no tool failure: the stateless era's {@code input_required} and HTTP-level
     * refusals (a client capability the call needs, 400 -32021) go on to the dispatch and the intake.
     */
    public void rethrow(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) RuntimeException passOn) {
        throw passOn;
    }

    /** Anything else a tool threw: logged with the correlation id; the client sees no internals. */
    public McpSchema.CallToolResult fromUnexpected(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure,
            @Variable("call") McpCall call, @Variable("mcp") McpRequest request) {
        LOG.error("Tool {} failed (correlation id {})", call.getName(), request.getCorrelationId(), failure);
        return error("The tool " + call.getName() + " failed unexpectedly (correlation id "
                     + request.getCorrelationId() + "). Try again; if it keeps failing, please report it.");
    }
}
