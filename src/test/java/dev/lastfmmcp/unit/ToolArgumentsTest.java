package dev.lastfmmcp.unit;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.tools.InvalidArgumentsException;
import dev.lastfmmcp.tools.ToolArguments;
import dev.lastfmmcp.tools.ToolDefinition;
import dev.lastfmmcp.jsonrpc.ToolException;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolArgumentsTest {

    private final ObjectMapper mapper = AppConfiguration.objectMapper();
    private final ToolArguments arguments = new ToolArguments(mapper);
    private final ToolDefinition tool = tool("""
            {"type":"object","properties":{
              "username":{"type":"string","minLength":1},
              "limit":{"type":"integer","minimum":1,"maximum":50,"default":10},
              "ratio":{"type":"number"},
              "extended":{"type":"boolean","default":false},
              "period":{"type":"string","enum":["7day","overall"],"default":"overall"},
              "label":{"type":["string","integer"]}},
             "required":["username"],"additionalProperties":false}""");

    private ToolDefinition tool(String inputSchema) {
        try {
            ObjectNode schema = (ObjectNode) mapper.readTree(inputSchema);
            McpSchema.Tool t = new McpSchema.Tool("t", "T", "d", mapper.convertValue(schema, Map.class), null, null,
                    null, null);
            return new ToolDefinition(t, "test", "direct:tool-t", false, schema, false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> validate(String argumentsJson) {
        String request = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"t\""
                         + (argumentsJson == null ? "" : ",\"arguments\":" + argumentsJson) + "}}";
        JsonRpcCodec codec = new JsonRpcCodec(mapper);
        return arguments.validate(tool, new McpCall(codec.classify(codec.parse(request))));
    }

    @Test
    void namesAreTrimmedAndABlankNameIsRefused() {
        assertThat(validate("{\"username\":\"  rj \"}")).containsEntry("username", "rj");
        for (String blank : new String[] {"\"\"", "\"   \"", "\"\\t\\n\""}) {
            assertThatThrownBy(() -> validate("{\"username\":" + blank + "}"))
                    .isInstanceOf(InvalidArgumentsException.class)
                    .hasMessage("Invalid arguments for t: username: must not be blank. Check the tool's input schema "
                                + "(tools/list) and call it again.");
        }
    }

    @Test
    void appliesDefaults() {
        Map<String, Object> args = validate("{\"username\":\"rj\"}");
        assertThat(args).containsEntry("username", "rj").containsEntry("limit", 10)
                .containsEntry("extended", false).containsEntry("period", "overall");
    }

    /** Beans read defaulted integers without restating the default; unvalidated arguments fail by name. */
    @Test
    void argsReadTheSchemaDefaultsThatValidationFilledIn() {
        dev.lastfmmcp.tools.Args args = dev.lastfmmcp.tools.Args.of(validate("{\"username\":\"rj\"}"));
        assertThat(args.integer("limit")).isEqualTo(10);
        assertThat(args.text("period")).isEqualTo("overall");
        assertThat(dev.lastfmmcp.tools.Args.of(validate("{\"username\":\"rj\",\"limit\":\"25\"}"))
                .integer("limit")).isEqualTo(25);
        assertThatThrownBy(() -> dev.lastfmmcp.tools.Args.of(Map.of("username", "rj")).integer("limit"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("limit")
                .hasMessageContaining("default");
        assertThat(dev.lastfmmcp.tools.Args.of(Map.of()).longValue("from")).isNull();
    }

    @Test
    void coercesNumericAndBooleanStringsWhereTheSchemaAsks() {
        Map<String, Object> args = validate("{\"username\":\"rj\",\"limit\":\"25\",\"ratio\":\"0.5\","
                                            + "\"extended\":\"TRUE\",\"label\":\"7\"}");
        assertThat(args.get("limit")).isEqualTo(25);
        assertThat(((Number) args.get("ratio")).doubleValue()).isEqualTo(0.5);
        assertThat(args.get("extended")).isEqualTo(true);
        assertThat(args.get("label")).isEqualTo("7");
        assertThat(validate("{\"username\":\"rj\",\"limit\":\"5.0\"}").get("limit")).isEqualTo(5);
    }

    @Test
    void reportsEveryProblemReadably() {
        assertThatThrownBy(() -> validate("{\"limit\":\"500\",\"period\":\"week\",\"colour\":\"red\"}"))
                .isInstanceOf(ToolException.class)
                .hasMessageStartingWith("Invalid arguments for t: ")
                .hasMessageContaining("username")
                .hasMessageContaining("limit: must have a maximum value of 50")
                .hasMessageContaining("period")
                .hasMessageContaining("colour")
                .hasMessageNotContaining("$.");
        assertThatThrownBy(() -> validate("{\"username\":\"rj\",\"limit\":\"ten\"}"))
                .hasMessageContaining("limit: string found, integer expected");
        assertThatThrownBy(() -> validate("{\"username\":\"rj\",\"limit\":2.5}"))
                .hasMessageContaining("limit");
    }

    @Test
    void manyOrLongProblemsAreSummarised() {
        StringBuilder extra = new StringBuilder("{\"username\":\"rj\"");
        for (int i = 0; i < 25; i++) {
            extra.append(",\"x").append(i).append("\":1");
        }
        assertThatThrownBy(() -> validate(extra + "}")).isInstanceOf(InvalidArgumentsException.class)
                .hasMessageContaining("; and 15 more. Check the tool's input schema")
                .satisfies(e -> assertThat(((InvalidArgumentsException) e).problems()).hasSize(25));
        String name = "n".repeat(50_000);
        assertThatThrownBy(() -> validate("{\"username\":\"rj\",\"" + name + "\":1}"))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400).contains("…"));
    }

    @Test
    void argumentsMustBeAnObject() {
        assertThatThrownBy(() -> validate("[1,2]")).isInstanceOf(ToolException.class)
                .hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> validate(null)).isInstanceOf(ToolException.class)
                .hasMessageContaining("username");
    }
}
