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
    private final transient Object data;

    public McpHttpException(int status, int code, String message) {
        this(status, code, message, Map.of());
    }

    public McpHttpException(int status, int code, String message, Map<String, String> headers) {
        this(status, code, message, headers, null);
    }

    /** @param data the JSON-RPC error's {@code data} (such as the supported versions of -32022); null for none */
    public McpHttpException(int status, int code, String message, Map<String, String> headers, Object data) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
        this.data = data;
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

    /** The JSON-RPC error's {@code data}, or null. */
    public Object data() {
        return data;
    }

    public static McpHttpException badRequest(String message) {
        return new McpHttpException(400, JsonRpcErrors.INVALID_REQUEST, message);
    }
}
