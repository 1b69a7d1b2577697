package dev.lastfmmcp.unit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.jsonrpc.JsonRpcMessage;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.RequestStates;
import dev.lastfmmcp.support.KeyFiles;
import dev.lastfmmcp.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sealed requestState of the 2026-07-28 era: round trip, tampering, binding, expiry, and its key file. */
class RequestStatesTest {

    private static final ObjectMapper JSON = AppConfiguration.objectMapper();
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final TestClock clock = new TestClock("2026-12-07T10:00:00Z");
    private final RequestStates states = new RequestStates(KEY, JSON, clock, Duration.ofMinutes(10));

    private static McpCall call(String method, String params) {
        try {
            return new McpCall(new JsonRpcMessage(JsonRpcMessage.Kind.REQUEST, JSON.valueToTree(1), method,
                    (ObjectNode) JSON.readTree(params)));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private RequestStates.Binding binding(McpCall call, Caller caller) {
        return RequestStates.Binding.of(call, caller, states);
    }

    private ObjectNode answers() {
        ObjectNode answers = JSON.createObjectNode();
        answers.putObject("confirm").put("action", "accept");
        return answers;
    }

    @Test
    void aSealedStateOpensForTheSameRequestWithItsAnswers() {
        McpCall call = call("tools/call", "{\"name\":\"unlove_track\",\"arguments\":{\"artist\":\"Cher\","
                                          + "\"track\":\"Believe\"}}");
        String state = states.seal(binding(call, Caller.ANONYMOUS), answers());
        assertThat(state).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        // the same arguments in another order are the same request
        McpCall reordered = call("tools/call", "{\"name\":\"unlove_track\",\"arguments\":{\"track\":\"Believe\","
                                               + "\"artist\":\"Cher\"}}");
        RequestStates.Opened opened = states.open(state, binding(reordered, Caller.ANONYMOUS));
        assertThat(opened.expired()).isFalse();
        assertThat(opened.answers().at("/confirm/action").asText()).isEqualTo("accept");
        assertThat(states.keyId()).hasSize(8);
    }

    @Test
    void anAlteredOrForeignStateIsInvalidParams() {
        McpCall call = call("tools/call", "{\"name\":\"t\",\"arguments\":{\"a\":1}}");
        RequestStates.Binding bound = binding(call, Caller.ANONYMOUS);
        String state = states.seal(bound, answers());
        String payload = state.substring(0, state.indexOf('.'));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(Base64.getUrlDecoder()
                .decode(payload), StandardCharsets.UTF_8).replace("accept", "decline").getBytes(
                StandardCharsets.UTF_8)) + state.substring(state.indexOf('.'));
        for (String bad : new String[] {state + "-TAMPERED", forged, payload, "%%%.***", "x".repeat(20_000),
                                        Base64.getUrlEncoder().encodeToString("not json".getBytes()) + "."}) {
            assertThatThrownBy(() -> states.open(bad, bound)).as(bad.length() > 40 ? bad.substring(0, 40) : bad)
                    .isInstanceOfSatisfying(JsonRpcException.class, e -> assertThat(e.code()).isEqualTo(-32602));
        }
        // another key: not from this server
        RequestStates other = new RequestStates("fedcba9876543210fedcba9876543210".getBytes(), JSON, clock,
                Duration.ofMinutes(10));
        assertThatThrownBy(() -> other.open(state, bound)).hasMessageContaining("not from this server");
    }

    @Test
    void aStateIsBoundToItsRequestAndCaller() {
        McpCall call = call("tools/call", "{\"name\":\"t\",\"arguments\":{\"a\":1}}");
        Caller alice = new Caller("alice", null, "session-url", Instant.now(), "hash-a", null, java.util.Set.of());
        String state = states.seal(binding(call, alice), answers());
        Caller bob = new Caller("bob", null, "session-url", Instant.now(), "hash-b", null, java.util.Set.of());
        for (RequestStates.Binding other : new RequestStates.Binding[] {
                binding(call, bob), binding(call, Caller.ANONYMOUS),
                binding(call("tools/call", "{\"name\":\"t\",\"arguments\":{\"a\":2}}"), alice),
                binding(call("tools/call", "{\"name\":\"u\",\"arguments\":{\"a\":1}}"), alice),
                binding(call("prompts/get", "{\"name\":\"t\",\"arguments\":{\"a\":1}}"), alice)}) {
            assertThatThrownBy(() -> states.open(state, other)).hasMessageContaining("belongs to another request");
        }
        // a resource is bound by its URI; no arguments at all is a binding too
        McpCall read = call("resources/read", "{\"uri\":\"lastfm://user/rj/recent\"}");
        assertThat(states.open(states.seal(binding(read, alice), null), binding(read, alice)).answers()).isEmpty();
    }

    @Test
    void anExpiredStateOpensAsExpiredWithoutItsAnswers() {
        McpCall call = call("tools/call", "{\"name\":\"t\"}");
        String state = states.seal(binding(call, Caller.ANONYMOUS), answers());
        clock.advance(Duration.ofMinutes(11));
        RequestStates.Opened opened = states.open(state, binding(call, Caller.ANONYMOUS));
        assertThat(opened.expired()).isTrue();
        assertThat(opened.answers()).isEmpty();
    }

    @Test
    void theKeyFileIsMadeOnceAndReadAfter(@TempDir Path data) throws Exception {
        KeyFiles.Key first = KeyFiles.readOrCreate(data.resolve("nested"), "request-state.key", 32);
        assertThat(first.generated()).isTrue();
        KeyFiles.Key second = KeyFiles.readOrCreate(data.resolve("nested"), "request-state.key", 32);
        assertThat(second.generated()).isFalse();
        assertThat(second.bytes()).isEqualTo(first.bytes());
        assertThat(Files.readString(data.resolve("nested/request-state.key")).trim())
                .isEqualTo(Base64.getEncoder().encodeToString(first.bytes()));
        assertThatThrownBy(() -> KeyFiles.decode("not base64!", "MCP_REQUEST_STATE_KEY", 32))
                .hasMessageContaining("MCP_REQUEST_STATE_KEY is not base64");
        assertThatThrownBy(() -> KeyFiles.decode(Base64.getEncoder().encodeToString(new byte[16]),
                "MCP_REQUEST_STATE_KEY", 32)).hasMessageContaining("must decode to 32 bytes");
        Files.writeString(data.resolve("short.key"), Base64.getEncoder().encodeToString(new byte[8]));
        assertThatThrownBy(() -> KeyFiles.readOrCreate(data, "short.key", 32)).hasMessageContaining("32 bytes");
    }
}
