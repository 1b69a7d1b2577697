package dev.lastfmmcp.upstream;

/**
 * The request an upstream call is made for (exchange variable {@code mcp}), as the upstream clients see it: only a
 * handle to pass to {@link UpstreamLog}. A port, so the upstream clients know nothing of MCP.
 */
public interface UpstreamCaller {
}
