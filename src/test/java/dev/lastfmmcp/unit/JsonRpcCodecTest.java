package dev.lastfmmcp.unit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.jsonrpc.JsonRpcMessage;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonRpcCodecTest {

    private final ObjectMapper mapper = AppConfiguration.objectMapper();
    private final JsonRpcCodec codec = new JsonRpcCodec(mapper);

    private JsonRpcMessage classify(String json) {
        return codec.classify(codec.parse(json));
    }

    @Test
    void badJsonIsAParseErrorWithStatus400() {
        assertThatThrownBy(() -> codec.parse("{\"jsonrpc\":"))
                .isInstanceOfSatisfying(McpHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo(JsonRpcErrors.PARSE_ERROR);
                });
        assertThatThrownBy(() -> codec.parse("  ")).isInstanceOf(McpHttpException.class);
    }

    @Test
    void aBodyHoldsExactlyOneJsonValue() {
        for (String body : new String[] {
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} {\"x\":1}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\u0000",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]"}) {
            assertThatThrownBy(() -> codec.parse(body))
                    .isInstanceOfSatisfying(McpHttpException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo(JsonRpcErrors.PARSE_ERROR);
                    });
        }
        assertThat(codec.parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\r\n").path("method").asText())
                .isEqualTo("ping");
    }

    @Test
    void anUnknownMethodIsRepeatedAtMost100Characters() {
        assertThat(JsonRpcException.methodNotFound("tools/lisst").getMessage()).isEqualTo("Method not found: tools/lisst");
        assertThat(JsonRpcException.methodNotFound("x".repeat(100)).getMessage()).endsWith("x".repeat(100));
        assertThat(JsonRpcException.methodNotFound("\uD83C\uDFB5".repeat(101)).getMessage())
                .isEqualTo("Method not found: " + "\uD83C\uDFB5".repeat(100) + "…");
    }

    @Test
    void requestIdKeepsItsTypeInResultsAndErrors() {
        JsonRpcMessage numeric = classify("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}");
        JsonRpcMessage text = classify("{\"jsonrpc\":\"2.0\",\"id\":\"7\",\"method\":\"ping\"}");
        JsonRpcMessage big = classify("{\"jsonrpc\":\"2.0\",\"id\":9007199254740993,\"method\":\"ping\"}");

        assertThat(codec.result(numeric.id(), null).get("id").isInt()).isTrue();
        assertThat(codec.result(text.id(), null).get("id").isTextual()).isTrue();
        assertThat(codec.write(codec.result(big.id(), null))).contains("\"id\":9007199254740993");
        JsonNode error = codec.error(text.id(), -32601, "nope", null);
        assertThat(error.get("id").textValue()).isEqualTo("7");
        assertThat(error.has("result")).isFalse();
        assertThat(codec.result(numeric.id(), null).get("result").isObject()).isTrue();
    }

    @Test
    void classifiesRequestsNotificationsAndResponses() {
        assertThat(classify("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").kind())
                .isEqualTo(JsonRpcMessage.Kind.REQUEST);
        assertThat(classify("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").kind())
                .isEqualTo(JsonRpcMessage.Kind.NOTIFICATION);
        assertThat(classify("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}").kind())
                .isEqualTo(JsonRpcMessage.Kind.RESPONSE);
        assertThat(classify("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"error\":{\"code\":1,\"message\":\"m\"}}").kind())
                .isEqualTo(JsonRpcMessage.Kind.RESPONSE);
    }

    @Test
    void rejectsInvalidMessagesWithTheIdWhenReadable() {
        assertInvalid("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}", null);
        assertInvalid("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}", null);
        assertInvalid("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}", null);
        assertInvalid("{\"jsonrpc\":\"1.0\",\"id\":3,\"method\":\"ping\"}", "3");
        assertInvalid("{\"id\":3,\"method\":\"ping\"}", "3");
        assertInvalid("{\"jsonrpc\":\"2.0\",\"id\":\"a\"}", "a");
        assertInvalid("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":42}", "4");
        assertInvalid("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\",\"params\":[1,2]}", "5");
        assertInvalid("1", null);
        assertInvalid("\"text\"", null);
    }

    private void assertInvalid(String json, String expectedId) {
        assertThatThrownBy(() -> classify(json))
                .isInstanceOfSatisfying(JsonRpcCodec.InvalidMessageException.class, e -> {
                    assertThat(e.code()).isEqualTo(JsonRpcErrors.INVALID_REQUEST);
                    if (expectedId == null) {
                        assertThat(e.id()).isNull();
                    } else {
                        assertThat(e.id().asText()).isEqualTo(expectedId);
                    }
                });
    }

    @Test
    void readsTheProgressToken() {
        assertThat(classify("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                            + "\"params\":{\"_meta\":{\"progressToken\":\"p1\"}}}").progressToken().textValue())
                .isEqualTo("p1");
        assertThat(classify("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{}}")
                .progressToken()).isNull();
    }

    @Test
    void errorDataIsIncludedWhenGiven() {
        JsonNode error = codec.error(null, -32002, "Resource not found", java.util.Map.of("uri", "lastfm://x"));
        assertThat(error.get("id").isNull()).isTrue();
        assertThat(error.at("/error/data/uri").textValue()).isEqualTo("lastfm://x");
    }
}
