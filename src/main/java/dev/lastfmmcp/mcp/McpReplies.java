package dev.lastfmmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reply of an MCP exchange. {@link #kind} names what the handled messages call for; the intake route's
 * {@code choice} on it sets the status (variable {@code replyStatus}) and calls the step that writes the body, so
 * every status is in the YAML.
 */
public class McpReplies {

    /** What the handled messages call for. */
    public enum Kind {
        /** The reply went out as an event stream while the request ran; it only has to end. */
        STREAMED,
        /** Legacy HTTP+SSE: responses go on the session's GET /sse stream; the POST gets 202. */
        LEGACY,
        /** Only notifications or responses: 202 without a body. */
        NONE,
        /** A lone message that was not valid JSON-RPC: its error with 400. */
        INVALID,
        /** A lone request over its rate limit: its error with 429 and the limit's headers. */
        LIMITED,
        /** One event stream holding the response(s). */
        EVENTS,
        /** The response(s) as JSON. */
        JSON,
        /** Stateless (2026-07-28): a method this server does not serve, -32601 with 404. */
        NOT_FOUND,
        /** Stateless: a request the revision says to refuse with 400 (-32020, -32021, -32022). */
        REFUSED
    }

    private static final Logger LOG = LoggerFactory.getLogger(McpReplies.class);

    private final JsonRpcCodec codec;
    private final SessionPublisher streams;

    public McpReplies(JsonRpcCodec codec, SessionPublisher streams) {
        this.codec = codec;
        this.streams = streams;
    }

    /** The kind's name, for the route's choice. */
    public String kind(@Variable("mcp") McpRequest request, @Body JsonNode responses) {
        return classify(request, responses).name();
    }

    public Kind classify(McpRequest request, JsonNode responses) {
        if (request.reply().getPostStream() != null) {
            return Kind.STREAMED;
        }
        if (request.isLegacy()) {
            return Kind.LEGACY;
        }
        if (responses == null || responses.isNull() || (responses.isArray() && responses.isEmpty())) {
            return Kind.NONE;
        }
        if (!request.isBatch() && isEnvelopeError(responses)) {
            return Kind.INVALID;
        }
        if (request.reply().isRateLimited()) {
            return Kind.LIMITED;
        }
        return request.reply().getMode() == ReplyMode.SSE ? Kind.EVENTS : Kind.JSON;
    }

    /**
     * The kind's name for a stateless (2026-07-28) request: as {@link #classify}, and an error the revision gives
     * an HTTP status of its own: -32601 is a 404, a header mismatch, a missing client capability and an unsupported
     * version a 400.
     */
    public String statelessKind(@Variable("mcp") McpRequest request, @Body JsonNode responses) {
        Kind kind = classify(request, responses);
        if (kind != Kind.JSON && kind != Kind.EVENTS) {
            return kind.name();
        }
        int code = responses.path("error").path("code").asInt(0);
        if (code == JsonRpcErrors.METHOD_NOT_FOUND) {
            return Kind.NOT_FOUND.name();
        }
        if (code == JsonRpcErrors.HEADER_MISMATCH || code == JsonRpcErrors.MISSING_CLIENT_CAPABILITY
            || code == JsonRpcErrors.UNSUPPORTED_PROTOCOL_VERSION) {
            return Kind.REFUSED.name();
        }
        return kind.name();
    }

    /** 202 and no body: only notifications or responses were sent. */
    public void noBody(@Variable("mcp") McpRequest request, @Variable("replyStatus") int status) {
        request.reply().setStatus(status);
        request.reply().setBody(null, (String) null);
    }

    /** The event stream that carried the request ends with its response. */
    public void endStream(@Variable("mcp") McpRequest request, @Body JsonNode responses) {
        request.reply().getPostStream().finish(responses);
    }

    /** Legacy transport: each response goes on the session's GET /sse stream. */
    public void publishToSession(@Variable("mcp") McpRequest request, @Body JsonNode responses,
            @Variable("replyStatus") int status) {
        request.reply().setStatus(status);
        if (responses != null && !responses.isNull()) {
            if (responses.isArray()) {
                responses.forEach(response -> streams.publish(request.getSessionId(), codec.write(response)));
            } else {
                streams.publish(request.getSessionId(), codec.write(responses));
            }
        }
        request.reply().setBody(null, (String) null);
    }

    public void json(@Variable("mcp") McpRequest request, @Body JsonNode responses,
            @Variable("replyStatus") int status) {
        request.reply().setStatus(status);
        request.reply().setBody("application/json", codec.writeBytes(responses));
    }

    /** The response(s) as one event stream: a priming event, then the message. */
    public void eventStream(@Variable("mcp") McpRequest request, @Body JsonNode responses,
            @Variable("replyStatus") int status) {
        request.reply().setStatus(status);
        request.reply().setBody("text/event-stream", SseFormat.primingEvent(request.getCorrelationId() + "-0")
                                                     + SseFormat.messageEvent(request.getCorrelationId() + "-1",
                                                             codec.write(responses)));
        request.reply().putHeader("Cache-Control", "no-cache");
    }

    /** An HTTP-level rejection (McpHttpException): its status and a JSON-RPC error with the id when readable. */
    public void reject(@Variable("mcp") McpRequest request,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) McpHttpException rejection) {
        request.reply().setStatus(rejection.status());
        request.audit().setRejection(rejection.getMessage());
        rejection.headers().forEach(request.reply()::putHeader);
        JsonNode id = request.isBatch() || request.getMessage() == null ? null : readableId(request.getMessage());
        request.reply().setBody("application/json",
                codec.write(codec.error(id, rejection.code(), rejection.getMessage(), rejection.data())));
    }

    /** Anything unexpected: logged with the correlation id, answered 500 with a sanitised JSON-RPC error. */
    public void fail(@Variable("mcp") McpRequest request,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        LOG.error("Request {} failed", request.getCorrelationId(), failure);
        JsonNode error = codec.error(null, JsonRpcErrors.INTERNAL_ERROR,
                "Internal error (correlation id " + request.getCorrelationId() + ")", null);
        if (request.reply().getPostStream() != null) {
            request.reply().getPostStream().finish(error);
            return;
        }
        request.reply().setStatus(500);
        request.audit().setRejection("internal error");
        request.reply().setBody("application/json", codec.write(error));
    }

    /** Writes status, headers and body onto the Camel message and stamps the latency. */
    public void finish(Exchange exchange) {
        McpRequest request = exchange.getVariable("mcp", McpRequest.class);
        HttpReply reply = request.reply();
        var message = exchange.getMessage();
        if (reply.getPostStream() != null) {
            // the reply was written as an event stream and has ended; Camel writes nothing more
            request.audit().finish(System.nanoTime());
            return;
        }
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, reply.getStatus());
        message.setHeader(McpHttp.CORRELATION_HEADER, request.getCorrelationId());
        reply.getHeaders().forEach(message::setHeader);
        Object payload = reply.getPayload();
        if (payload != null) {
            message.setHeader(Exchange.CONTENT_TYPE, reply.getContentType());
            // bytes as a ByteBuffer: platform-http then sends a Content-Length and writes them at once; a byte[] it
            // streams through an InputStream (about an eighth of a cached call's CPU), a Vert.x Buffer it sends chunked
            message.setBody(payload instanceof byte[] bytes ? java.nio.ByteBuffer.wrap(bytes) : payload);
        } else {
            message.setBody(null);
        }
        request.audit().finish(System.nanoTime());
    }

    private static boolean isEnvelopeError(JsonNode response) {
        int code = response.path("error").path("code").asInt(0);
        return code == JsonRpcErrors.INVALID_REQUEST || code == JsonRpcErrors.PARSE_ERROR;
    }

    private static JsonNode readableId(JsonNode message) {
        JsonNode id = message.get("id");
        return id != null && (id.isTextual() || id.isIntegralNumber()) ? id : null;
    }
}
