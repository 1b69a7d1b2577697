package dev.lastfmmcp.edge;

import java.time.Clock;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import dev.lastfmmcp.mcp.McpHttp;
import dev.lastfmmcp.mcp.McpRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * How the Vert.x-level handlers (streams, CORS, start-up gate, fallbacks) answer a rejection: the HTTP status, a
 * JSON-RPC error body, a correlation id, and an audit record, exactly like a rejection inside the routes.
 */
public class EdgeReplies {

    private final JsonRpcCodec codec;
    private final Clock clock;
    private final Consumer<McpRequest> audit;

    public EdgeReplies(JsonRpcCodec codec, Clock clock, Consumer<McpRequest> audit) {
        this.codec = codec;
        this.clock = clock;
        this.audit = audit;
    }

    /** A new request record for an exchange handled outside the routes. */
    public McpRequest begin(HttpServerRequest http) {
        return begin(http, McpRequest.STREAMABLE_HTTP);
    }

    /** A new request record of that transport for an exchange handled outside the routes. */
    public McpRequest begin(HttpServerRequest http, String transport) {
        return new McpRequest(McpHttp.correlationId(http.getHeader(McpHttp.CORRELATION_HEADER)), System.nanoTime(),
                clock.instant(), http.method().name(), http.path(), transport,
                McpHttp.clientAddress(http.remoteAddress()));
    }

    /**
     * Writes the rejection (unless a response is already under way) and records it. On the OAuth endpoints that
     * answer JSON ({@link #isOAuthApi}) the body is an OAuth error (RFC 6749 §5.2), as their routes answer.
     */
    public void reject(HttpServerResponse response, McpRequest request, McpHttpException rejection) {
        request.reply().setStatus(rejection.status());
        request.audit().setRejection(rejection.getMessage());
        if (!response.ended() && !response.headWritten()) {
            rejection.headers().forEach(response::putHeader);
            boolean oauth = isOAuthApi(request.getPath());
            if (oauth) {
                response.putHeader("Cache-Control", "no-store");
            }
            response.setStatusCode(rejection.status())
                    .putHeader("Content-Type", "application/json")
                    .putHeader(McpHttp.CORRELATION_HEADER, request.getCorrelationId())
                    .end(codec.write(oauth ? oauthError(rejection)
                            : codec.error(null, rejection.code(), rejection.getMessage(), null)));
        }
        finish(request);
    }

    /** {@code /oauth/register}, {@code /oauth/token}, {@code /oauth/revoke}: OAuth clients read their errors. */
    static boolean isOAuthApi(String path) {
        return path != null && path.startsWith("/oauth/");
    }

    static ObjectNode oauthError(McpHttpException rejection) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", rejection.status() == 503 ? "temporarily_unavailable"
                : rejection.status() >= 500 ? "server_error" : "invalid_request");
        body.put("error_description", rejection.getMessage());
        return body;
    }

    /** Records an exchange that ended outside the routes. */
    public void finish(McpRequest request) {
        request.audit().finish(System.nanoTime());
        audit.accept(request);
    }
}
