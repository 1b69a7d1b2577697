package dev.lastfmmcp.mcp;

/** Sends a JSON-RPC message to a session's GET stream (kept for replay when none is open). */
public interface SessionPublisher {

    /** @return whether an open stream took it */
    boolean publish(String sessionId, String json);
}
