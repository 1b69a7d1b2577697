package dev.lastfmmcp.tools;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.mcp.Cursors;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.support.YamlResources;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Variable;

/**
 * The tools, declared as data in {@code mcp/tools/<family>.yaml} (listed in {@code mcp/tools/index.yaml}).
 * {@code tools/list} renders them; {@code tools/call} looks a name up here before anything is routed.
 */
public class ToolCatalogue {

    static final String INDEX = "mcp/tools/index.yaml";
    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    /** Catalogue keys that are for the server, not part of the MCP tool definition. */
    private static final List<String> SERVER_KEYS = List.of("requiresLastfm", "reportsProgress", "asksClient",
            "needsClient", "streams", "asksFor");
    private static final List<String> CLIENT_CAPABILITIES = List.of("elicitation", "sampling", "roots");
    /** The annotations a tool may state; what it leaves out is defaulted (see {@link #annotations}). */
    private static final List<String> ANNOTATION_KEYS = List.of("title", "readOnlyHint", "destructiveHint",
            "idempotentHint", "openWorldHint");

    private final Map<String, ToolDefinition> tools;
    private final int pageSize;
    /** tools/list pages by cursor (the catalogue never changes): built once, and sent as they are. */
    private final Map<String, McpSchema.ListToolsResult> pages = new ConcurrentHashMap<>();
    private volatile Consumer<Object> onPage = page -> { };

    public ToolCatalogue(List<ToolDefinition> tools, int pageSize) {
        Map<String, ToolDefinition> byName = new LinkedHashMap<>();
        for (ToolDefinition tool : tools) {
            if (byName.put(tool.name(), tool) != null) {
                throw new IllegalStateException("tool " + tool.name() + " is declared twice");
            }
        }
        this.tools = Collections.unmodifiableMap(byName);
        this.pageSize = pageSize;
    }

    /** Reads every family file named in the index. */
    public static ToolCatalogue load(ObjectMapper json, int pageSize) {
        return load(json, pageSize, List.of());
    }

    /** Reads every family file named in the index, and those of the {@code profiles} switched on. */
    public static ToolCatalogue load(ObjectMapper json, int pageSize, List<String> profiles) {
        SchemaDefinitions shared = SchemaDefinitions.load();
        List<ToolDefinition> tools = new ArrayList<>();
        JsonNode index = YamlResources.read(INDEX);
        List<JsonNode> families = new ArrayList<>();
        index.path("families").forEach(families::add);
        for (String profile : profiles) {
            if (!index.path("profiles").has(profile)) {
                throw new IllegalStateException("the tool index has no profile " + profile);
            }
            index.path("profiles").path(profile).forEach(families::add);
        }
        for (JsonNode family : families) {
            JsonNode entries = YamlResources.read("mcp/tools/" + family.asText() + ".yaml");
            for (JsonNode entry : entries) {
                tools.add(definition(json, shared, family.asText(), (ObjectNode) entry.deepCopy()));
            }
        }
        return new ToolCatalogue(tools, pageSize);
    }

    /**
     * One tool from its catalogue entry: server keys taken out, annotations defaulted, shared definitions inlined,
     * and every Last.fm tool's output schema given the stale-answer fields ({@code stale}, {@code staleAgeSeconds}).
     */
    static ToolDefinition definition(ObjectMapper json, SchemaDefinitions shared, String family, ObjectNode entry) {
        String name = entry.path("name").asText();
        if (!TOOL_NAME.matcher(name).matches()) {
            throw new IllegalStateException("invalid tool name in " + family + ": '" + name + "'");
        }
        boolean requiresLastfm = entry.path("requiresLastfm").asBoolean(false);
        boolean reportsProgress = entry.path("reportsProgress").asBoolean(false);
        List<String> asksClient = capabilities(name, entry, "asksClient");
        List<String> needsClient = capabilities(name, entry, "needsClient");
        boolean streams = entry.path("streams").asBoolean(false);
        List<String> asksFor = new ArrayList<>();
        entry.path("asksFor").forEach(argument -> {
            JsonNode property = entry.path("inputSchema").path("properties").path(argument.asText());
            boolean required = false;
            for (JsonNode r : entry.path("inputSchema").path("required")) {
                required |= r.asText().equals(argument.asText());
            }
            if (!"string".equals(property.path("type").asText()) || required) {
                throw new IllegalStateException("tool " + name + " asks for " + argument.asText()
                                                + ", which is not an optional string argument of it");
            }
            asksFor.add(argument.asText());
        });
        SERVER_KEYS.forEach(entry::remove);
        entry.set("annotations", annotations(name, entry, requiresLastfm));
        if (entry.get("outputSchema") instanceof ObjectNode output) {
            if (requiresLastfm && output.get("properties") instanceof ObjectNode properties) {
                properties.putObject("stale").put("type", "boolean").put("description",
                        "Present and true when Last.fm could not be reached and this is the last good answer.");
                properties.putObject("staleAgeSeconds").put("type", "integer").put("description",
                        "How old the stale answer is, in seconds.");
            }
            entry.set("outputSchema", shared.inline(output));
        }
        McpSchema.Tool tool = json.convertValue(entry, McpSchema.Tool.class);
        if (tool.description() == null || tool.inputSchema() == null
                || !"object".equals(tool.inputSchema().get("type"))) {
            throw new IllegalStateException("tool " + name + " needs a description and an object inputSchema");
        }
        return new ToolDefinition(tool, family, "direct:tool-" + name, requiresLastfm, entry.get("inputSchema"),
                reportsProgress, asksClient, needsClient, streams, asksFor);
    }

    private static List<String> capabilities(String name, ObjectNode entry, String key) {
        List<String> capabilities = new ArrayList<>();
        entry.path(key).forEach(capability -> {
            if (!CLIENT_CAPABILITIES.contains(capability.asText())) {
                throw new IllegalStateException("tool " + name + " names an unknown client capability "
                                                + capability.asText() + " in " + key + " (known: "
                                                + String.join(", ", CLIENT_CAPABILITIES) + ")");
            }
            capabilities.add(capability.asText());
        });
        return capabilities;
    }

    /**
     * The tool's annotations: its {@code title}, read-only ({@code readOnlyHint: true}, {@code destructiveHint:
     * false}, {@code idempotentHint: true}) and open-world when it calls Last.fm ({@code requiresLastfm}); an
     * {@code annotations} block in the entry states only what differs from these.
     */
    static ObjectNode annotations(String name, ObjectNode entry, boolean requiresLastfm) {
        ObjectNode annotations = entry.objectNode();
        if (entry.hasNonNull("title")) {
            annotations.set("title", entry.get("title"));
        }
        annotations.put("readOnlyHint", true).put("destructiveHint", false).put("idempotentHint", true)
                .put("openWorldHint", requiresLastfm);
        JsonNode stated = entry.get("annotations");
        if (stated != null && !stated.isObject()) {
            throw new IllegalStateException("the annotations of tool " + name + " are not a mapping");
        }
        if (stated != null) {
            stated.fields().forEachRemaining(field -> {
                if (!ANNOTATION_KEYS.contains(field.getKey())) {
                    throw new IllegalStateException("tool " + name + " has an unknown annotation " + field.getKey()
                                                    + " (known: " + String.join(", ", ANNOTATION_KEYS) + ")");
                }
                annotations.set(field.getKey(), field.getValue());
            });
        }
        return annotations;
    }

    public List<ToolDefinition> all() {
        return List.copyOf(tools.values());
    }

    public ToolDefinition get(String name) {
        return tools.get(name);
    }

    /** tools/list: one page of tool definitions. */
    public McpSchema.ListToolsResult list(@Variable("call") McpCall call) {
        String cursor = call.param("cursor");
        String pageKey = cursor == null ? "" : cursor;
        McpSchema.ListToolsResult kept = pages.get(pageKey);
        if (kept != null) {
            return kept;
        }
        List<ToolDefinition> all = all();
        // an invalid cursor is refused here, so only real pages are kept (at most one per tool)
        Cursors.Page<ToolDefinition> page = Cursors.page("tools", all,
                all.stream().map(ToolDefinition::name).toList(), cursor, pageSize);
        McpSchema.ListToolsResult result = new McpSchema.ListToolsResult(
                page.items().stream().map(ToolDefinition::tool).toList(), page.nextCursor());
        onPage.accept(result);
        pages.put(pageKey, result);
        return result;
    }

    /**
     * Tells {@code remember} of each tools/list page when it is first built (pages never change: the reply writer
     * keeps their JSON, {@code JsonRpcCodec.remember}).
     */
    public void rememberPagesWith(Consumer<Object> remember) {
        this.onPage = remember;
    }

    /** tools/call: the named tool, or -32602 when the name is missing or unknown. */
    public ToolDefinition resolve(@Variable("call") McpCall call) {
        String name = call.param("name");
        if (name == null) {
            throw JsonRpcException.invalidParams("tools/call needs params.name (see tools/list)");
        }
        ToolDefinition tool = tools.get(name);
        if (tool == null) {
            throw JsonRpcException.unknown("tool", name, "tools/list");
        }
        call.setName(name);
        return tool;
    }
}
