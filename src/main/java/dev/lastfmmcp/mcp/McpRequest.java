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
 * The request context of one HTTP exchange on an MCP endpoint, kept in the exchange variable {@code mcp}. It carries
 * what the routes decide on (session, negotiated version, reply mode, the signed-in user) and what the audit record
 * needs (calls, status, latency). JSON-RPC parts travel here, never in headers, so they cannot leak into outbound
 * HTTP calls.
 */
public class McpRequest implements UpstreamCaller {

    public static final String ANONYMOUS = "anonymous";

    private final String correlationId;
    private final long startNanos;
    private final Instant receivedAt;
    private final String httpMethod;
    private final String path;
    private String transport = "streamable-http";
    private String clientAddress;

    private List<JsonNode> messages = List.of();
    private boolean batch;
    private ReplyMode replyMode = ReplyMode.JSON;
    private boolean acceptsEventStream;
    private Session session;
    private String protocolVersion;
    private String user = ANONYMOUS;
    private final List<McpCall> calls = Collections.synchronizedList(new ArrayList<>());

    private int status = 200;
    private final Map<String, String> responseHeaders = new LinkedHashMap<>();
    private String responseBody;
    private String responseContentType;
    private String rejection;
    private long latencyMs = -1;
    private volatile ProgressSink progressSink;
    private String label;
    private io.vertx.core.http.HttpServerResponse httpResponse;
    private ReplyStream postStream;

    public McpRequest(String correlationId, long startNanos, Instant receivedAt, String httpMethod, String path) {
        this.correlationId = correlationId;
        this.startNanos = startNanos;
        this.receivedAt = receivedAt;
        this.httpMethod = httpMethod;
        this.path = path;
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

    public void setClientAddress(String clientAddress) {
        this.clientAddress = clientAddress;
    }

    public String getTransport() {
        return transport;
    }

    public void setTransport(String transport) {
        this.transport = transport;
    }

    /** A POST of the legacy HTTP+SSE transport (2024-11-05): replies travel on the session's SSE stream. */
    public boolean isLegacy() {
        return "legacy-sse".equals(transport);
    }

    public List<JsonNode> getMessages() {
        return messages;
    }

    public void setMessages(List<JsonNode> messages, boolean batch) {
        this.messages = List.copyOf(messages);
        this.batch = batch;
    }

    public boolean isBatch() {
        return batch;
    }

    /** The one message of a non-batch POST. */
    public JsonNode getMessage() {
        return messages.isEmpty() ? null : messages.get(0);
    }

    public ReplyMode getReplyMode() {
        return replyMode;
    }

    public void setReplyMode(ReplyMode replyMode) {
        this.replyMode = replyMode;
    }

    public boolean isAcceptsEventStream() {
        return acceptsEventStream;
    }

    public void setAcceptsEventStream(boolean acceptsEventStream) {
        this.acceptsEventStream = acceptsEventStream;
    }

    public Session getSession() {
        return session;
    }

    public void setSession(Session session) {
        this.session = session;
        if (session != null && session.user() != null) {
            this.user = session.user();
        }
    }

    public String getSessionId() {
        return session == null ? null : session.id();
    }

    public String getProtocolVersion() {
        return protocolVersion;
    }

    public void setProtocolVersion(String protocolVersion) {
        this.protocolVersion = protocolVersion;
    }

    /** The signed-in Last.fm user, or {@value #ANONYMOUS}. */
    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public List<McpCall> getCalls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public void addCall(McpCall call) {
        calls.add(call);
    }

    public int getStatus() {
        return status;
    }

    public void setStatus(int status) {
        this.status = status;
    }

    public Map<String, String> getResponseHeaders() {
        return responseHeaders;
    }

    public void putResponseHeader(String name, String value) {
        responseHeaders.put(name, value);
    }

    public String getResponseBody() {
        return responseBody;
    }

    public String getResponseContentType() {
        return responseContentType;
    }

    public void setResponse(String contentType, String body) {
        this.responseContentType = contentType;
        this.responseBody = body;
    }

    /** Why the request was turned away at the HTTP level (for the audit record), or null. */
    public String getRejection() {
        return rejection;
    }

    public void setRejection(String rejection) {
        this.rejection = rejection;
    }

    /** The Vert.x response of this exchange, for replies written as a stream. */
    public io.vertx.core.http.HttpServerResponse getHttpResponse() {
        return httpResponse;
    }

    public void setHttpResponse(io.vertx.core.http.HttpServerResponse httpResponse) {
        this.httpResponse = httpResponse;
    }

    /** The open event-stream reply of this POST, or null when it is answered with one JSON document. */
    public ReplyStream getPostStream() {
        return postStream;
    }

    public void setPostStream(ReplyStream postStream) {
        this.postStream = postStream;
        this.progressSink = postStream;
    }

    /** What the exchange was when it carried no JSON-RPC message (e.g. "stream" for a GET stream). */
    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    /** The reply stream of this request, when it is answered with an event stream; else null. */
    public ProgressSink getProgressSink() {
        return progressSink;
    }

    public void setProgressSink(ProgressSink progressSink) {
        this.progressSink = progressSink;
    }

    public long getLatencyMs() {
        return latencyMs;
    }

    public void finish(long nowNanos) {
        this.latencyMs = Math.max(0, (nowNanos - startNanos) / 1_000_000);
    }
}
