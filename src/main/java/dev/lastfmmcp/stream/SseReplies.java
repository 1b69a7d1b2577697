package dev.lastfmmcp.stream;

import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.mcp.ClientRequests;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.tools.ToolCatalogue;
import dev.lastfmmcp.tools.ToolDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Variable;

/**
 * Decides how a POST is answered: with an event stream when the client accepts one and it is a call of a tool that
 * either reports progress (multi-step, and the request has a {@code _meta.progressToken}) or may ask the client
 * something (its catalogue {@code asksClient}) that the client declared it can answer; every other call keeps a plain
 * JSON reply.
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
        if (!"tools/call".equals(message.path("method").asText()) || !message.has("id")) {
            return false;
        }
        ToolDefinition tool = tools.get(message.at("/params/name").asText(""));
        if (tool == null) {
            return false;
        }
        boolean progress = tool.reportsProgress() && !message.at("/params/_meta/progressToken").isMissingNode();
        return progress || tool.asksClient().stream().anyMatch(capability -> ClientRequests.declared(request,
                capability));
    }
}
