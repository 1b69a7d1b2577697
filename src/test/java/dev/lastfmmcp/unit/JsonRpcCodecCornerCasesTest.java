package dev.lastfmmcp.unit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.JsonRpcMessage;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import dev.lastfmmcp.support.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Envelopes at the edges: blank bodies, responses without an id, null params, notifications with and without params. */
class JsonRpcCodecCornerCasesTest {

    private final JsonRpcCodec codec = new JsonRpcCodec(AppConfiguration.objectMapper());

    @Test
    void nullAndBlankBodiesAreParseErrors() {
        for (String body : new String[] {null, "", " \n "}) {
            assertThatThrownBy(() -> codec.parse(body)).isInstanceOfSatisfying(McpHttpException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.getMessage()).isEqualTo("Parse error: the request body is empty");
            });
        }
    }

    @Test
    void aResultWithoutAnIdIsNoResponseAndNullParamsAreNoParams() {
        assertThatThrownBy(() -> codec.classify(Fixtures.json("{\"jsonrpc\":\"2.0\",\"result\":{}}")))
                .isInstanceOf(JsonRpcCodec.InvalidMessageException.class).hasMessageContaining("\"method\" is missing");
        assertThatThrownBy(() -> codec.classify(Fixtures.json("{\"jsonrpc\":\"2.0\",\"id\":1}")))
                .isInstanceOf(JsonRpcCodec.InvalidMessageException.class).hasMessageContaining("\"method\" is missing");
        JsonRpcMessage error = codec.classify(Fixtures.json("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{}}"));
        assertThat(error.kind()).isEqualTo(JsonRpcMessage.Kind.RESPONSE);
        JsonRpcMessage nullParams = codec.classify(
                Fixtures.json("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":null}"));
        assertThat(nullParams.kind()).isEqualTo(JsonRpcMessage.Kind.REQUEST);
        assertThat(nullParams.params()).isNull();
        assertThatThrownBy(() -> codec.classify(Fixtures.json("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\"}")))
                .hasMessageContaining("non-empty string");
        assertThatThrownBy(() -> codec.classify(Fixtures.json("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}")))
                .hasMessageContaining("non-empty string");
        assertThatThrownBy(() -> codec.classify(Fixtures.json("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}")))
                .hasMessageContaining("a string or an integer");
        assertThatThrownBy(() -> codec.classify(null)).hasMessageContaining("must be a JSON object");
    }

    @Test
    void notificationsCarryParamsOnlyWhenGiven() {
        JsonNode bare = codec.notification("notifications/tools/list_changed", null);
        assertThat(bare.has("params")).isFalse();
        assertThat(bare.get("method").asText()).isEqualTo("notifications/tools/list_changed");
        JsonNode withParams = codec.notification("notifications/message", java.util.Map.of("level", "info"));
        assertThat(withParams.at("/params/level").asText()).isEqualTo("info");
        assertThat(codec.result(null, java.util.Map.of("a", 1)).get("id").isNull()).isTrue();
    }
}
