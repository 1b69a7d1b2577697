package dev.lastfmmcp.upstream;

/**
 * What an upstream client may ask of the call it serves (exchange variable {@code call}): whether the client cancelled
 * it. A port, so the upstream clients know nothing of MCP.
 */
public interface Cancellation {

    boolean isCancelled();

    /** Throws {@link dev.lastfmmcp.jsonrpc.CancelledException} when the call was cancelled. */
    void checkActive();
}
