package dev.lastfmmcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * One catalogue entry: the MCP tool as clients see it, plus what the server needs to run it.
 *
 * @param tool           the MCP definition (name, title, description, schemas, annotations), rendered by tools/list
 * @param family         the catalogue file it came from (server, tracks, artists, ...)
 * @param endpoint       the route that runs it, always {@code direct:tool-<name>}
 * @param requiresLastfm it calls Last.fm, so it cannot work without an API key
 * @param inputSchema    the input schema as a JSON tree, for validation
 * @param reportsProgress it works in several upstream steps and reports progress (its reply may be a stream)
 * @param asksClient     the client capabilities it may use while it runs ({@code elicitation}, {@code sampling},
 *                       {@code roots}; server key {@code asksClient}): for a client that declared one of them its
 *                       reply is an event stream, which carries the server's requests
 */
public record ToolDefinition(McpSchema.Tool tool, String family, String endpoint, boolean requiresLastfm,
        JsonNode inputSchema, boolean reportsProgress, java.util.List<String> asksClient) {

    public ToolDefinition(McpSchema.Tool tool, String family, String endpoint, boolean requiresLastfm,
            JsonNode inputSchema, boolean reportsProgress) {
        this(tool, family, endpoint, requiresLastfm, inputSchema, reportsProgress, java.util.List.of());
    }

    public String name() {
        return tool.name();
    }
}
