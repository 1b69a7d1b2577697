package dev.lastfmmcp.unit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.tools.ToolCatalogue;
import dev.lastfmmcp.tools.ToolDefinition;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every catalogue entry is a complete, valid MCP tool definition. */
class ToolCatalogueTest {

    private final ObjectMapper mapper = AppConfiguration.objectMapper();
    private final ToolCatalogue catalogue = ToolCatalogue.load(mapper, 100);
    private final Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(com.networknt.schema.SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    @Test
    void everyToolIsComplete() {
        assertThat(catalogue.all()).isNotEmpty();
        Set<String> names = new HashSet<>();
        for (ToolDefinition definition : catalogue.all()) {
            McpSchema.Tool tool = definition.tool();
            assertThat(names.add(tool.name())).as("unique name %s", tool.name()).isTrue();
            assertThat(tool.name()).matches("[a-z][a-z0-9_]{0,63}");
            assertThat(tool.title()).as("title of %s", tool.name()).isNotBlank();
            assertThat(tool.description()).as("description of %s", tool.name()).hasSizeGreaterThan(30);
            assertThat(tool.annotations()).as("annotations of %s", tool.name()).isNotNull();
            assertThat(tool.annotations().title()).isEqualTo(tool.title());
            if (!WRITE_TOOLS.containsKey(tool.name())) {
                assertThat(tool.annotations().readOnlyHint()).isTrue();
                assertThat(tool.annotations().destructiveHint()).isFalse();
                assertThat(tool.annotations().idempotentHint()).isTrue();
            }
            assertThat(tool.annotations().openWorldHint()).isEqualTo(definition.requiresLastfm());
            assertThat(tool.inputSchema().get("type")).isEqualTo("object");
            assertThat(tool.outputSchema()).as("outputSchema of %s", tool.name()).isNotNull();
            assertThat(tool.outputSchema().get("type")).isEqualTo("object");
            assertThat(definition.endpoint()).isEqualTo("direct:tool-" + tool.name());
        }
    }

    @Test
    void everySchemaIsValidJsonSchema202012() {
        for (ToolDefinition definition : catalogue.all()) {
            for (Object schema : List.of(definition.tool().inputSchema(), definition.tool().outputSchema())) {
                JsonNode node = mapper.valueToTree(schema);
                List<Error> errors = metaSchema.validate(node);
                assertThat(errors).as("schema of %s", definition.name()).isEmpty();
                assertDescriptionsAreText(definition.name(), node);
            }
        }
    }

    /**
     * What tools/list shows as each tool's annotations, exactly (no other keys, this order): its title, read-only,
     * not destructive, idempotent, and open-world unless it is one of the three tools that need no upstream.
     */
    /** The write tools and the hints issue 15 fixes for them: {readOnly, destructive, idempotent}. */
    static final java.util.Map<String, boolean[]> WRITE_TOOLS = java.util.Map.of(
            "love_track", new boolean[] {false, false, true},
            "unlove_track", new boolean[] {false, true, true},
            "update_now_playing", new boolean[] {false, false, true},
            "scrobble_tracks", new boolean[] {false, false, false},
            "scrobble_album", new boolean[] {false, false, false});

    @Test
    void everyToolIsAnnotatedAsAReadOnlyToolOfItsTitle() {
        Set<String> closedWorld = Set.of("ping", "server_info", "lastfm_auth_status");
        assertThat(catalogue.all()).hasSize(34 + WRITE_TOOLS.size());
        for (ToolDefinition definition : catalogue.all()) {
            McpSchema.Tool tool = definition.tool();
            if (WRITE_TOOLS.containsKey(tool.name())) {
                continue;
            }
            assertThat(mapper.valueToTree(tool.annotations()).toString()).as("annotations of %s", tool.name())
                    .isEqualTo("{\"title\":" + mapper.valueToTree(tool.title()) + ",\"readOnlyHint\":true,"
                               + "\"destructiveHint\":false,\"idempotentHint\":true,\"openWorldHint\":"
                               + !closedWorld.contains(tool.name()) + "}");
        }
    }

    /** Write tools say so: not read-only, open-world, destructive and idempotent exactly as the issue fixes. */
    @Test
    void writeToolsAreAnnotatedTruthfully() {
        WRITE_TOOLS.forEach((name, hints) -> {
            McpSchema.Tool tool = catalogue.all().stream().filter(d -> d.name().equals(name)).findFirst()
                    .orElseThrow().tool();
            assertThat(mapper.valueToTree(tool.annotations()).toString()).as("annotations of %s", name)
                    .isEqualTo("{\"title\":" + mapper.valueToTree(tool.title()) + ",\"readOnlyHint\":" + hints[0]
                               + ",\"destructiveHint\":" + hints[1] + ",\"idempotentHint\":" + hints[2]
                               + ",\"openWorldHint\":true}");
        });
    }

    /** An integer argument without both bounds lets 2^63 or 1e308 through to a bean (or to Last.fm). */
    @Test
    void everyIntegerArgumentHasAMinimumAndAMaximum() {
        List<String> unbounded = new java.util.ArrayList<>();
        int integers = 0;
        for (ToolDefinition definition : catalogue.all()) {
            JsonNode properties = mapper.valueToTree(definition.tool().inputSchema()).path("properties");
            for (var it = properties.fields(); it.hasNext();) {
                var property = it.next();
                JsonNode type = property.getValue().path("type");
                boolean integer = type.isArray() ? type.toString().contains("\"integer\"")
                        : type.asText().equals("integer") || type.asText().equals("number");
                if (integer) {
                    integers++;
                    if (!property.getValue().path("minimum").isNumber()
                        || !property.getValue().path("maximum").isNumber()) {
                        unbounded.add(definition.name() + "." + property.getKey());
                    }
                }
            }
        }
        assertThat(integers).isGreaterThan(30);
        assertThat(unbounded).as("integer arguments without minimum and maximum").isEmpty();
    }

    /**
     * Defaults live only in the inputSchema: ToolArguments fills them in, so a bean reads {@code args.integer("limit")}
     * and never restates one. Every bounded property (minimum, maximum or enum) therefore has a {@code default} or is
     * required, except the optional time bounds {@code from} and {@code to}, whose absence means "no bound" (the
     * latest week for the weekly charts) and which beans read as nullable ({@code Args.longValue}).
     */
    @Test
    void everyBoundedArgumentHasADefaultOrIsRequired() {
        // time bounds, and facts about a played track that are unknown when left out (update_now_playing)
        Set<String> optionalBounds = Set.of("from", "to", "duration", "trackNumber", "finishedAt");
        List<String> undefaulted = new java.util.ArrayList<>();
        int bounded = 0;
        int optional = 0;
        for (ToolDefinition definition : catalogue.all()) {
            JsonNode schema = mapper.valueToTree(definition.tool().inputSchema());
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(name -> required.add(name.asText()));
            for (var it = schema.path("properties").fields(); it.hasNext();) {
                var property = it.next();
                JsonNode value = property.getValue();
                if (!(value.has("minimum") || value.has("maximum") || value.has("enum"))) {
                    continue;
                }
                bounded++;
                if (optionalBounds.contains(property.getKey())) {
                    optional++;
                    assertThat(value.has("default") || required.contains(property.getKey()))
                            .as("%s.%s is an optional bound: no default", definition.name(), property.getKey())
                            .isFalse();
                } else if (!value.has("default") && !required.contains(property.getKey())) {
                    undefaulted.add(definition.name() + "." + property.getKey());
                }
            }
        }
        assertThat(bounded).isGreaterThanOrEqualTo(40);
        assertThat(optional).isGreaterThanOrEqualTo(8);
        assertThat(undefaulted).as("bounded arguments with neither a default nor required").isEmpty();
    }

    /** A blank name ("artist": " ") must be refused by the schema (ToolArguments trims before validating). */
    @Test
    void everyStringArgumentHasAMinimumLength() {
        List<String> unbounded = new java.util.ArrayList<>();
        for (ToolDefinition definition : catalogue.all()) {
            JsonNode properties = mapper.valueToTree(definition.tool().inputSchema()).path("properties");
            for (var it = properties.fields(); it.hasNext();) {
                var property = it.next();
                JsonNode schema = property.getValue();
                boolean string = schema.path("type").asText().equals("string") && !schema.has("enum");
                boolean freeText = definition.name().equals("ping") && property.getKey().equals("message");
                if (string && !freeText && schema.path("minLength").asInt(0) < 1) {
                    unbounded.add(definition.name() + "." + property.getKey());
                }
            }
        }
        assertThat(unbounded).as("string arguments without minLength >= 1").isEmpty();
    }

    /** Inspector --strict warns on {@code type: [string, "null"]}: an absent property says "none" instead. */
    @Test
    void noOutputSchemaUsesATypeArray() {
        List<String> arrays = new java.util.ArrayList<>();
        for (ToolDefinition definition : catalogue.all()) {
            collectTypeArrays(definition.name(), mapper.valueToTree(definition.tool().outputSchema()), arrays);
        }
        assertThat(arrays).as("type arrays in output schemas").isEmpty();
    }

    private static void collectTypeArrays(String where, JsonNode node, List<String> found) {
        if (node.isObject()) {
            if (node.path("type").isArray()) {
                found.add(where + ": " + node.get("type"));
            }
            node.fields().forEachRemaining(field -> collectTypeArrays(where + "/" + field.getKey(), field.getValue(),
                    found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectTypeArrays(where + "/" + i, node.get(i), found);
            }
        }
    }

    /** Catches YAML flow mappings that split a description at a comma. */
    private static void assertDescriptionsAreText(String tool, JsonNode node) {
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equals("description")) {
                assertThat(field.getValue().isTextual()).as("description in %s", tool).isTrue();
            }
            if (field.getValue().isContainerNode()) {
                assertThat(field.getValue().has(null)).isFalse();
                field.getValue().fields().forEachRemaining(child -> assertThat(child.getValue().isNull())
                        .as("null value at %s in %s (a YAML flow mapping split by a comma?)", child.getKey(), tool)
                        .isFalse());
                assertDescriptionsAreText(tool, field.getValue());
            }
        });
    }

    @Test
    void listsInPagesAndResolvesOnlyKnownNames() {
        JsonRpcCodec codec = new JsonRpcCodec(mapper);
        McpCall list = new McpCall(codec.classify(codec.parse(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")));
        ToolCatalogue small = ToolCatalogue.load(mapper, 1);
        McpSchema.ListToolsResult first = small.list(list);
        assertThat(first.tools()).hasSize(1);
        assertThat(first.nextCursor()).isNotNull();

        McpCall unknown = new McpCall(codec.classify(codec.parse(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"tool-ping\"}}")));
        assertThatThrownBy(() -> catalogue.resolve(unknown)).isInstanceOf(JsonRpcException.class)
                .hasMessage("Unknown tool: tool-ping (see tools/list)");
        McpCall longName = new McpCall(codec.classify(codec.parse(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\""
                + "é".repeat(5_000) + "\"}}")));
        assertThatThrownBy(() -> catalogue.resolve(longName)).isInstanceOf(JsonRpcException.class)
                .hasMessage("Unknown tool: " + "é".repeat(100) + "… (see tools/list)");
        McpCall ping = new McpCall(codec.classify(codec.parse(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"ping\"}}")));
        assertThat(catalogue.resolve(ping).endpoint()).isEqualTo("direct:tool-ping");
        assertThat(ping.getName()).isEqualTo("ping");
    }

    /** Pages never change: each is built once, the reply writer is told of it once, and a bad cursor is not kept. */
    @Test
    void eachPageIsBuiltOnceAndSentAsItIs() {
        JsonRpcCodec codec = new JsonRpcCodec(mapper);
        ToolCatalogue small = ToolCatalogue.load(mapper, 1);
        List<Object> told = new java.util.ArrayList<>();
        small.rememberPagesWith(told::add);
        McpCall list = new McpCall(codec.classify(codec.parse(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")));
        McpSchema.ListToolsResult first = small.list(list);
        assertThat(small.list(list)).isSameAs(first);
        McpCall second = new McpCall(codec.classify(codec.parse("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":"
                + "\"tools/list\",\"params\":{\"cursor\":\"" + first.nextCursor() + "\"}}")));
        McpSchema.ListToolsResult next = small.list(second);
        assertThat(next.tools().get(0).name()).isNotEqualTo(first.tools().get(0).name());
        assertThat(small.list(second)).isSameAs(next);
        assertThat(told).containsExactly(first, next);
        McpCall bad = new McpCall(codec.classify(codec.parse("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":"
                + "\"tools/list\",\"params\":{\"cursor\":\"not-a-cursor\"}}")));
        assertThatThrownBy(() -> small.list(bad)).isInstanceOf(JsonRpcException.class);
        assertThatThrownBy(() -> small.list(bad)).isInstanceOf(JsonRpcException.class);
        assertThat(told).hasSize(2);
    }

    @Test
    void theInstructionsSentAtInitializeNameEveryTool() {
        String instructions = dev.lastfmmcp.support.Resources.text("mcp/instructions.md");
        for (ToolDefinition definition : catalogue.all()) {
            assertThat(instructions).as("instructions.md mentions %s", definition.name()).contains(definition.name());
        }
    }
}
