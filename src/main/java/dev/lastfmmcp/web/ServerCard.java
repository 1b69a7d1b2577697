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

    /**
     * The ways in the card describes.
     *
     * @param required MCP_AUTH_REQUIRED: a request without a credential is a 401 challenge
     * @param signIn   whether Last.fm sign-in is configured (OAuth and the personal URL both go through it)
     * @param scopes   the OAuth scopes
     */
    public record Access(boolean required, boolean signIn, java.util.List<String> scopes) {
    }

    private final String json;

    public ServerCard(ServerIdentity identity, ToolCatalogue tools, String publicBaseUrl, ObjectMapper mapper) {
        this(identity, tools, publicBaseUrl, mapper, new Access(false, false, java.util.List.of()));
    }

    public ServerCard(ServerIdentity identity, ToolCatalogue tools, String publicBaseUrl, ObjectMapper mapper,
            Access access) {
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
        card.set("authentication", authentication(access, publicBaseUrl, mapper));
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

    /**
     * How a client gets in (after SEP-2742's posture and method menu): OAuth 2.1 with this server as the
     * authorization server, the personal URL from a browser sign-in, and, unless credentials are required,
     * anonymously.
     */
    static ObjectNode authentication(Access access, String base, ObjectMapper mapper) {
        ObjectNode authentication = mapper.createObjectNode();
        authentication.put("required", access.required());
        authentication.put("posture", access.required() ? "required" : access.signIn() ? "optional" : "none");
        ArrayNode methods = authentication.putArray("methods");
        if (access.signIn()) {
            ObjectNode oauth = methods.addObject();
            oauth.put("type", "oauth2");
            oauth.put("description", "OAuth 2.1 (MCP authorization 2025-11-25): this server is its own authorization "
                    + "server; the user confirms the client and signs in with Last.fm in a browser");
            oauth.put("resourceMetadata", base + "/.well-known/oauth-protected-resource/mcp");
            oauth.put("authorizationServer", base);
            oauth.set("scopes", mapper.valueToTree(access.scopes()));
            oauth.set("registration", mapper.valueToTree(java.util.List.of("dynamic", "client-metadata")));
            ObjectNode personal = methods.addObject();
            personal.put("type", "personal-url");
            personal.put("description", "Sign in with Last.fm in a browser and use the personal MCP URL the page "
                    + "shows (" + base + "/mcp?session_id=...); for clients without OAuth");
            personal.put("signIn", base + "/login");
        }
        if (!access.required()) {
            methods.addObject().put("type", "none").put("description", "Anonymous: public Last.fm data (name the "
                    + "user); personal defaults, private history and the write tools need a sign-in");
        }
        return authentication;
    }

    public String json() {
        return json;
    }
}
