package dev.lastfmmcp.mcp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.McpHttpException;

/**
 * How many sessions may live at once, in all and per client address. A full server refuses new sessions (503 with
 * Retry-After) instead of evicting live ones, so nobody can push other people's sessions out by opening many.
 * Sessions are counted from creation until they end in any way (deleted, expired, evicted), which
 * {@link #release} hears from the session cache's listener.
 */
public class SessionQuota {

    /** Stands for a caller whose address is unknown (tests, in-process calls). */
    public static final String UNKNOWN_CLIENT = "unknown";

    private final int maxSessions;
    private final int maxPerClient;
    private final long retryAfterSeconds;
    private final Map<String, String> clientOfSession = new ConcurrentHashMap<>();
    private final Map<String, Integer> sessionsOfClient = new ConcurrentHashMap<>();

    public SessionQuota(int maxSessions, int maxPerClient, long retryAfterSeconds) {
        this.maxSessions = maxSessions;
        this.maxPerClient = maxPerClient;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Throws a 503 when a new session for {@code client} would go over either limit. */
    public void checkRoom(String client) {
        if (clientOfSession.size() >= maxSessions) {
            throw full("the server holds its maximum of " + maxSessions + " sessions");
        }
        if (sessionsOfClient.getOrDefault(key(client), 0) >= maxPerClient) {
            throw full("this client address holds its maximum of " + maxPerClient + " sessions; end unused ones "
                       + "with DELETE /mcp");
        }
    }

    /** Counts a new session of {@code client}. */
    public void opened(String sessionId, String client) {
        String owner = key(client);
        if (clientOfSession.putIfAbsent(sessionId, owner) == null) {
            sessionsOfClient.merge(owner, 1, Integer::sum);
        }
    }

    /** The session ended (any way); idempotent. */
    public void release(String sessionId) {
        String owner = clientOfSession.remove(sessionId);
        if (owner != null) {
            sessionsOfClient.computeIfPresent(owner, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    public int size() {
        return clientOfSession.size();
    }

    public int sessionsOf(String client) {
        return sessionsOfClient.getOrDefault(key(client), 0);
    }

    private static String key(String client) {
        return client == null || client.isEmpty() ? UNKNOWN_CLIENT : client;
    }

    private McpHttpException full(String why) {
        return new McpHttpException(503, JsonRpcErrors.INTERNAL_ERROR, "Service Unavailable: " + why
                                    + "; retry in " + retryAfterSeconds + " s",
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }
}
