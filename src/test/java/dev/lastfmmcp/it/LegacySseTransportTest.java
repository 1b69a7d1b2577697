package dev.lastfmmcp.it;

import java.time.Duration;
import java.util.Map;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.edge.HttpServerCheck;
import dev.lastfmmcp.mcp.SessionStore;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.RawMcp;
import dev.lastfmmcp.support.SseClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The legacy HTTP+SSE transport (2024-11-05): GET /sse, POST /messages?sessionId=, replies on the stream. */
@CamelMainTest(configurationClasses = AppConfiguration.class, properties = {"camel.server.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacySseTransportTest extends AppTestSupport {

    @Test
    void theSdkSseClientWorksEndToEnd() {
        McpSyncClient client = McpClient.sync(HttpClientSseClientTransport
                        .builder("http://127.0.0.1:" + HttpServerCheck.listeningPort(context)).sseEndpoint("/sse").build())
                .requestTimeout(Duration.ofSeconds(20))
                .build();
        try {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo("lastfm-mcp");
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("ping", "get_artist_info");
            McpSchema.CallToolResult pong = client.callTool(new McpSchema.CallToolRequest("ping",
                    Map.of("message", "legacy")));
            assertThat(((McpSchema.TextContent) pong.content().get(0)).text()).isEqualTo("pong: legacy");
            client.ping();
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void theEndpointEventThenRepliesOnTheStreamAndTheSessionEndsWithIt() {
        SessionStore sessions = context.getRegistry().lookupByNameAndType("sessionStore", SessionStore.class);
        String endpoint;
        String sessionId;
        try (SseClient stream = SseClient.open("GET", mcp().base() + "/sse", Map.of("Accept", "text/event-stream"),
                null)) {
            SseClient.Event first = stream.awaitMessage(e -> true);
            assertThat(first.event()).isEqualTo("endpoint");
            endpoint = first.data();
            assertThat(endpoint).startsWith("/messages?sessionId=");
            sessionId = endpoint.substring(endpoint.indexOf('=') + 1);
            RawMcp.Reply accepted = mcp().send("POST", endpoint, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                    + "\"initialize\",\"params\":{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"legacy\",\"version\":\"1\"}}}", Map.of("Content-Type",
                    "application/json"));
            assertThat(accepted.status()).isEqualTo(202);
            assertThat(accepted.body()).isEmpty();
            SseClient.Event reply = stream.awaitMessage(e -> e.data().contains("\"id\":1"));
            assertThat(reply.event()).isEqualTo("message");
            assertThat(reply.data()).contains("\"protocolVersion\":\"2024-11-05\"");
            assertThat(mcp().send("POST", endpoint, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}",
                    Map.of("Content-Type", "application/json", "Origin", "http://evil.example.com")).status())
                    .isEqualTo(403);
            assertThat(sessions.find(sessionId)).isPresent();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> sessions.find(sessionId).isEmpty());
        assertThat(mcp().send("POST", endpoint, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}",
                Map.of("Content-Type", "application/json")).status()).isEqualTo(404);
        assertThat(mcp().send("POST", "/messages", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}",
                Map.of("Content-Type", "application/json")).status()).isEqualTo(400);
        assertThat(mcp().send("GET", "/sse", null, Map.of("Origin", "http://evil.example.com")).status())
                .isEqualTo(403);
    }
}
