package dev.lastfmmcp.jsonrpc;

/**
 * A request that gets a JSON-RPC error response (HTTP 200). The message is shown to the client, so it must never
 * carry internals or secrets.
 */
public class JsonRpcException extends RuntimeException {

    private final int code;
    private final transient Object data;

    public JsonRpcException(int code, String message) {
        this(code, message, null);
    }

    public JsonRpcException(int code, String message, Object data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    public int code() {
        return code;
    }

    public Object data() {
        return data;
    }

    public static JsonRpcException invalidParams(String message) {
        return new JsonRpcException(JsonRpcErrors.INVALID_PARAMS, message);
    }

    public static JsonRpcException invalidRequest(String message) {
        return new JsonRpcException(JsonRpcErrors.INVALID_REQUEST, message);
    }

    public static JsonRpcException methodNotFound(String method) {
        return new JsonRpcException(JsonRpcErrors.METHOD_NOT_FOUND, "Method not found: " + method);
    }
}
