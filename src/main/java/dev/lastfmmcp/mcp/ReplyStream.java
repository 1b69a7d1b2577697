package dev.lastfmmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;

/** A POST answered as an event stream: notifications while the request runs, then its response. */
public interface ReplyStream extends ProgressSink {

    /** Sends the response and ends the stream. */
    void finish(JsonNode response);

    boolean isOpen();

    /**
     * SSE polling (2025-11-25): ends the HTTP response now, after its priming event; what the request sends from then
     * on goes to its session's GET stream, where a client reconnecting with this stream's {@code Last-Event-ID} gets
     * it. False when it cannot (no session: the 2026-07-28 era); then nothing changes.
     */
    boolean closeForPolling();
}
