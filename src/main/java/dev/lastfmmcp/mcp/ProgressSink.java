package dev.lastfmmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;

/** Where server-to-client messages for one request go (its SSE reply stream), when it has one. */
public interface ProgressSink {

    /** Sends one JSON-RPC notification related to the request. */
    void send(JsonNode notification);
}
