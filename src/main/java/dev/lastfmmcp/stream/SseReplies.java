package dev.lastfmmcp.stream;

import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.tools.ToolCatalogue;
import dev.lastfmmcp.tools.ToolDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Variable;

/**
 * Decides how a POST is answered: with an event stream when the client accepts one, the request asks for progress
 * ({@code _meta.progressToken}) and it is a call of a multi-step tool; every other call keeps a plain JSON reply.
 */
public class SseReplies {

    private final ToolCatalogue tools;
    private final JsonRpcCodec codec;

    public SseReplies(ToolCatalogue tools, JsonRpcCodec codec) {
        this.tools = tools;
        this.codec = codec;
    }

    /** Opens the stream reply when it is wanted; otherwise leaves the JSON reply in place. */
    public void openIfWanted(@Variable("mcp") McpRequest request) {
        if (wantsStream(request)) {
            request.streamReplyOn(PostStream.open(request.reply().getHttpResponse(), request.getCorrelationId(),
                    codec::write));
        }
    }

    boolean wantsStream(McpRequest request) {
        if (request.isLegacy() || request.isBatch() || !request.reply().isAcceptsEventStream()
            || request.reply().getHttpResponse() == null) {
            return false;
        }
        JsonNode message = request.getMessage();
        if (!"tools/call".equals(message.path("method").asText()) || !message.has("id")
            || message.at("/params/_meta/progressToken").isMissingNode()) {
            return false;
        }
        ToolDefinition tool = tools.get(message.at("/params/name").asText(""));
        return tool != null && tool.reportsProgress();
    }
}
