package dev.lastfmmcp.jsonrpc;

import dev.lastfmmcp.format.SafeText;

/**
 * A request that gets a JSON-RPC error response (HTTP 200). The message is shown to the client, so it must never
 * carry internals or secrets.
 */
public class JsonRpcException extends RuntimeException {

    /** How much of a name a client sent (method, tool, prompt, argument) an error message repeats. */
    private static final int ECHOED_NAME_LENGTH = 100;

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

    /** A name the client sent, shortened for repeating in an error message. */
    public static String echoed(String name) {
        return SafeText.clip(name, ECHOED_NAME_LENGTH);
    }

    /**
     * -32602 for a name that is not in a catalogue: "Unknown tool: x (see tools/list)". The name is the client's and
     * is shortened.
     */
    public static JsonRpcException unknown(String kind, String name, String listMethod) {
        return invalidParams("Unknown " + kind + ": " + echoed(name) + " (see " + listMethod + ")");
    }

    public static JsonRpcException invalidRequest(String message) {
        return new JsonRpcException(JsonRpcErrors.INVALID_REQUEST, message);
    }

    public static JsonRpcException methodNotFound(String method) {
        return new JsonRpcException(JsonRpcErrors.METHOD_NOT_FOUND, "Method not found: " + echoed(method));
    }
}
