package dev.lastfmmcp.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.mcp.Capabilities;
import dev.lastfmmcp.mcp.ProtocolVersions;
import dev.lastfmmcp.mcp.ServerIdentity;
import dev.lastfmmcp.tools.ToolCatalogue;
import dev.lastfmmcp.tools.ToolDefinition;

/**
 * {@code GET /.well-known/mcp.json}: a server card (after SEP-1649) so clients and registries can learn what this
 * server is, where its endpoint is and what it offers without opening a session.
 */
public class ServerCard {

    private final String json;

    public ServerCard(ServerIdentity identity, ToolCatalogue tools, String publicBaseUrl, ObjectMapper mapper) {
        ObjectNode card = mapper.createObjectNode();
        card.put("$schema", "https://static.modelcontextprotocol.io/schemas/mcp-server-card/v1.json");
        card.put("version", "1.0");
        card.put("name", identity.name());
        card.put("title", identity.title());
        card.put("description", identity.description());
        card.set("serverInfo", mapper.valueToTree(identity.implementation()));
        card.put("protocolVersion", ProtocolVersions.LATEST);
        card.set("protocolVersions", mapper.valueToTree(ProtocolVersions.SUPPORTED));
        ObjectNode transport = card.putObject("transport");
        transport.put("type", "streamable-http");
        transport.put("endpoint", "/mcp");
        transport.put("url", publicBaseUrl + "/mcp");
        ArrayNode transports = card.putArray("transports");
        transports.addObject().put("type", "streamable-http").put("url", publicBaseUrl + "/mcp");
        card.set("capabilities", mapper.valueToTree(Capabilities.server()));
        card.putObject("authentication").put("required", false);
        ArrayNode toolList = card.putArray("tools");
        for (ToolDefinition tool : tools.all()) {
            toolList.addObject().put("name", tool.name()).put("title", tool.tool().title())
                    .put("description", tool.tool().description());
        }
        try {
            this.json = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(card);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String json() {
        return json;
    }
}
