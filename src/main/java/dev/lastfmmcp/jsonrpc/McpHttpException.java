package dev.lastfmmcp.jsonrpc;

import java.util.Map;

/**
 * A rejection at the HTTP level: an HTTP status plus a JSON-RPC error body (id when it could be read). Thrown by the
 * intake checks (origin, content type, session, protocol version ...).
 */
public class McpHttpException extends RuntimeException {

    private final int status;
    private final int code;
    private final transient Map<String, String> headers;

    public McpHttpException(int status, int code, String message) {
        this(status, code, message, Map.of());
    }

    public McpHttpException(int status, int code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    /** Extra response headers, such as {@code Allow} on a 405. */
    public Map<String, String> headers() {
        return headers;
    }

    public static McpHttpException badRequest(String message) {
        return new McpHttpException(400, JsonRpcErrors.INVALID_REQUEST, message);
    }
}
