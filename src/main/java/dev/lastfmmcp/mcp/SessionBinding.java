package dev.lastfmmcp.mcp;

import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import dev.lastfmmcp.oauth.BearerChallenge;
import dev.lastfmmcp.signin.SignIns;
import org.apache.camel.Header;
import org.apache.camel.Variable;

/**
 * Which session a request belongs to, with one set of rules and messages for every way in: POST and DELETE on
 * {@code /mcp}, the legacy {@code POST /messages?sessionId=}, and the GET stream handler; and who makes it: the
 * sign-in named by {@code ?session_id=} (the personal MCP URL), checked on every request.
 */
public class SessionBinding {

    /** The query parameter of the personal MCP URL. */
    public static final String SIGN_IN_PARAMETER = "session_id";

    private final SessionStore sessions;
    private final SessionPublisher streams;
    private final JsonRpcCodec codec;
    private final SignIns signIns;
    private final java.util.function.Supplier<String> loginUrl;
    private final Access access;

    /**
     * How {@code /mcp} treats credentials.
     *
     * @param required  true: a request with neither a bearer token nor a {@code session_id} is a 401 challenge
     *                  (MCP_AUTH_REQUIRED); false: it runs anonymously
     * @param challenge the {@code WWW-Authenticate} values
     */
    public record Access(boolean required, BearerChallenge challenge, BearerTokens tokens) {
    }

    /** The port the OAuth wiring implements: the caller a live access token stands for. */
    @FunctionalInterface
    public interface BearerTokens {
        java.util.Optional<Caller> caller(String accessToken);
    }

    public SessionBinding(SessionStore sessions, SessionPublisher streams, JsonRpcCodec codec) {
        this(sessions, streams, codec, null, null, null);
    }

    /**
     * @param signIns  the sign-in store (null: sign-in is not available, a {@code session_id} is refused)
     * @param loginUrl where a user signs in again, named in the 401 message
     */
    public SessionBinding(SessionStore sessions, SessionPublisher streams, JsonRpcCodec codec, SignIns signIns,
            java.util.function.Supplier<String> loginUrl, Access access) {
        this.sessions = sessions;
        this.access = access;
        this.streams = streams;
        this.codec = codec;
        this.signIns = signIns;
        this.loginUrl = loginUrl;
    }

    /**
     * The caller of a request: the signed-in user of {@code ?session_id=}, or anonymous. An unknown, expired or
     * signed-out id is a 401 that says where to sign in again, never a silent anonymous request; the id itself is
     * never repeated in a message. A live OAuth access token is its user (through the sign-in it was issued from);
     * any other bearer token a 401 {@code invalid_token}, and an {@code Authorization} header of another scheme a
     * 400; both carry the challenge that names the protected-resource metadata. Without any credential the request runs anonymously, unless
     * credentials are required: then it is the 401 challenge.
     */
    public void identify(@Variable("mcp") McpRequest request, @Header(SIGN_IN_PARAMETER) String signInId,
            @Header("Authorization") String authorization) {
        if (authorization != null && access != null) {
            request.setCaller(bearer(authorization, signInId != null));
            return;
        }
        if (signInId == null) {
            if (access != null && access.required()) {
                throw new McpHttpException(401, JsonRpcErrors.UNAUTHORIZED, "Unauthorized: this server needs a "
                        + "credential: sign in through OAuth (the WWW-Authenticate header names the metadata) or use "
                        + "the personal MCP URL from " + loginUrl.get(),
                        java.util.Map.of("WWW-Authenticate", access.challenge().missing()));
            }
            return;
        }
        if (signIns == null) {
            throw signInGone();
        }
        request.setCaller(Caller.signedIn(signIns.find(signInId).orElseThrow(() -> signIns.rejected(signInId)
                ? signInRejected() : signInGone())));
    }

    private Caller bearer(String authorization, boolean withSignIn) {
        String value = authorization.strip();
        boolean bearer = value.regionMatches(true, 0, "Bearer ", 0, 7) && !value.substring(7).isBlank();
        if (!bearer || withSignIn) {
            String why = withSignIn ? "send either a bearer token or a session_id, not both"
                    : "the Authorization header must be 'Bearer <access token>'";
            throw new McpHttpException(400, JsonRpcErrors.INVALID_REQUEST, "Bad Request: " + why,
                    java.util.Map.of("WWW-Authenticate", access.challenge().invalidRequest(why)));
        }
        return access.tokens().caller(value.substring(7).strip()).orElseThrow(() -> {
            String why = "the access token is unknown, expired or revoked";
            return new McpHttpException(401, JsonRpcErrors.UNAUTHORIZED, "Unauthorized: " + why
                    + "; refresh it or sign in again", java.util.Map.of("WWW-Authenticate",
                    access.challenge().invalidToken(why)));
        });
    }

    private McpHttpException signInRejected() {
        return new McpHttpException(401, JsonRpcErrors.UNAUTHORIZED, "Unauthorized: Last.fm no longer accepts this "
                + "personal MCP URL's sign-in (its session key was revoked at Last.fm), so it was marked invalid; "
                + "sign in again at " + loginUrl.get() + " and use the new URL it shows");
    }

    private McpHttpException signInGone() {
        return new McpHttpException(401, JsonRpcErrors.UNAUTHORIZED, "Unauthorized: this personal MCP URL's "
                + "sign-in is unknown, expired or signed out; sign in again at " + loginUrl.get()
                + " and use the new URL it shows");
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
        Session session = live(sessionId, request);
        request.bind(session, versionHeader != null ? versionHeader : session.protocolVersion());
        if (request.isBatch() && !ProtocolVersions.allowsBatches(session.protocolVersion())) {
            throw McpHttpException.badRequest("Invalid request: JSON-RPC batches are not supported in protocol "
                                              + "version " + session.protocolVersion() + "; send one message per POST");
        }
    }

    /** The GET stream's session: the same header, version and liveness rules as a POST. */
    public Session bindStream(McpRequest request, String sessionId, String versionHeader) {
        checkVersion(versionHeader);
        Session session = live(sessionId, request);
        request.bind(session, versionHeader != null ? versionHeader : session.protocolVersion());
        return session;
    }

    /** DELETE /mcp: ends the session named by the header (400 without one, 404 when unknown). */
    public void terminate(@Variable("mcp") McpRequest request, @Header(Lifecycle.SESSION_HEADER) String sessionId) {
        Session session = live(sessionId, request);
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
        checkOwner(session, request);
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

    private Session live(String sessionId, McpRequest request) {
        if (sessionId == null || sessionId.isEmpty()) {
            throw McpHttpException.badRequest("Bad Request: the Mcp-Session-Id header is missing; "
                                              + "send initialize first and then the session id it returns");
        }
        Session session = sessions.find(sessionId).orElseThrow(SessionBinding::sessionNotFound);
        checkOwner(session, request);
        return session;
    }

    /**
     * A session belongs to the sign-in it was started with (or to no one): a request with another sign-in, or
     * without the one it was started with, does not find it (404, the same answer as an unknown session).
     */
    private static void checkOwner(Session session, McpRequest request) {
        if (!java.util.Objects.equals(session.signIn(), request.getCaller().credentialHash())) {
            throw sessionNotFound();
        }
    }
}
