package dev.lastfmmcp.edge;

import java.util.function.Supplier;

import dev.lastfmmcp.jsonrpc.McpHttpException;
import dev.lastfmmcp.mcp.HttpGuard;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS for browser-based MCP clients (the Inspector's direct mode, web apps), with the same origin policy as the
 * Origin check ({@link HttpGuard}): an allowed origin gets {@code Access-Control-Allow-Origin} and may read
 * {@code Mcp-Session-Id}; a preflight is answered here (204) with the path's real methods and the MCP headers.
 * A foreign origin gets no CORS headers, and its preflight a 403. The OAuth discovery documents
 * ({@code /.well-known/oauth-*}) are public: any origin may read them ({@code Access-Control-Allow-Origin: *}), as
 * browser-based clients discover the authorization server cross-origin.
 *
 * <p>Not Vert.x {@code CorsHandler}, which was weighed: its origins are a fixed list or patterns and it answers a
 * refused preflight with an empty 403; here the origin policy is {@link HttpGuard}'s (loopback origins on any port,
 * the configured list, {@code *}), a refusal is a JSON-RPC error with an audit record, and {@code
 * Access-Control-Allow-Methods} names each path's real methods from the routes.
 */
public class Cors implements Handler<RoutingContext> {

    static final String ALLOW_HEADERS = "Content-Type, Accept, Authorization, Mcp-Session-Id, MCP-Protocol-Version, "
                                        + "Last-Event-ID";
    static final String EXPOSE_HEADERS = "Mcp-Session-Id, MCP-Protocol-Version, X-Correlation-Id, WWW-Authenticate, "
                                         + "Retry-After";

    private final HttpGuard guard;
    private final Supplier<EndpointMethods> methods;
    private final EdgeReplies replies;
    private final long maxAgeSeconds;

    public Cors(HttpGuard guard, Supplier<EndpointMethods> methods, EdgeReplies replies, long maxAgeSeconds) {
        this.guard = guard;
        this.methods = methods;
        this.replies = replies;
        this.maxAgeSeconds = maxAgeSeconds;
    }

    @Override
    public void handle(RoutingContext routing) {
        HttpServerRequest http = routing.request();
        HttpServerResponse response = routing.response();
        String origin = http.getHeader("Origin");
        boolean open = isPublic(http.path());
        boolean allowed = origin != null && !origin.isEmpty() && guard.isAllowedOrigin(origin);
        if (open) {
            response.putHeader("Access-Control-Allow-Origin", "*");
        } else if (allowed) {
            response.putHeader("Access-Control-Allow-Origin", origin)
                    .putHeader("Vary", "Origin")
                    .putHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        }
        if (http.method() != HttpMethod.OPTIONS) {
            routing.next();
            return;
        }
        EndpointMethods served = methods.get();
        String path = http.path();
        if (!served.isServed(path)) {
            routing.next();
            return;
        }
        boolean preflight = http.getHeader("Access-Control-Request-Method") != null;
        if (preflight && !open) {
            try {
                guard.checkOrigin(origin);
            } catch (McpHttpException rejection) {
                replies.reject(response, replies.begin(http), rejection);
                return;
            }
        }
        response.putHeader("Allow", served.allowHeader(path));
        if (preflight) {
            response.putHeader("Access-Control-Allow-Methods", served.allowHeader(path))
                    .putHeader("Access-Control-Allow-Headers", ALLOW_HEADERS)
                    .putHeader("Access-Control-Max-Age", Long.toString(maxAgeSeconds));
        }
        response.setStatusCode(204).end();
    }

    /** Paths any origin may read: the OAuth discovery documents. */
    static boolean isPublic(String path) {
        return path != null && path.startsWith(PUBLIC_PREFIX);
    }

    static final String PUBLIC_PREFIX = "/.well-known/oauth-";
}
