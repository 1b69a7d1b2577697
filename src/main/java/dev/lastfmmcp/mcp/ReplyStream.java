package dev.lastfmmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;

/** A POST answered as an event stream: notifications while the request runs, then its response. */
public interface ReplyStream extends ProgressSink {

    /** Sends the response and ends the stream. */
    void finish(JsonNode response);

    boolean isOpen();
}
