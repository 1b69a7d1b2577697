package dev.lastfmmcp.mcp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import dev.lastfmmcp.upstream.RequestDeadline;
import io.vertx.core.net.SocketAddress;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import dev.lastfmmcp.stream.SessionStreams;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of an MCP exchange, step by step as the intake routes call it: open the request context, read the
 * messages, bind the session, and turn the outcome (responses, a rejection or a failure) into status, headers and
 * body.
 */
public class McpHttp {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String VERSION_HEADER = "MCP-Protocol-Version";
    /** Where legacy (2024-11-05 HTTP+SSE) clients POST; their session is the sessionId query parameter. */
    public static final String LEGACY_MESSAGES_PATH = "/messages";
    private static final Pattern SAFE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Logger LOG = LoggerFactory.getLogger(McpHttp.class);

    private final JsonRpcCodec codec;
    private final SessionStore sessions;
    private final HttpGuard guard;
    private final SessionStreams streams;
    private final Clock clock;

    private final int maxBatchSize;
    private final Duration requestTimeout;

    public McpHttp(JsonRpcCodec codec, SessionStore sessions, HttpGuard guard, SessionStreams streams, Clock clock) {
        this(codec, sessions, guard, streams, clock, Integer.MAX_VALUE, Duration.ofDays(1));
    }

    /**
     * @param maxBatchSize   most messages in one JSON-RPC batch (a bigger batch is a 400)
     * @param requestTimeout how long one request may take from its arrival: upstream calls end by then
     */
    public McpHttp(JsonRpcCodec codec, SessionStore sessions, HttpGuard guard, SessionStreams streams, Clock clock,
            int maxBatchSize, Duration requestTimeout) {
        this.maxBatchSize = maxBatchSize;
        this.requestTimeout = requestTimeout;
        this.codec = codec;
        this.sessions = sessions;
        this.guard = guard;
        this.streams = streams;
        this.clock = clock;
    }

    /** The caller's X-Correlation-Id when it is safe to log and echo, otherwise a new one. */
    public static String correlationId(String given) {
        return given != null && SAFE_CORRELATION_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    /** The peer's IP address, or null when the socket does not say. */
    public static String clientAddress(SocketAddress peer) {
        return peer == null ? null : peer.hostAddress();
    }

    /** Opens the request context (variable {@code mcp}); a caller's safe X-Correlation-Id is kept. */
    public void begin(Exchange exchange) {
        String correlationId = correlationId(exchange.getMessage().getHeader(CORRELATION_HEADER, String.class));
        String method = exchange.getMessage().getHeader(Exchange.HTTP_METHOD, "POST", String.class);
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
        long arrival = System.nanoTime();
        McpRequest request = new McpRequest(correlationId, arrival, clock.instant(), method,
                path == null || path.isEmpty() ? "/" : path);
        exchange.setVariable(RequestDeadline.VARIABLE, arrival + requestTimeout.toNanos());
        HttpMessage http = exchange.getIn(HttpMessage.class);
        if (http != null) {
            request.setHttpResponse(http.getResponse());
            request.setClientAddress(clientAddress(http.getRequest().remoteAddress()));
        }
        if (LEGACY_MESSAGES_PATH.equals(request.getPath())) {
            request.setTransport("legacy-sse");
        }
        exchange.setVariable("mcp", request);
    }

    /** Records which reply the client accepts (406 when it accepts neither JSON nor an event stream). */
    public void negotiateReply(@Variable("mcp") McpRequest request, @Header("Accept") String accept) {
        request.setReplyMode(guard.checkAccept(accept));
        request.setAcceptsEventStream(HttpGuard.acceptsEventStream(accept));
    }

    /** Parses the body into one message or a batch. */
    public void readMessages(@Variable("mcp") McpRequest request, @Body byte[] body) {
        JsonNode node = codec.parse(body == null ? null : new String(body, StandardCharsets.UTF_8));
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw McpHttpException.badRequest("Invalid request: an empty JSON array is not a batch");
            }
            if (node.size() > maxBatchSize) {
                throw McpHttpException.badRequest("Invalid request: a batch holds at most " + maxBatchSize
                                                  + " messages, this one " + node.size() + "; send several");
            }
            List<JsonNode> messages = new ArrayList<>();
            node.forEach(messages::add);
            request.setMessages(messages, true);
        } else if (node.isObject()) {
            request.setMessages(List.of(node), false);
        } else {
            throw McpHttpException.badRequest("Invalid request: the body must be a JSON-RPC message object");
        }
    }

    /**
     * Every message but {@code initialize} needs a live session: 400 without the header, 404 for an unknown, expired
     * or deleted one. An unsupported MCP-Protocol-Version is a 400; without the header the session's negotiated
     * version applies. Batches are only for sessions that negotiated 2025-03-26 or earlier.
     */
    public void bindSession(@Variable("mcp") McpRequest request, @Header(Lifecycle.SESSION_HEADER) String sessionId,
            @Header(VERSION_HEADER) String versionHeader, @Header("sessionId") String legacySessionId) {
        if (request.isLegacy()) {
            bindLegacySession(request, legacySessionId);
            return;
        }
        if (versionHeader != null && !ProtocolVersions.isSupported(versionHeader)) {
            throw McpHttpException.badRequest("Bad Request: unsupported MCP-Protocol-Version " + versionHeader
                                              + " (supported: " + String.join(", ", ProtocolVersions.SUPPORTED)
                                              + ")");
        }
        if (!request.isBatch() && "initialize".equals(request.getMessage().path("method").asText(null))) {
            sessions.checkRoom(request.getClientAddress());
            return;
        }
        if (sessionId == null || sessionId.isEmpty()) {
            throw McpHttpException.badRequest("Bad Request: the Mcp-Session-Id header is missing; "
                                              + "send initialize first and then the session id it returns");
        }
        Session session = sessions.find(sessionId).orElseThrow(McpHttp::sessionNotFound);
        request.setSession(session);
        request.setProtocolVersion(versionHeader != null ? versionHeader : session.protocolVersion());
        if (request.isBatch() && !ProtocolVersions.allowsBatches(session.protocolVersion())) {
            throw McpHttpException.badRequest("Invalid request: JSON-RPC batches are not supported in protocol "
                                              + "version " + session.protocolVersion() + "; send one message per POST");
        }
    }

    /**
     * A POST of the legacy transport: the session is the stream's ({@code ?sessionId=}), initialize included, and
     * everything the request sends (its response too) travels on that stream.
     */
    private void bindLegacySession(McpRequest request, String legacySessionId) {
        if (legacySessionId == null || legacySessionId.isEmpty()) {
            throw McpHttpException.badRequest("Bad Request: the sessionId query parameter is missing; "
                                              + "open GET /sse first and POST to the endpoint it names");
        }
        Session session = sessions.find(legacySessionId).orElseThrow(McpHttp::sessionNotFound);
        request.setSession(session);
        request.setProtocolVersion(session.protocolVersion());
        request.setProgressSink(message -> streams.publish(session.id(), codec.write(message)));
    }

    /** DELETE /mcp: ends the session named by the header (400 without one, 404 when unknown). */
    public void terminate(@Variable("mcp") McpRequest request, @Header(Lifecycle.SESSION_HEADER) String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) {
            throw McpHttpException.badRequest("Bad Request: the Mcp-Session-Id header is missing");
        }
        Session session = sessions.find(sessionId).orElseThrow(McpHttp::sessionNotFound);
        request.setSession(session);
        sessions.delete(sessionId);
        request.setStatus(204);
    }

    public static McpHttpException sessionNotFound() {
        return new McpHttpException(404, JsonRpcErrors.INVALID_REQUEST,
                "Session not found: it expired or was ended; send initialize to start a new session");
    }

    /**
     * Turns the handled messages into the reply: 202 without a body when nothing needs an answer, otherwise the
     * response (or batch of responses) as JSON or as an event stream. A lone invalid message is a 400.
     */
    public void respond(@Variable("mcp") McpRequest request, @Body JsonNode responses) {
        if (request.getPostStream() != null) {
            request.getPostStream().finish(responses);
            return;
        }
        if (request.isLegacy()) {
            if (responses != null && !responses.isNull()) {
                if (responses.isArray()) {
                    responses.forEach(response -> streams.publish(request.getSessionId(), codec.write(response)));
                } else {
                    streams.publish(request.getSessionId(), codec.write(responses));
                }
            }
            request.setStatus(202);
            request.setResponse(null, null);
            return;
        }
        if (responses == null || responses.isNull() || (responses.isArray() && responses.isEmpty())) {
            request.setStatus(202);
            request.setResponse(null, null);
            return;
        }
        if (!request.isBatch() && isEnvelopeError(responses)) {
            request.setStatus(400);
        }
        writeBody(request, responses);
    }

    private static boolean isEnvelopeError(JsonNode response) {
        int code = response.path("error").path("code").asInt(0);
        return code == JsonRpcErrors.INVALID_REQUEST || code == JsonRpcErrors.PARSE_ERROR;
    }

    private void writeBody(McpRequest request, JsonNode body) {
        String json = codec.write(body);
        if (request.getReplyMode() == ReplyMode.SSE) {
            request.setResponse("text/event-stream", SseFormat.primingEvent(request.getCorrelationId() + "-0")
                                                     + SseFormat.messageEvent(request.getCorrelationId() + "-1",
                                                             json));
            request.putResponseHeader("Cache-Control", "no-cache");
        } else {
            request.setResponse("application/json", json);
        }
    }

    /** An HTTP-level rejection (McpHttpException): its status and a JSON-RPC error with the id when readable. */
    public void reject(@Variable("mcp") McpRequest request,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) McpHttpException rejection) {
        request.setStatus(rejection.status());
        request.setRejection(rejection.getMessage());
        rejection.headers().forEach(request::putResponseHeader);
        JsonNode id = request.isBatch() || request.getMessage() == null ? null : readableId(request.getMessage());
        request.setResponse("application/json",
                codec.write(codec.error(id, rejection.code(), rejection.getMessage(), null)));
    }

    /** Anything unexpected: logged with the correlation id, answered 500 with a sanitised JSON-RPC error. */
    public void fail(@Variable("mcp") McpRequest request,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        LOG.error("Request {} failed", request.getCorrelationId(), failure);
        if (request.getPostStream() != null) {
            request.getPostStream().finish(codec.error(null, JsonRpcErrors.INTERNAL_ERROR,
                    "Internal error (correlation id " + request.getCorrelationId() + ")", null));
            return;
        }
        request.setStatus(500);
        request.setRejection("internal error");
        request.setResponse("application/json", codec.write(codec.error(null, JsonRpcErrors.INTERNAL_ERROR,
                "Internal error (correlation id " + request.getCorrelationId() + ")", null)));
    }

    /** Writes status, headers and body onto the Camel message and stamps the latency. */
    public void finish(Exchange exchange) {
        McpRequest request = exchange.getVariable("mcp", McpRequest.class);
        var message = exchange.getMessage();
        if (request.getPostStream() != null) {
            // the reply was written as an event stream and has ended; Camel writes nothing more
            request.finish(System.nanoTime());
            return;
        }
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, request.getStatus());
        message.setHeader(CORRELATION_HEADER, request.getCorrelationId());
        request.getResponseHeaders().forEach(message::setHeader);
        if (request.getResponseBody() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, request.getResponseContentType());
            message.setBody(request.getResponseBody());
        } else {
            message.setBody(null);
        }
        request.finish(System.nanoTime());
    }

    private static JsonNode readableId(JsonNode message) {
        JsonNode id = message.get("id");
        return id != null && (id.isTextual() || id.isIntegralNumber()) ? id : null;
    }

    /** Collects the responses of a batch (split) into one array; notifications add nothing. */
    public static class BatchResponses implements org.apache.camel.AggregationStrategy {
        @Override
        public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
            Exchange target = oldExchange == null ? newExchange : oldExchange;
            ArrayNode responses = oldExchange == null
                    ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()
                    : oldExchange.getMessage().getBody(ArrayNode.class);
            Object body = newExchange.getMessage().getBody();
            if (body instanceof JsonNode node && !node.isNull()) {
                responses.add(node);
            }
            target.getMessage().setBody(responses);
            return target;
        }
    }
}
