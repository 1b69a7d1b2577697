package dev.lastfmmcp.tools;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * One catalogue entry: the MCP tool as clients see it, plus what the server needs to run it.
 *
 * @param tool            the MCP definition (name, title, description, schemas, annotations), rendered by tools/list
 * @param family          the catalogue file it came from (server, tracks, artists, ...)
 * @param endpoint        the route that runs it, always {@code direct:tool-<name>}
 * @param requiresLastfm  it calls Last.fm, so it cannot work without an API key
 * @param inputSchema     the input schema as a JSON tree, for validation
 * @param reportsProgress it works in several upstream steps and reports progress (its reply may be a stream)
 * @param asksClient      the client capabilities it may use while it runs ({@code elicitation}, {@code sampling},
 *                        {@code roots}; server key {@code asksClient}): for a client that declared one of them its
 *                        reply is an event stream, which carries the server's requests
 * @param needsClient     the client capabilities it cannot run without (server key {@code needsClient}): a client
 *                        that did not declare one is refused (2026-07-28: 400 -32021; 2025: an isError result)
 * @param streams         its reply is an event stream whenever the client accepts one (server key {@code streams}): it
 *                        logs while it runs, or hands its stream over to the session's GET stream
 * @param asksFor         arguments it asks the user for when they are left out and nothing else supplies them
 *                        (server key {@code asksFor}; see {@link ToolQuestions})
 */
public record ToolDefinition(McpSchema.Tool tool, String family, String endpoint, boolean requiresLastfm,
        JsonNode inputSchema, boolean reportsProgress, List<String> asksClient, List<String> needsClient,
        boolean streams, List<String> asksFor) {

    public ToolDefinition {
        asksClient = List.copyOf(asksClient);
        needsClient = List.copyOf(needsClient);
        asksFor = List.copyOf(asksFor);
    }

    public ToolDefinition(McpSchema.Tool tool, String family, String endpoint, boolean requiresLastfm,
            JsonNode inputSchema, boolean reportsProgress, List<String> asksClient) {
        this(tool, family, endpoint, requiresLastfm, inputSchema, reportsProgress, asksClient, List.of(), false,
                List.of());
    }

    public ToolDefinition(McpSchema.Tool tool, String family, String endpoint, boolean requiresLastfm,
            JsonNode inputSchema, boolean reportsProgress) {
        this(tool, family, endpoint, requiresLastfm, inputSchema, reportsProgress, List.of());
    }

    public String name() {
        return tool.name();
    }
}
