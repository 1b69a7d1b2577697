package dev.lastfmmcp.mcp;

import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import org.apache.camel.Header;
import org.apache.camel.Variable;

/**
 * Which session a request belongs to, with one set of rules and messages for every way in: POST and DELETE on
 * {@code /mcp}, the legacy {@code POST /messages?sessionId=}, and the GET stream handler.
 */
public class SessionBinding {

    private final SessionStore sessions;
    private final SessionPublisher streams;
    private final JsonRpcCodec codec;

    public SessionBinding(SessionStore sessions, SessionPublisher streams, JsonRpcCodec codec) {
        this.sessions = sessions;
        this.streams = streams;
        this.codec = codec;
    }

    /**
     * Every message but {@code initialize} needs a live session: 400 without the header, 404 for an unknown, expired
     * or deleted one. An unsupported MCP-Protocol-Version is a 400; without the header the session's negotiated
     * version applies. Batches are only for sessions that negotiated 2025-03-26 or earlier. A new session needs
     * room (503 otherwise).
     */
    public void bindSession(@Variable("mcp") McpRequest request, @Header(Lifecycle.SESSION_HEADER) String sessionId,
            @Header(McpHttp.VERSION_HEADER) String versionHeader, @Header("sessionId") String legacySessionId) {
        if (request.isLegacy()) {
            bindLegacySession(request, legacySessionId);
            return;
        }
        checkVersion(versionHeader);
        if (!request.isBatch() && "initialize".equals(request.getMessage().path("method").asText(null))) {
            sessions.checkRoom(request.getClientAddress());
            return;
        }
        Session session = live(sessionId);
        request.bind(session, versionHeader != null ? versionHeader : session.protocolVersion());
        if (request.isBatch() && !ProtocolVersions.allowsBatches(session.protocolVersion())) {
            throw McpHttpException.badRequest("Invalid request: JSON-RPC batches are not supported in protocol "
                                              + "version " + session.protocolVersion() + "; send one message per POST");
        }
    }

    /** The GET stream's session: the same header, version and liveness rules as a POST. */
    public Session bindStream(McpRequest request, String sessionId, String versionHeader) {
        checkVersion(versionHeader);
        Session session = live(sessionId);
        request.bind(session, versionHeader != null ? versionHeader : session.protocolVersion());
        return session;
    }

    /** DELETE /mcp: ends the session named by the header (400 without one, 404 when unknown). */
    public void terminate(@Variable("mcp") McpRequest request, @Header(Lifecycle.SESSION_HEADER) String sessionId) {
        Session session = live(sessionId);
        request.bind(session, session.protocolVersion());
        sessions.delete(sessionId);
        request.reply().setStatus(204);
    }

    public static McpHttpException sessionNotFound() {
        return new McpHttpException(404, JsonRpcErrors.INVALID_REQUEST,
                "Session not found: it expired or was ended; send initialize to start a new session");
    }

    /**
     * A POST of the legacy transport: the session is the stream's ({@code ?sessionId=}), initialize included, and
     * everything the request sends (its response too) travels on that stream.
     */
    private void bindLegacySession(McpRequest request, String legacySessionId) {
        if (legacySessionId == null || legacySessionId.isEmpty()) {
            throw McpHttpException.badRequest("Bad Request: the sessionId query parameter is missing; "
                                              + "open GET /sse first and POST to the endpoint it names");
        }
        Session session = sessions.find(legacySessionId).orElseThrow(SessionBinding::sessionNotFound);
        request.bind(session, session.protocolVersion());
        request.setProgressSink(message -> streams.publish(session.id(), codec.write(message)));
    }

    private static void checkVersion(String versionHeader) {
        if (versionHeader != null && !ProtocolVersions.isSupported(versionHeader)) {
            throw McpHttpException.badRequest("Bad Request: unsupported MCP-Protocol-Version " + versionHeader
                                              + " (supported: " + String.join(", ", ProtocolVersions.SUPPORTED)
                                              + ")");
        }
    }

    private Session live(String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) {
            throw McpHttpException.badRequest("Bad Request: the Mcp-Session-Id header is missing; "
                                              + "send initialize first and then the session id it returns");
        }
        return sessions.find(sessionId).orElseThrow(SessionBinding::sessionNotFound);
    }
}
