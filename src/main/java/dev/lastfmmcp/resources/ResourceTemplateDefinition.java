package dev.lastfmmcp.resources;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.mcp.ArgumentKind;
import dev.lastfmmcp.mcp.ArgumentSpec;
import dev.lastfmmcp.tools.ToolDefinition;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * One entry of {@code mcp/resources.yaml}: the MCP resource template as clients see it, the parsed URI template, the
 * tool a read runs, the query parameters it passes on, how it is listed as a concrete resource (null: not listed),
 * and whether a fixed resource may be subscribed to (its content never changes: no update follows).
 */
public record ResourceTemplateDefinition(McpSchema.ResourceTemplate template, UriTemplate uri, ToolDefinition tool,
        List<String> query, Listing listing, boolean subscribable) {

    public ResourceTemplateDefinition(McpSchema.ResourceTemplate template, UriTemplate uri, ToolDefinition tool,
            List<String> query, Listing listing) {
        this(template, uri, tool, query, listing, false);
    }

    /** A URI without variables names one resource, listed in resources/list for everyone. */
    public boolean fixed() {
        return uri.variables().isEmpty();
    }

    /** The title and description of the concrete resource of one user; {@code {username}} is replaced. */
    public record Listing(String title, String description) {
    }

    public ResourceTemplateDefinition {
        query = List.copyOf(query);
    }

    public String name() {
        return template.name();
    }

    /** A variable or query parameter as completion sees it; null when the template has no such argument. */
    public ArgumentSpec argument(String name) {
        if (uri.variables().contains(name)) {
            return ArgumentSpec.of(name, ArgumentKind.ofVariable(name));
        }
        if (!query.contains(name)) {
            return null;
        }
        JsonNode choices = tool.inputSchema().path("properties").path(name).path("enum");
        if (choices.isArray() && !choices.isEmpty()) {
            List<String> values = new java.util.ArrayList<>();
            choices.forEach(value -> values.add(value.asText()));
            return ArgumentSpec.choice(name, values);
        }
        return ArgumentSpec.of(name, ArgumentKind.ofVariable(name));
    }
}
