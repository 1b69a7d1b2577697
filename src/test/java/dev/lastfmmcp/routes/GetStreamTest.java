package dev.lastfmmcp.routes;

import java.util.Map;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.stream.SessionStreams;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.RawMcp;
import dev.lastfmmcp.support.SseClient;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /mcp: the session's server-to-client stream (checks, event ids, Last-Event-ID replay, end with the session). */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.stream.keep-alive=1s", "mcp.stream.replay-buffer=5"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GetStreamTest extends AppTestSupport {

    private SseClient get(String session, Map<String, String> extra) {
        java.util.Map<String, String> headers = new java.util.HashMap<>(Map.of("Accept", "text/event-stream"));
        if (session != null) {
            headers.put("Mcp-Session-Id", session);
        }
        headers.putAll(extra);
        return SseClient.open("GET", mcp().base() + "/mcp", headers, null);
    }

    private SessionStreams streams() {
        return context.getRegistry().lookupByNameAndType("sessionStreams", SessionStreams.class);
    }

    @Test
    void theSameChecksAsAPost() {
        String session = mcp().initialize("2025-11-25");
        assertThat(mcp().send("GET", "/mcp", null, Map.of("Accept", "text/event-stream")).status()).isEqualTo(400);
        assertThat(mcp().send("GET", "/mcp", null, Map.of("Accept", "text/event-stream", "Mcp-Session-Id", "nope"))
                .status()).isEqualTo(404);
        RawMcp.Reply noAccept = mcp().send("GET", "/mcp", null, Map.of("Mcp-Session-Id", session));
        assertThat(noAccept.status()).isEqualTo(406);
        assertThat(noAccept.json().at("/error/message").asText()).contains("text/event-stream");
        assertThat(mcp().send("GET", "/mcp", null, Map.of("Accept", "text/event-stream", "Mcp-Session-Id", session,
                "Origin", "http://evil.example.com")).status()).isEqualTo(403);
        assertThat(mcp().send("GET", "/mcp", null, Map.of("Accept", "text/event-stream", "Mcp-Session-Id", session,
                "MCP-Protocol-Version", "1999-01-01")).status()).isEqualTo(400);
    }

    @Test
    void serverMessagesArriveWithUniqueIdsAndKeepAlivesFlow() {
        String session = mcp().initialize("2025-11-25");
        try (SseClient stream = get(session, Map.of())) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> stream.all().stream().anyMatch(e -> "stream open".equals(e.comment())));
            streams().publish(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{"
                                       + "\"level\":\"info\",\"data\":\"one\"}}");
            streams().publish(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{"
                                       + "\"level\":\"info\",\"data\":\"two\"}}");
            SseClient.Event two = stream.awaitMessage(e -> e.data().contains("\"two\""));
            SseClient.Event one = stream.awaitMessage(e -> e.data().contains("\"one\""));
            assertThat(one.id()).isEqualTo("g:1");
            assertThat(two.id()).isEqualTo("g:2");
            assertThat(one.event()).isEqualTo("message");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> stream.all().stream().anyMatch(e -> "keep-alive".equals(e.comment())));
            assertThat(stream.messages()).noneMatch(e -> e.data().contains("\"result\""));
        }
    }

    @Test
    void resumingWithLastEventIdReplaysWhatWasMissed() {
        String session = mcp().initialize("2025-11-25");
        for (int i = 1; i <= 7; i++) {
            streams().publish(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{"
                                       + "\"level\":\"info\",\"data\":\"n" + i + "\"}}");
        }
        try (SseClient stream = get(session, Map.of("Last-Event-ID", "g:4"))) {
            stream.awaitMessage(e -> e.data().contains("\"n7\""));
            assertThat(stream.messages()).extracting(SseClient.Event::id).containsExactly("g:5", "g:6", "g:7");
        }
        // beyond the buffer (5 events): what is still held is replayed
        try (SseClient stream = get(session, Map.of("Last-Event-ID", "g:0"))) {
            stream.awaitMessage(e -> e.data().contains("\"n7\""));
            assertThat(stream.messages()).extracting(SseClient.Event::id)
                    .containsExactly("g:3", "g:4", "g:5", "g:6", "g:7");
        }
    }

    @Test
    void deletingTheSessionEndsTheStream() {
        String session = mcp().initialize("2025-11-25");
        try (SseClient stream = get(session, Map.of())) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(mcp().send("DELETE", "/mcp", null, Map.of("Mcp-Session-Id", session)).status())
                    .isEqualTo(204);
            stream.awaitEnd();
        }
    }

    @Test
    void aNewGetReplacesTheOldStream() {
        String session = mcp().initialize("2025-11-25");
        try (SseClient first = get(session, Map.of()); SseClient second = get(session, Map.of())) {
            first.awaitEnd();
            streams().publish(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{"
                                       + "\"level\":\"info\",\"data\":\"only-once\"}}");
            second.awaitMessage(e -> e.data().contains("only-once"));
            assertThat(first.messages()).noneMatch(e -> e.data().contains("only-once"));
        }
    }
}
