package dev.lastfmmcp.edge;

import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Requests the router cannot even match, such as {@code GET /%zz} (Vert.x fails on the invalid percent-encoding while
 * matching routes, before any handler runs): the JSON-RPC 400 and audit record of every other rejection instead of
 * Vert.x's bare "Bad Request" and a 57-line ERROR with a stack trace, and one log line at most per interval.
 * Registered as the router's error handler for 400, which Vert.x calls instead of logging.
 */
public class MalformedRequests implements Handler<RoutingContext> {

    private final EdgeReplies replies;
    private final RateLimitedLog log;

    public MalformedRequests(EdgeReplies replies, RateLimitedLog log) {
        this.replies = replies;
        this.log = log;
    }

    @Override
    public void handle(RoutingContext routing) {
        log.warn("Rejected a malformed request (400): its URI could not be decoded (invalid percent-encoding)");
        // the raw path only: the normalised one is what failed to decode
        replies.reject(routing.response(), replies.begin(routing.request()), new McpHttpException(400,
                JsonRpcErrors.INVALID_REQUEST, "Bad Request: the request URI could not be decoded (invalid"
                + " percent-encoding such as %zz); encode reserved characters as %XX with two hex digits"));
    }
}
