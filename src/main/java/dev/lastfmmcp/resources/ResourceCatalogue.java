package dev.lastfmmcp.resources;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.mcp.ArgumentSpec;
import dev.lastfmmcp.format.SafeText;
import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.mcp.Cursors;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.support.YamlResources;
import dev.lastfmmcp.tools.ToolCatalogue;
import dev.lastfmmcp.tools.ToolDefinition;
import dev.lastfmmcp.tools.Users;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Variable;

/**
 * The resource templates, declared as data in {@code mcp/resources.yaml}: each names the tool a read runs and the
 * query parameters it passes on. Renders {@code resources/templates/list} and {@code resources/list} (the five user
 * resources of the signed-in or configured default user) and matches {@code resources/read} URIs.
 */
public class ResourceCatalogue {

    static final String FILE = "mcp/resources.yaml";
    /** Catalogue keys that are for the server, not part of the MCP resource template. */
    private static final List<String> SERVER_KEYS = List.of("tool", "query", "listed", "subscribable");

    private final List<ResourceTemplateDefinition> templates;
    private final int pageSize;
    private final String defaultUser;

    public ResourceCatalogue(List<ResourceTemplateDefinition> templates, int pageSize, String defaultUser) {
        this.templates = List.copyOf(templates);
        this.pageSize = pageSize;
        this.defaultUser = defaultUser == null || defaultUser.isBlank() ? null : defaultUser.trim();
        if (this.defaultUser != null && !Users.isValidName(this.defaultUser)) {
            throw new IllegalArgumentException("property mcp.default-user (LASTFM_DEFAULT_USER) must be a Last.fm "
                                               + "username (a letter, then letters, digits, _ or -, at most 15), "
                                               + "not '" + defaultUser + "'");
        }
        checkDistinct(this.templates);
    }

    /** Reads {@code mcp/resources.yaml}; every template's tool must be in {@code tools}. */
    public static ResourceCatalogue load(ObjectMapper mapper, ToolCatalogue tools, int pageSize, String defaultUser) {
        return load(mapper, tools, pageSize, defaultUser, List.of());
    }

    /** Reads {@code mcp/resources.yaml} and then the {@code extraFiles} (a profile's resources). */
    public static ResourceCatalogue load(ObjectMapper mapper, ToolCatalogue tools, int pageSize, String defaultUser,
            List<String> extraFiles) {
        List<ResourceTemplateDefinition> templates = new ArrayList<>();
        List<String> files = new ArrayList<>(List.of(FILE));
        files.addAll(extraFiles);
        for (String file : files) {
            for (JsonNode entry : YamlResources.read(file).path("templates")) {
                templates.add(definition(mapper, tools, (ObjectNode) entry.deepCopy()));
            }
        }
        return new ResourceCatalogue(templates, pageSize, defaultUser);
    }

    static ResourceTemplateDefinition definition(ObjectMapper mapper, ToolCatalogue tools, ObjectNode entry) {
        String uriTemplate = entry.path("uriTemplate").asText();
        ToolDefinition tool = tools.get(entry.path("tool").asText());
        if (tool == null) {
            throw new IllegalStateException("resource template " + uriTemplate + " names no known tool");
        }
        List<String> query = new ArrayList<>();
        entry.path("query").forEach(name -> query.add(name.asText()));
        JsonNode listed = entry.get("listed");
        boolean subscribable = entry.path("subscribable").asBoolean(false);
        SERVER_KEYS.forEach(entry::remove);
        UriTemplate uri = UriTemplate.parse(uriTemplate);
        for (String argument : concat(uri.variables(), query)) {
            if (!tool.inputSchema().path("properties").has(argument)) {
                throw new IllegalStateException(uriTemplate + ": " + tool.name() + " takes no argument " + argument);
            }
        }
        McpSchema.ResourceTemplate template = mapper.convertValue(entry, McpSchema.ResourceTemplate.class);
        if (template.name() == null || template.title() == null || template.description() == null
            || template.mimeType() == null || !template.mimeType().matches("[a-z]+/[a-z0-9.+-]+")) {
            throw new IllegalStateException(uriTemplate + " needs a name, a title, a description and a mimeType");
        }
        if (subscribable && !uri.variables().isEmpty()) {
            throw new IllegalStateException(uriTemplate + " is subscribable, so it must be one resource (no variables)");
        }
        ResourceTemplateDefinition.Listing listing = null;
        if (listed != null) {
            if (!uri.variables().equals(List.of("username"))) {
                throw new IllegalStateException(uriTemplate + " is listed, so its only variable must be {username}");
            }
            listing = new ResourceTemplateDefinition.Listing(listed.path("title").asText(),
                    listed.path("description").asText());
        }
        return new ResourceTemplateDefinition(template, uri, tool, query, listing, subscribable);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void checkDistinct(List<ResourceTemplateDefinition> templates) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < templates.size(); i++) {
            if (!names.add(templates.get(i).name())) {
                throw new IllegalStateException("resource template name " + templates.get(i).name() + " twice");
            }
            for (int j = i + 1; j < templates.size(); j++) {
                if (templates.get(i).uri().overlaps(templates.get(j).uri())) {
                    throw new IllegalStateException("resource templates " + templates.get(i).uri() + " and "
                                                    + templates.get(j).uri() + " match the same URIs");
                }
            }
        }
    }

    public List<ResourceTemplateDefinition> templates() {
        return templates;
    }

    /** The fixed resources that may be subscribed to (their content never changes). */
    public java.util.Set<String> subscribableUris() {
        java.util.Set<String> uris = new java.util.LinkedHashSet<>();
        templates.stream().filter(ResourceTemplateDefinition::subscribable)
                .forEach(definition -> uris.add(definition.template().uriTemplate()));
        return uris;
    }

    /** resources/templates/list. */
    public McpSchema.ListResourceTemplatesResult listTemplates(@Variable("call") McpCall call) {
        List<McpSchema.ResourceTemplate> all = templates.stream().map(ResourceTemplateDefinition::template).toList();
        Cursors.Page<McpSchema.ResourceTemplate> page = Cursors.page("resource-templates", all,
                all.stream().map(McpSchema.ResourceTemplate::uriTemplate).toList(), call.param("cursor"), pageSize);
        return new McpSchema.ListResourceTemplatesResult(page.items(), page.nextCursor());
    }

    /** resources/list: the user resources of the signed-in user, else of the default user, else none. */
    public McpSchema.ListResourcesResult list(@Variable("call") McpCall call, @Variable("mcp") McpRequest request) {
        String signedIn = Users.signedIn(request == null ? null : request.getCaller());
        List<McpSchema.Resource> resources = concrete(signedIn != null ? signedIn : defaultUser);
        Cursors.Page<McpSchema.Resource> page = Cursors.page("resources", resources,
                resources.stream().map(McpSchema.Resource::uri).toList(), call.param("cursor"), pageSize);
        return new McpSchema.ListResourcesResult(page.items(), page.nextCursor());
    }

    /** The fixed resources, then the listed templates expanded for {@code user} (none for null). */
    List<McpSchema.Resource> concrete(String user) {
        List<McpSchema.Resource> resources = new ArrayList<>();
        for (ResourceTemplateDefinition definition : templates) {
            if (definition.fixed()) {
                McpSchema.ResourceTemplate template = definition.template();
                resources.add(new McpSchema.Resource(template.uriTemplate(), template.name(), template.title(),
                        template.description(), template.mimeType(), null, null, null));
            }
        }
        if (user == null) {
            return resources;
        }
        for (ResourceTemplateDefinition definition : templates) {
            if (definition.listing() != null) {
                resources.add(new McpSchema.Resource(definition.uri().expand(Map.of("username", user)),
                        definition.name() + ":" + user, definition.listing().title().replace("{username}", user),
                        definition.listing().description().replace("{username}", user),
                        definition.template().mimeType(), null, null, null));
            }
        }
        return resources;
    }

    /**
     * resources/read: the template {@code params.uri} fits, with the tool arguments from its path and query.
     * -32002 when no template fits; -32602 for a broken escape, a blank or unsafe name, or a query parameter the
     * template does not take.
     */
    public ResourceMatch match(@Variable("call") McpCall call) {
        String uri = call.param("uri");
        if (uri == null) {
            throw JsonRpcException.invalidParams("resources/read needs params.uri (a string; see "
                                                 + "resources/templates/list)");
        }
        ResourceUri.checkLength(uri);
        call.setName(uri);
        ResourceUri parts = ResourceUri.parse(uri);
        if (parts != null) {
            for (ResourceTemplateDefinition definition : templates) {
                Map<String, String> raw = definition.uri().match(parts);
                if (raw != null) {
                    return new ResourceMatch(uri, definition, arguments(uri, definition, raw, parts.query()));
                }
            }
        }
        throw notFound(uri, "Resource not found: " + uri + ". This server's resources are lastfm:// URIs such as "
                            + "lastfm://artist/{artist} (names percent-encoded, e.g. AC%2FDC); see "
                            + "resources/templates/list.");
    }

    /** The URI template a resource URI fits, or null (metrics label reads by template, never by URI). */
    public String templateOf(String uri) {
        if (uri == null) {
            return null;
        }
        try {
            ResourceUri parts = ResourceUri.parse(uri);
            if (parts != null) {
                for (ResourceTemplateDefinition definition : templates) {
                    if (definition.uri().match(parts) != null) {
                        return definition.template().uriTemplate();
                    }
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    private static ObjectNode arguments(String uri, ResourceTemplateDefinition definition, Map<String, String> raw,
            List<Map.Entry<String, String>> query) {
        ObjectNode arguments = JsonNodeFactory.instance.objectNode();
        raw.forEach((name, encoded) -> arguments.put(name, variable(uri, name, encoded)));
        for (Map.Entry<String, String> parameter : query) {
            String name = decode(uri, parameter.getKey());
            if (!definition.query().contains(name)) {
                throw invalid(uri, definition.uri() + (definition.query().isEmpty() ? " takes no query parameters"
                        : " takes the query parameters " + String.join(", ", definition.query())) + ", not '" + name
                                   + "'");
            }
            if (arguments.has(name)) {
                throw invalid(uri, "the query parameter '" + name + "' is given twice");
            }
            arguments.put(name, decode(uri, parameter.getValue()));
        }
        return arguments;
    }

    /**
     * A template variable's value from its raw path segment: percent-decoded, not blank, no control characters;
     * -32602 otherwise.
     */
    public static String variable(String uri, String name, String encoded) {
        String value = decode(uri, encoded);
        if (value.isBlank()) {
            throw invalid(uri, "the " + name + " is blank");
        }
        String forbidden = SafeText.firstForbidden(value);
        if (forbidden != null) {
            throw invalid(uri, "the " + name + " contains the control character " + forbidden);
        }
        return value;
    }

    private static String decode(String uri, String raw) {
        try {
            return PercentEncoding.decode(raw);
        } catch (IllegalArgumentException e) {
            throw invalid(uri, e.getMessage());
        }
    }

    static JsonRpcException notFound(String uri, String message) {
        return new JsonRpcException(JsonRpcErrors.RESOURCE_NOT_FOUND, message, Map.of("uri", uri));
    }

    static JsonRpcException invalid(String uri, String problem) {
        return new JsonRpcException(JsonRpcErrors.INVALID_PARAMS, "Invalid resource URI " + uri + ": " + problem
                                                                  + ".", Map.of("uri", uri));
    }

    /**
     * completion/complete of a template's variable or query parameter: the template is named by its exact
     * {@code uriTemplate}; -32602 for an unknown template or argument.
     */
    public ArgumentSpec argument(String uriTemplate, String name) {
        for (ResourceTemplateDefinition definition : templates) {
            if (definition.uri().template().equals(uriTemplate)) {
                ArgumentSpec argument = definition.argument(name);
                if (argument == null) {
                    throw JsonRpcException.invalidParams(uriTemplate + " has no variable or query parameter '"
                                                         + JsonRpcException.echoed(name)
                                                         + "' (it has " + String.join(", ",
                            concat(definition.uri().variables(), definition.query())) + ")");
                }
                return argument;
            }
        }
        throw JsonRpcException.unknown("resource template", uriTemplate, "resources/templates/list");
    }
}
