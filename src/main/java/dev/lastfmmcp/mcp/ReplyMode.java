package dev.lastfmmcp.mcp;

/** How a POST that carries requests is answered: one JSON document, or a text/event-stream. */
public enum ReplyMode {
    JSON, SSE
}
