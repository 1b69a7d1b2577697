package dev.lastfmmcp.edge;

import java.util.Map;
import java.util.function.Supplier;

import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The last route on the router: a request no endpoint took. A served path with another method is a 405 whose
 * {@code Allow} lists the path's methods; any other path a 404 that names the MCP endpoint. Both JSON, both audited.
 */
public class Fallbacks implements Handler<RoutingContext> {

    private final Supplier<EndpointMethods> methods;
    private final EdgeReplies replies;

    public Fallbacks(Supplier<EndpointMethods> methods, EdgeReplies replies) {
        this.methods = methods;
        this.replies = replies;
    }

    @Override
    public void handle(RoutingContext routing) {
        HttpServerRequest http = routing.request();
        EndpointMethods served = methods.get();
        String path = http.path();
        McpHttpException rejection;
        if (served.isServed(path) && !served.allowed(path).orElseThrow().contains(http.method().name())) {
            rejection = new McpHttpException(405, JsonRpcErrors.INVALID_REQUEST, "Method Not Allowed: " + path
                    + " answers " + served.allowHeader(path), Map.of("Allow", served.allowHeader(path)));
        } else {
            rejection = new McpHttpException(404, JsonRpcErrors.INVALID_REQUEST, "Not Found: nothing is served at "
                    + path + "; the MCP endpoint is /mcp");
        }
        replies.reject(routing.response(), replies.begin(http), rejection);
    }
}
