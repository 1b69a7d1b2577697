package dev.lastfmmcp.it;

import java.time.Duration;
import java.util.Map;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.AppTestSupport;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official MCP Java SDK client (Streamable HTTP) against the running app: initialize, list tools, call tools.
 * The client validates every structuredContent against the tool's outputSchema (schema caching on).
 */
@CamelMainTest(configurationClasses = AppConfiguration.class, properties = {"camel.server.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkClientEndToEndTest extends AppTestSupport {

    private McpSyncClient client;

    private McpSyncClient client() {
        if (client == null) {
            client = sdkClient(Duration.ofSeconds(20))
                    .clientInfo(new McpSchema.Implementation("sdk-e2e", "1.0"))
                    .enableCallToolSchemaCaching(true)
                    .build();
            client.initialize();
        }
        return client;
    }

    @AfterAll
    void close() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    @Test
    void initializesWithTheLatestVersion() {
        McpSchema.InitializeResult init = client().getCurrentInitializationResult();
        assertThat(init.protocolVersion()).isEqualTo("2025-11-25");
        assertThat(init.serverInfo().name()).isEqualTo("lastfm-mcp");
        assertThat(init.capabilities().tools()).isNotNull();
        assertThat(init.instructions()).isNotBlank();
        client().ping();
    }

    @Test
    void listsToolsWithSchemasAndAnnotations() {
        McpSchema.ListToolsResult tools = client().listTools();
        assertThat(tools.tools()).extracting(McpSchema.Tool::name).contains("ping", "server_info");
        java.util.Set<String> writes = java.util.Set.of("love_track", "unlove_track", "update_now_playing",
                "scrobble_tracks", "scrobble_album");
        for (McpSchema.Tool tool : tools.tools()) {
            assertThat(tool.outputSchema()).isNotNull();
            // the write tools say they change something; every other tool only reads
            assertThat(tool.annotations().readOnlyHint()).as(tool.name()).isEqualTo(!writes.contains(tool.name()));
        }
        assertThat(tools.tools()).extracting(McpSchema.Tool::name).containsAll(writes);
    }

    @Test
    void callsPingWithStructuredContent() {
        McpSchema.CallToolResult result = client().callTool(new McpSchema.CallToolRequest("ping",
                Map.of("message", "hello from the SDK")));
        assertThat(result.isError()).isFalse();
        assertThat(((McpSchema.TextContent) result.content().get(0)).text()).isEqualTo("pong: hello from the SDK");
        @SuppressWarnings("unchecked")
        Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
        assertThat(structured).containsEntry("reply", "pong").containsEntry("message", "hello from the SDK")
                .containsKey("serverTime");
    }

    @Test
    void callsServerInfoWithStructuredContent() {
        McpSchema.CallToolResult result = client().callTool(new McpSchema.CallToolRequest("server_info", Map.of()));
        assertThat(result.isError()).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
        assertThat(structured).containsEntry("name", "lastfm-mcp");
        @SuppressWarnings("unchecked")
        Map<String, Object> protocol = (Map<String, Object>) structured.get("protocol");
        assertThat(protocol).containsEntry("negotiated", "2025-11-25");
        assertThat(structured.get("cluster")).isEqualTo(Map.of("clustered", false, "node", "local",
                "members", java.util.List.of("local")));
        assertThat(((McpSchema.TextContent) result.content().get(0)).text()).contains("Last.fm MCP Server")
                .contains("- Cluster: not clustered");
    }

    @Test
    void invalidArgumentsComeBackAsToolErrors() {
        McpSchema.CallToolResult result = client().callTool(new McpSchema.CallToolRequest("ping",
                Map.of("message", 12)));
        assertThat(result.isError()).isTrue();
        assertThat(((McpSchema.TextContent) result.content().get(0)).text()).contains("message");
    }

    @Test
    void emptyResourceAndPromptListsAndLogging() {
        assertThat(client().listResources().resources()).isEmpty();
        assertThat(client().listResourceTemplates().resourceTemplates()).isNotNull();
        assertThat(client().listPrompts().prompts()).isNotNull();
        client().setLoggingLevel(McpSchema.LoggingLevel.WARNING);
    }
}
