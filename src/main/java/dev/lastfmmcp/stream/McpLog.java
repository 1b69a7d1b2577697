package dev.lastfmmcp.stream;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.mcp.LogLevel;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.Session;
import dev.lastfmmcp.mcp.SessionStore;
import dev.lastfmmcp.upstream.UpstreamCaller;
import dev.lastfmmcp.upstream.UpstreamLog;

/**
 * {@code notifications/message} for what a client cares about (an upstream retry, a stale answer, a subscription
 * check failing), at or above the session's level from {@code logging/setLevel} (warning when it never set one).
 * A message about a request goes on that request's stream when it has one, otherwise on the session's GET stream.
 * Messages never carry keys, secrets or session keys.
 */
public class McpLog implements UpstreamLog, dev.lastfmmcp.mcp.ClientLog {

    static final LogLevel DEFAULT_LEVEL = LogLevel.WARNING;

    private final SessionStreams streams;
    private final SessionStore sessions;
    private final JsonRpcCodec codec;

    public McpLog(SessionStreams streams, SessionStore sessions, JsonRpcCodec codec) {
        this.streams = streams;
        this.sessions = sessions;
        this.codec = codec;
    }

    @Override
    public void warning(UpstreamCaller caller, String logger, String message) {
        if (caller instanceof McpRequest request) {
            log(request, LogLevel.WARNING, logger, message);
        }
    }

    /** Logs about a request (may be null outside an MCP request: then nothing is sent). */
    @Override
    public void log(McpRequest request, LogLevel level, String logger, String message) {
        if (request != null && request.isStateless()) {
            logStateless(request, level, logger, message);
            return;
        }
        if (request == null || request.getSession() == null || !enabled(request.getSession(), level)) {
            return;
        }
        String json = codec.write(codec.notification("notifications/message", params(level, logger, message)));
        if (request.reply().getPostStream() != null && request.reply().getPostStream().isOpen()) {
            request.reply().getPostStream().send(codec.notification("notifications/message",
                    params(level, logger, message)));
        } else {
            streams.publish(request.getSessionId(), json);
        }
    }

    /**
     * A stateless request (2026-07-28) sets its level in its own {@code _meta}: without one nothing is sent; with one
     * the message goes on the request's event stream, when it is answered with one (there is no GET stream).
     */
    private void logStateless(McpRequest request, LogLevel level, String logger, String message) {
        LogLevel minimum = request.getStateless().logLevel();
        if (minimum == null || level.ordinal() < minimum.ordinal() || request.reply().getPostStream() == null
            || !request.reply().getPostStream().isOpen()) {
            return;
        }
        request.reply().getPostStream().send(codec.notification("notifications/message",
                params(level, logger, message)));
    }

    /** Logs to a session's GET stream (for work not tied to a request, such as subscription checks). */
    public void logToSession(String sessionId, LogLevel level, String logger, String message) {
        sessions.find(sessionId).filter(session -> enabled(session, level)).ifPresent(session ->
                streams.publish(sessionId, codec.write(codec.notification("notifications/message",
                        params(level, logger, message)))));
    }

    static boolean enabled(Session session, LogLevel level) {
        LogLevel minimum = session.logLevel() == null ? DEFAULT_LEVEL : LogLevel.fromWire(session.logLevel());
        return minimum == null || level.ordinal() >= minimum.ordinal();
    }

    private static Map<String, Object> params(LogLevel level, String logger, String message) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("level", level.wireName());
        params.put("logger", logger);
        params.put("data", message);
        return params;
    }
}
