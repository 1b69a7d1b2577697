package dev.lastfmmcp.upstream;

/**
 * The exchange variable that carries when the MCP request being served must be answered ({@code System.nanoTime()}),
 * counted from its arrival. The intake sets it; the upstream clients start no call that could not end by then.
 */
public final class RequestDeadline {

    public static final String VARIABLE = "requestDeadline";

    private RequestDeadline() {
    }
}
