package dev.lastfmmcp.stream;

import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.mcp.ClientRequests;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.prompts.PromptCatalogue;
import dev.lastfmmcp.tools.ToolCatalogue;
import dev.lastfmmcp.tools.ToolDefinition;
import dev.lastfmmcp.tools.ToolQuestions;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Variable;

/**
 * Decides how a POST is answered: with an event stream when the client accepts one and the request may send
 * something before its response. In the 2025 era: a call of a tool that reports progress (multi-step, and the request
 * has a {@code _meta.progressToken}), that streams ({@code streams}: it logs, or hands its stream over for polling),
 * that may ask the client something (its catalogue {@code asksClient}) the client declared it can answer, or that
 * asks the user for a left-out argument; a {@code prompts/get} that asks for left-out arguments. In the 2026-07-28
 * era (no requests to the client): a call that reports progress, or that may log while the request asked for log
 * messages ({@code _meta} logLevel). Every other request keeps a plain JSON reply.
 */
public class SseReplies {

    private final ToolCatalogue tools;
    private final PromptCatalogue prompts;
    private final JsonRpcCodec codec;
    private final SessionStreams streams;
    private final long retryMillis;

    public SseReplies(ToolCatalogue tools, JsonRpcCodec codec) {
        this(tools, null, codec, null, -1);
    }

    /**
     * @param streams     the sessions' channels (a stream closed for polling hands over to its session's)
     * @param retryMillis the reconnection delay in the priming event
     */
    public SseReplies(ToolCatalogue tools, PromptCatalogue prompts, JsonRpcCodec codec, SessionStreams streams,
            long retryMillis) {
        this.tools = tools;
        this.prompts = prompts;
        this.codec = codec;
        this.streams = streams;
        this.retryMillis = retryMillis;
    }

    /** Opens the stream reply when it is wanted; otherwise leaves the JSON reply in place. */
    public void openIfWanted(@Variable("mcp") McpRequest request) {
        if (wantsStream(request)) {
            String sessionId = request.getSessionId();
            request.streamReplyOn(PostStream.open(request.reply().getHttpResponse(), request.getCorrelationId(),
                    codec::write, retryMillis, () -> sessionId == null || streams == null ? null
                            : streams.channel(sessionId)));
        }
    }

    boolean wantsStream(McpRequest request) {
        if (request.isLegacy() || request.isBatch() || !request.reply().isAcceptsEventStream()
            || request.reply().getHttpResponse() == null) {
            return false;
        }
        JsonNode message = request.getMessage();
        if (!message.has("id")) {
            return false;
        }
        String method = message.path("method").asText();
        // path() rather than at("/params/..."): at() compiles a JSON pointer on every call, and this runs on every POST
        JsonNode params = message.path("params");
        JsonNode arguments = params.path("arguments");
        if ("prompts/get".equals(method)) {
            return prompts != null && !request.isStateless() && ClientRequests.declared(request, "elicitation")
                   && prompts.asks(params.path("name").asText(""), arguments, request.getCaller());
        }
        if (!"tools/call".equals(method)) {
            return false;
        }
        ToolDefinition tool = tools.get(params.path("name").asText(""));
        if (tool == null) {
            return false;
        }
        boolean progress = tool.reportsProgress() && !params.path("_meta").path("progressToken").isMissingNode();
        if (request.isStateless()) {
            return progress || request.getStateless().logLevel() != null && (tool.streams() || tool.requiresLastfm());
        }
        return progress || tool.streams()
               || tool.asksClient().stream().anyMatch(capability -> ClientRequests.declared(request, capability))
               || !tool.asksFor().isEmpty() && ClientRequests.declared(request, "elicitation")
                  && !ToolQuestions.missing(tool, arguments, request.getCaller()).isEmpty();
    }
}
