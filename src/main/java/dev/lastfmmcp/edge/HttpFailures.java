package dev.lastfmmcp.edge;

import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Requests that Vert.x turns away before any route runs (a body over {@code camel.server.maxBodySize} is a 413)
 * still get a JSON-RPC error body and an audit record, like every other rejection; on the OAuth endpoints a 400
 * {@code invalid_request} (an OAuth error body, see {@link EdgeReplies}).
 */
public class HttpFailures implements Handler<RoutingContext> {

    private final EdgeReplies replies;
    private final long maxBodyBytes;

    public HttpFailures(EdgeReplies replies, long maxBodyBytes) {
        this.replies = replies;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(RoutingContext routing) {
        int status = routing.statusCode() > 0 ? routing.statusCode() : 500;
        // an OAuth client reads a body that is too large as a bad request (RFC 6749 §5.2 invalid_request)
        int answered = status == 413 && EdgeReplies.isOAuthApi(routing.request().path()) ? 400 : status;
        replies.reject(routing.response(), replies.begin(routing.request()), new McpHttpException(answered,
                status >= 500 ? JsonRpcErrors.INTERNAL_ERROR : JsonRpcErrors.INVALID_REQUEST, describe(status)));
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
