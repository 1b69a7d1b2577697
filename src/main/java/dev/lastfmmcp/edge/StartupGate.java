package dev.lastfmmcp.edge;

import java.util.Map;

import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Vert.x listens before Camel has put every route on the router; until the application is fully started every
 * request gets a 503 with {@code Retry-After: 1} and a JSON-RPC error instead of a bare HTML 404.
 */
public class StartupGate implements Handler<RoutingContext> {

    private final EdgeReplies replies;
    private volatile boolean open;

    public StartupGate(EdgeReplies replies) {
        this.replies = replies;
    }

    public void open() {
        open = true;
    }

    public boolean isOpen() {
        return open;
    }

    @Override
    public void handle(RoutingContext routing) {
        if (open) {
            routing.next();
            return;
        }
        replies.reject(routing.response(), replies.begin(routing.request()), new McpHttpException(503,
                JsonRpcErrors.INTERNAL_ERROR, "Service Unavailable: the server is starting; retry in a moment",
                Map.of("Retry-After", "1")));
    }
}
