package dev.lastfmmcp.mcp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.upstream.UpstreamCaller;

/**
 * The request context of one HTTP exchange on an MCP endpoint, kept in the exchange variable {@code mcp}: what the
 * request is (correlation id, arrival, method, path, transport, client address, messages), whose it is (session,
 * negotiated version, {@link Caller}), set once when the session is bound, and two parts of its own: the
 * {@link HttpReply} the routes build and the {@link AuditTrail} the audit record is made from. JSON-RPC parts travel
 * here, never in headers, so they cannot leak into outbound HTTP calls.
 *
 * <p>What the HTTP request says (correlation id, arrival, method, path, transport, client address) is final, given
 * at intake. The messages are set once, when the body is read: the context exists before that, so that a request
 * refused earlier (origin, host, content type, accept, an unreadable body) still has its correlation id, reply and
 * audit record. Session, protocol version and caller change only through {@link #bind} (and the sign-in's
 * {@link #setCaller}); the progress sink when the reply becomes an event stream.
 */
public class McpRequest implements UpstreamCaller {

    public static final String ANONYMOUS = "anonymous";

    /** The transport of {@code POST /mcp} and {@code POST /}. */
    public static final String STREAMABLE_HTTP = "streamable-http";

    /** The transport of {@code GET /sse} and {@code POST /messages} (2024-11-05). */
    public static final String LEGACY_SSE = "legacy-sse";

    private final String correlationId;
    private final long startNanos;
    private final Instant receivedAt;
    private final String httpMethod;
    private final String path;
    private final String transport;
    private final String clientAddress;
    private final String forwardedFor;

    private List<JsonNode> messages = List.of();
    private boolean batch;
    private boolean messagesRead;
    private Session session;
    private String protocolVersion;
    private Caller caller = Caller.ANONYMOUS;
    private volatile ProgressSink progressSink;
    private StatelessRequest stateless;
    private final ServedData served = new ServedData();

    private final HttpReply reply = new HttpReply();
    private final AuditTrail audit;

    /** A Streamable HTTP request from an address not known. */
    public McpRequest(String correlationId, long startNanos, Instant receivedAt, String httpMethod, String path) {
        this(correlationId, startNanos, receivedAt, httpMethod, path, STREAMABLE_HTTP, null);
    }

    /**
     * @param transport     {@link #STREAMABLE_HTTP} or {@link #LEGACY_SSE}
     * @param clientAddress the client's IP address as the socket saw it; null when unknown
     */
    public McpRequest(String correlationId, long startNanos, Instant receivedAt, String httpMethod, String path,
            String transport, String clientAddress) {
        this(correlationId, startNanos, receivedAt, httpMethod, path, transport, clientAddress, null);
    }

    /** @param forwardedFor the request's X-Forwarded-For header; null when it has none */
    public McpRequest(String correlationId, long startNanos, Instant receivedAt, String httpMethod, String path,
            String transport, String clientAddress, String forwardedFor) {
        this.forwardedFor = forwardedFor;
        this.correlationId = correlationId;
        this.startNanos = startNanos;
        this.receivedAt = receivedAt;
        this.httpMethod = httpMethod;
        this.path = path;
        this.transport = transport;
        this.clientAddress = clientAddress;
        this.audit = new AuditTrail(startNanos);
    }

    public String getCorrelationId() {
        return correlationId;
    }

    public long getStartNanos() {
        return startNanos;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getHttpMethod() {
        return httpMethod;
    }

    public String getPath() {
        return path;
    }

    /** The client's IP address as the socket saw it (null when unknown); sessions are counted per address. */
    public String getClientAddress() {
        return clientAddress;
    }

    /** The X-Forwarded-For header as the client sent it (believed only from a trusted proxy); null when absent. */
    public String getForwardedFor() {
        return forwardedFor;
    }

    public String getTransport() {
        return transport;
    }

    /** A POST of the legacy HTTP+SSE transport (2024-11-05): replies travel on the session's SSE stream. */
    public boolean isLegacy() {
        return LEGACY_SSE.equals(transport);
    }

    public List<JsonNode> getMessages() {
        return messages;
    }

    /** The messages of the body, set once when it is read. */
    public void setMessages(List<JsonNode> messages, boolean batch) {
        if (messagesRead) {
            throw new IllegalStateException("the messages of request " + correlationId + " are read already");
        }
        this.messages = List.copyOf(messages);
        this.batch = batch;
        this.messagesRead = true;
    }

    public boolean isBatch() {
        return batch;
    }

    /** The one message of a non-batch POST. */
    public JsonNode getMessage() {
        return messages.isEmpty() ? null : messages.get(0);
    }

    /** Binds the request to its session and the protocol version it speaks (initialize binds a new one). */
    public void bind(Session session, String protocolVersion) {
        this.session = session;
        this.protocolVersion = protocolVersion;
    }

    /**
     * Serves the request statelessly (protocol 2026-07-28): no session, the client's {@code _meta} says everything.
     */
    public void bindStateless(StatelessRequest statelessRequest) {
        this.stateless = statelessRequest;
        this.protocolVersion = statelessRequest.protocolVersion();
    }

    /** True for a request of the 2026-07-28 era (no session, per-request {@code _meta}). */
    public boolean isStateless() {
        return stateless != null;
    }

    /** The stateless request's {@code _meta}, or null for a 2025-era request. */
    public StatelessRequest getStateless() {
        return stateless;
    }

    /** The Last.fm answers behind this request (for a stateless reply's cache hints). */
    public ServedData served() {
        return served;
    }

    public Session getSession() {
        return session;
    }

    /** The session after a change to it (a new log level) was saved. */
    public void setSession(Session session) {
        bind(session, protocolVersion);
    }

    public String getSessionId() {
        return session == null ? null : session.id();
    }

    public String getProtocolVersion() {
        return protocolVersion;
    }

    /** Who makes the request. */
    public Caller getCaller() {
        return caller;
    }

    public void setCaller(Caller caller) {
        this.caller = caller == null ? Caller.ANONYMOUS : caller;
    }

    /** The signed-in Last.fm user, or {@value #ANONYMOUS}. */
    public String getUser() {
        return caller.name();
    }

    public HttpReply reply() {
        return reply;
    }

    public AuditTrail audit() {
        return audit;
    }

    /** The POST is answered with an event stream: notifications and the response go there. */
    public void streamReplyOn(ReplyStream stream) {
        reply.setPostStream(stream);
        this.progressSink = stream;
    }

    /** The reply stream of this request, when it is answered with an event stream; else null. */
    public ProgressSink getProgressSink() {
        return progressSink;
    }

    public void setProgressSink(ProgressSink progressSink) {
        this.progressSink = progressSink;
    }
}
