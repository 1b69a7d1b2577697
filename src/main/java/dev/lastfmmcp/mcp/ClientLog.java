package dev.lastfmmcp.mcp;

/**
 * Sends {@code notifications/message} about a request to its client, at or above the level the client asked for
 * (the session's level, or the 2026-07-28 request's {@code _meta} level). The port the tools use; the stream layer
 * implements it.
 */
public interface ClientLog {

    /** Logs about {@code request} (nothing is sent when its client did not ask for this level). */
    void log(McpRequest request, LogLevel level, String logger, String message);
}
