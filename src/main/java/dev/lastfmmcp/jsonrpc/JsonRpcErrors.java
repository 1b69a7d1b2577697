package dev.lastfmmcp.jsonrpc;

/** JSON-RPC 2.0 and MCP error codes, the only ones this server sends. */
public final class JsonRpcErrors {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** MCP: resources/read of a URI that names nothing. */
    public static final int RESOURCE_NOT_FOUND = -32002;
    /** The request's credential (sign-in id, later a token) is unknown, expired or signed out (HTTP 401). */
    public static final int UNAUTHORIZED = -32001;

    private JsonRpcErrors() {
    }
}
