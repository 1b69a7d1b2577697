package dev.lastfmmcp.unit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.Session;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The request context's immutable part: what the HTTP request says is final, given at intake; the messages are set
 * once; session and protocol version change only together, through bind.
 */
class McpRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void whatTheHttpRequestSaysIsFinal() {
        List<String> mutable = Arrays.stream(McpRequest.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .filter(field -> !Modifier.isFinal(field.getModifiers()))
                .map(Field::getName)
                .toList();
        assertThat(mutable).doesNotContain("correlationId", "startNanos", "receivedAt", "httpMethod", "path",
                "transport", "clientAddress", "forwardedFor", "reply", "audit");
        // what is left is bound after intake, and only that
        assertThat(mutable).containsExactlyInAnyOrder("messages", "batch", "messagesRead", "session",
                "protocolVersion", "caller", "progressSink", "stateless");
        assertThat(Arrays.stream(McpRequest.class.getMethods()).map(method -> method.getName()))
                .doesNotContain("setTransport", "setClientAddress", "setProtocolVersion");
    }

    @Test
    void transportAndAddressComeWithTheConstructor() {
        McpRequest legacy = new McpRequest("c", 0, Instant.EPOCH, "POST", "/messages", McpRequest.LEGACY_SSE,
                "10.0.0.7");
        assertThat(legacy.getTransport()).isEqualTo("legacy-sse");
        assertThat(legacy.isLegacy()).isTrue();
        assertThat(legacy.getClientAddress()).isEqualTo("10.0.0.7");
        McpRequest plain = new McpRequest("c", 0, Instant.EPOCH, "POST", "/mcp");
        assertThat(plain.getTransport()).isEqualTo("streamable-http");
        assertThat(plain.isLegacy()).isFalse();
        assertThat(plain.getClientAddress()).isNull();
    }

    @Test
    void theMessagesAreSetOnceAndCopied() throws Exception {
        McpRequest request = new McpRequest("c-9", 0, Instant.EPOCH, "POST", "/mcp");
        assertThat(request.getMessages()).isEmpty();
        assertThat(request.getMessage()).isNull();
        java.util.List<com.fasterxml.jackson.databind.JsonNode> messages = new java.util.ArrayList<>(
                List.of(JSON.readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")));
        request.setMessages(messages, false);
        messages.clear();
        assertThat(request.getMessages()).hasSize(1);
        assertThat(request.getMessage().get("method").asText()).isEqualTo("ping");
        assertThatThrownBy(() -> request.setMessages(List.of(), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("c-9");
        assertThat(request.isBatch()).isFalse();
        assertThat(request.getMessages()).hasSize(1);
    }

    @Test
    void sessionAndVersionAreBoundTogether() {
        McpRequest request = new McpRequest("c", 0, Instant.EPOCH, "POST", "/mcp");
        Session session = new Session("sid-1", "2025-06-18", null, null, null, Instant.EPOCH, null, null);
        request.bind(session, "2025-03-26");
        assertThat(request.getSessionId()).isEqualTo("sid-1");
        assertThat(request.getProtocolVersion()).isEqualTo("2025-03-26");
        // a saved change to the session keeps the version the request speaks
        request.setSession(new Session("sid-1", "2025-06-18", null, null, null, Instant.EPOCH, "debug", null));
        assertThat(request.getSession().logLevel()).isEqualTo("debug");
        assertThat(request.getProtocolVersion()).isEqualTo("2025-03-26");
    }
}
