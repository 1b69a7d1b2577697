package dev.lastfmmcp.upstream;

/**
 * Where upstream clients report what a client cares about (a retry, an answer served stale) for the request they
 * serve; the MCP side sends it as {@code notifications/message}. A port: the upstream clients know nothing of MCP.
 */
public interface UpstreamLog {

    /** A warning about the call made for {@code caller} (null outside a request: then nothing is sent). */
    void warning(UpstreamCaller caller, String logger, String message);
}
