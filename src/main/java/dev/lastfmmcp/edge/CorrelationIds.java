package dev.lastfmmcp.edge;

import dev.lastfmmcp.mcp.McpHttp;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler on the router: every request gets one correlation id (the caller's {@code X-Request-Id} when it
 * is safe, else its {@code X-Correlation-Id} when that is safe, a new UUID otherwise), written on the request (as
 * {@code X-Correlation-Id}) for the routes, the stream handlers and {@link EdgeReplies} to read, and on the response
 * as both headers, so every response carries it, whichever handler or route writes it (landing page, health, server
 * card, CORS preflights, 404/405, MCP). It is the {@code correlationId} of the log lines and the audit record.
 */
public class CorrelationIds implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext routing) {
        HttpServerRequest http = routing.request();
        String id = McpHttp.correlationId(http.getHeader(McpHttp.REQUEST_ID_HEADER),
                http.getHeader(McpHttp.CORRELATION_HEADER));
        http.headers().set(McpHttp.CORRELATION_HEADER, id);
        routing.response().putHeader(McpHttp.CORRELATION_HEADER, id).putHeader(McpHttp.REQUEST_ID_HEADER, id);
        routing.next();
    }
}
