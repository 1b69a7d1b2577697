package dev.lastfmmcp.mcp;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;

import dev.lastfmmcp.config.HttpServerCheck;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Requests that Vert.x turns away before any route runs (a body over {@code camel.server.maxBodySize} is a 413)
 * still get a JSON-RPC error body and an audit record, like every other rejection.
 */
public class HttpFailureHandler implements StartupListener {

    private final JsonRpcCodec codec;
    private final Clock clock;
    private final long maxBodyBytes;
    private final Consumer<McpRequest> audit;

    public HttpFailureHandler(JsonRpcCodec codec, Clock clock, long maxBodyBytes, Consumer<McpRequest> audit) {
        this.codec = codec;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
        this.audit = audit;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // registered once the HTTP server is up
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        VertxPlatformHttpRouter router = HttpServerCheck.mainRouter(context);
        if (router == null) {
            return;
        }
        router.route().failureHandler(this::handle);
    }

    void handle(RoutingContext routing) {
        HttpServerResponse response = routing.response();
        int status = routing.statusCode() > 0 ? routing.statusCode() : 500;
        String message = describe(status);
        McpRequest request = new McpRequest(UUID.randomUUID().toString(), System.nanoTime(), clock.instant(),
                routing.request().method().name(), routing.request().path());
        request.setStatus(status);
        request.setRejection(message);
        if (!response.ended() && !response.headWritten()) {
            response.setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .putHeader(McpHttp.CORRELATION_HEADER, request.getCorrelationId())
                    .end(codec.write(codec.error(null, status == 500
                            ? JsonRpcErrors.INTERNAL_ERROR : JsonRpcErrors.INVALID_REQUEST, message, null)));
        }
        request.finish(System.nanoTime());
        audit.accept(request);
    }

    String describe(int status) {
        return switch (status) {
            case 413 -> "Payload Too Large: the request body is over the limit of " + maxBodyBytes
                        + " bytes (MCP_MAX_BODY_BYTES)";
            case 400 -> "Bad Request";
            default -> status >= 500 ? "Internal error" : "HTTP " + status;
        };
    }
}
