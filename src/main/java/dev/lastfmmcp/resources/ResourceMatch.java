package dev.lastfmmcp.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.tools.ToolDefinition;

/**
 * A {@code resources/read} URI matched to its template (exchange variable {@code resource}): the URI as the client
 * sent it, the template, and the tool arguments taken from its path variables and query parameters.
 */
public record ResourceMatch(String uri, ResourceTemplateDefinition template, ObjectNode arguments) {

    /** The tool the read runs, from the catalogue (never from the URI). */
    public ToolDefinition tool() {
        return template.tool();
    }
}
