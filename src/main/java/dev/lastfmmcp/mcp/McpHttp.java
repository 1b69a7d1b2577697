package dev.lastfmmcp.mcp;

import java.util.UUID;
import java.util.regex.Pattern;

import io.vertx.core.net.SocketAddress;

/**
 * The HTTP names of the MCP transport. The exchange itself is handled step by step by {@link McpIntake} (request
 * context, reply negotiation, messages), {@link SessionBinding} (which session), the dispatch routes, and
 * {@link McpReplies} (status, headers, body).
 */
public final class McpHttp {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    /** The request id a proxy or client sends (and gets back): the correlation id when it is safe. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String VERSION_HEADER = "MCP-Protocol-Version";
    /** The client's address as a proxy in front of this server saw it (believed only from mcp.trusted-proxies). */
    public static final String FORWARDED_FOR_HEADER = "X-Forwarded-For";
    /** Where legacy (2024-11-05 HTTP+SSE) clients POST; their session is the sessionId query parameter. */
    public static final String LEGACY_MESSAGES_PATH = "/messages";
    private static final Pattern SAFE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private McpHttp() {
    }

    /** The caller's X-Correlation-Id when it is safe to log and echo, otherwise a new one. */
    public static String correlationId(String given) {
        return given != null && SAFE_CORRELATION_ID.matcher(given).matches() ? given : newCorrelationId();
    }

    /**
     * A new id in UUID (version 4) form. It names a request in logs and audit records and guards nothing, so it takes
     * its bits from {@link java.util.concurrent.ThreadLocalRandom}: {@link UUID#randomUUID()} draws on the shared
     * SecureRandom, a lock every request of every thread takes.
     */
    static String newCorrelationId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0xC000000000000000L) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** X-Request-Id when it is safe, else X-Correlation-Id when it is safe, else a new id. */
    public static String correlationId(String requestId, String correlationId) {
        return requestId != null && SAFE_CORRELATION_ID.matcher(requestId).matches() ? requestId
                : correlationId(correlationId);
    }

    /** The peer's IP address, or null when the socket does not say. */
    public static String clientAddress(SocketAddress peer) {
        return peer == null ? null : peer.hostAddress();
    }
}
