package dev.lastfmmcp.mcp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import dev.lastfmmcp.upstream.RequestDeadline;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/** The first steps of an MCP exchange: open the request context, learn which reply the client takes, read the body. */
public class McpIntake {

    private final JsonRpcCodec codec;
    private final HttpGuard guard;
    private final Clock clock;
    private final int maxBatchSize;
    private final Duration requestTimeout;

    /**
     * @param maxBatchSize   most messages in one JSON-RPC batch (a bigger batch is a 400)
     * @param requestTimeout how long one request may take from its arrival: upstream calls end by then
     */
    public McpIntake(JsonRpcCodec codec, HttpGuard guard, Clock clock, int maxBatchSize, Duration requestTimeout) {
        this.codec = codec;
        this.guard = guard;
        this.clock = clock;
        this.maxBatchSize = maxBatchSize;
        this.requestTimeout = requestTimeout;
    }

    /** Opens the request context (variable {@code mcp}); a caller's safe X-Correlation-Id is kept. */
    public void begin(Exchange exchange) {
        String correlationId = McpHttp.correlationId(exchange.getMessage().getHeader(McpHttp.CORRELATION_HEADER,
                String.class));
        String method = exchange.getMessage().getHeader(Exchange.HTTP_METHOD, "POST", String.class);
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
        long arrival = System.nanoTime();
        String requestPath = path == null || path.isEmpty() ? "/" : path;
        HttpMessage http = exchange.getIn() instanceof HttpMessage message ? message : null;
        McpRequest request = new McpRequest(correlationId, arrival, clock.instant(), method, requestPath,
                McpHttp.LEGACY_MESSAGES_PATH.equals(requestPath) ? McpRequest.LEGACY_SSE : McpRequest.STREAMABLE_HTTP,
                http == null ? null : McpHttp.clientAddress(http.getRequest().remoteAddress()),
                exchange.getMessage().getHeader(McpHttp.FORWARDED_FOR_HEADER, String.class));
        exchange.setVariable(RequestDeadline.VARIABLE, arrival + requestTimeout.toNanos());
        if (http != null) {
            request.reply().setHttpResponse(http.getResponse());
        }
        exchange.setVariable("mcp", request);
    }

    /** Records which reply the client accepts (406 when it accepts neither JSON nor an event stream). */
    public void negotiateReply(@Variable("mcp") McpRequest request, @Header("Accept") String accept) {
        request.reply().setMode(guard.checkAccept(accept));
        request.reply().setAcceptsEventStream(HttpGuard.acceptsEventStream(accept));
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
}
