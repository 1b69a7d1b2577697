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

    /** 2026-07-28: an HTTP header (MCP-Protocol-Version, Mcp-Method, Mcp-Name) is missing or differs from the body. */
    public static final int HEADER_MISMATCH = -32020;
    /** 2026-07-28: the request needs a client capability the client did not declare in its {@code _meta}. */
    public static final int MISSING_CLIENT_CAPABILITY = -32021;
    /** 2026-07-28: the request's protocol version is not one this server speaks ({@code data.supported}). */
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

    private JsonRpcErrors() {
    }
}
