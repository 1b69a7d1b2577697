package dev.lastfmmcp.edge;

import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Requests the router cannot even match, such as {@code GET /%zz} (Vert.x fails on the invalid percent-encoding while
 * matching routes, before any handler runs): the JSON-RPC 400 and audit record of every other rejection instead of
 * Vert.x's bare "Bad Request" and a 57-line ERROR with a stack trace, and one log line at most per interval.
 * Registered as the router's error handler for 400, which Vert.x calls instead of logging.
 *
 * <p>Also the HTTP server's invalid-request handler: requests whose head Vert.x cannot decode (a request line over
 * {@code maxInitialLineLength}: 414; headers over {@code maxHeaderSize}: 431; anything else unparsable: 400) get the
 * same JSON body, correlation id and audit record instead of an empty answer; the connection is closed after it.
 */
public class MalformedRequests implements Handler<RoutingContext> {

    private final EdgeReplies replies;
    private final RateLimitedLog log;

    public MalformedRequests(EdgeReplies replies, RateLimitedLog log) {
        this.replies = replies;
        this.log = log;
    }

    /** The handler for {@code HttpServer.invalidRequestHandler}, with the limits of the server it is set on. */
    public Handler<HttpServerRequest> invalidRequests(HttpServerOptions options) {
        int maxLine = options.getMaxInitialLineLength();
        int maxHeaders = options.getMaxHeaderSize();
        return request -> {
            McpHttpException rejection = describe(request.decoderResult(), maxLine, maxHeaders);
            log.warn("Rejected a malformed request (" + rejection.status() + "): " + rejection.getMessage());
            request.response().putHeader("Connection", "close");
            replies.reject(request.response(), replies.begin(request), rejection);
        };
    }

    static McpHttpException describe(DecoderResult result, int maxLine, int maxHeaders) {
        Throwable cause = result == null ? null : result.cause();
        String detail = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        if (cause instanceof TooLongFrameException && detail.startsWith("An HTTP line is larger than")) {
            return new McpHttpException(414, JsonRpcErrors.INVALID_REQUEST, "URI Too Long: the request line is over"
                    + " the limit of " + maxLine + " bytes");
        }
        if (cause instanceof TooLongFrameException && detail.startsWith("HTTP header is larger than")) {
            return new McpHttpException(431, JsonRpcErrors.INVALID_REQUEST, "Request Header Fields Too Large: the"
                    + " request headers are over the limit of " + maxHeaders + " bytes");
        }
        return new McpHttpException(400, JsonRpcErrors.INVALID_REQUEST, "Bad Request: the request is not valid"
                + " HTTP/1.1 (its request line or headers could not be parsed)");
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
