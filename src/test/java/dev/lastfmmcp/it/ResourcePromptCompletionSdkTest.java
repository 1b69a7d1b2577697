package dev.lastfmmcp.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.ToolTestSupport;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The official MCP Java SDK client against the running app and WireMock Last.fm: resource templates and reads,
 * prompts, completions, and the JSON-RPC errors as the SDK surfaces them.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.default-user=aidan-"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourcePromptCompletionSdkTest extends ToolTestSupport {

    private McpSyncClient client;

    private McpSyncClient client() {
        if (client == null) {
            client = sdkClient(Duration.ofSeconds(20))
                    .clientInfo(new McpSchema.Implementation("sdk-resources", "1.0"))
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

    private static int code(Throwable error) {
        return ((McpError) error).getJsonRpcError().code();
    }

    @Test
    void declaresResourcesPromptsAndCompletions() {
        McpSchema.ServerCapabilities capabilities = client().getServerCapabilities();
        assertThat(capabilities.completions()).isNotNull();
        assertThat(capabilities.resources().subscribe()).isTrue();
        assertThat(capabilities.prompts()).isNotNull();
    }

    @Test
    void listsTemplatesAndTheDefaultUsersResources() {
        assertThat(client().listResourceTemplates().resourceTemplates())
                .extracting(McpSchema.ResourceTemplate::uriTemplate).hasSize(10)
                .contains("lastfm://artist/{artist}/similar", "lastfm://user/{username}/profile");
        List<McpSchema.Resource> resources = client().listResources().resources();
        assertThat(resources).extracting(McpSchema.Resource::uri).contains("lastfm://user/aidan-/top-artists");
        assertThat(resources).hasSize(5);
    }

    @Test
    void readsAListedResourceAsJson() {
        lastfm("user.getTopArtists", "user.getTopArtists__aidan-_limit3.json", "user", "aidan-");
        McpSchema.Resource topArtists = client().listResources().resources().get(1);
        McpSchema.ReadResourceResult result = client().readResource(topArtists);
        McpSchema.TextResourceContents contents = (McpSchema.TextResourceContents) result.contents().get(0);
        assertThat(contents.uri()).isEqualTo("lastfm://user/aidan-/top-artists");
        assertThat(contents.mimeType()).isEqualTo("application/json");
        JsonNode json = Fixtures.json(contents.text());
        assertThat(json.get("user").asText()).isEqualTo("aidan-");
        assertThat(json.get("artists")).hasSize(3);
        assertThat(json.at("/artists/0/rank").asInt()).isEqualTo(1);
    }

    @Test
    void readsANameWithASlashAndUnicode() {
        lastfm("artist.getSimilar", "{\"similarartists\":{\"artist\":[{\"name\":\"Sigur Rós\",\"match\":\"0.61\"}],"
                                    + "\"@attr\":{\"artist\":\"AC/DC\"}}}", "artist", "AC/DC");
        McpSchema.ReadResourceResult result = client().readResource(
                new McpSchema.ReadResourceRequest("lastfm://artist/AC%2FDC/similar"));
        JsonNode json = Fixtures.json(((McpSchema.TextResourceContents) result.contents().get(0)).text());
        assertThat(json.get("artist").asText()).isEqualTo("AC/DC");
        assertThat(json.at("/artists/0/name").asText()).isEqualTo("Sigur Rós");
    }

    @Test
    void errorsReachTheClientWithTheirCodes() {
        assertThatThrownBy(() -> client().readResource(new McpSchema.ReadResourceRequest("lastfm://nowhere/x")))
                .isInstanceOfSatisfying(McpError.class, e -> assertThat(code(e)).isEqualTo(-32002));
        lastfm(404, "artist.getInfo", "artist.getInfo__unknown-artist-error6.json");
        assertThatThrownBy(() -> client().readResource(new McpSchema.ReadResourceRequest("lastfm://artist/Zzyzx")))
                .isInstanceOfSatisfying(McpError.class, e -> assertThat(code(e)).isEqualTo(-32002));
        assertThatThrownBy(() -> client().readResource(
                new McpSchema.ReadResourceRequest("lastfm://user/aidan-/top-artists?period=forever")))
                .isInstanceOfSatisfying(McpError.class, e -> assertThat(code(e)).isEqualTo(-32602));
        assertThatThrownBy(() -> client().getPrompt(new McpSchema.GetPromptRequest("listening_insights",
                Map.of("username", "aidan-", "period", "forever"))))
                .isInstanceOfSatisfying(McpError.class, e -> assertThat(code(e)).isEqualTo(-32602));
        assertThatThrownBy(() -> client().getPrompt(new McpSchema.GetPromptRequest("nope", Map.of())))
                .isInstanceOfSatisfying(McpError.class, e -> assertThat(code(e)).isEqualTo(-32602));
    }

    @Test
    void getsPrompts() {
        assertThat(client().listPrompts().prompts()).extracting(McpSchema.Prompt::name).containsExactly(
                "listening_insights", "music_discovery", "track_analysis", "album_analysis", "artist_analysis",
                "listening_habits");
        McpSchema.GetPromptResult result = client().getPrompt(new McpSchema.GetPromptRequest("music_discovery",
                Map.of("username", "aidan-", "genre", "post-rock")));
        assertThat(result.messages()).singleElement().satisfies(message -> {
            assertThat(message.role()).isEqualTo(McpSchema.Role.USER);
            assertThat(((McpSchema.TextContent) message.content()).text())
                    .contains("get_music_recommendations(username=\"aidan-\", limit=20, genre=\"post-rock\")");
        });
    }

    @Test
    void completesPromptArgumentsAndTemplateVariables() {
        McpSchema.CompleteResult periods = client().completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.PromptReference("listening_insights"),
                new McpSchema.CompleteRequest.CompleteArgument("period", "6")));
        assertThat(periods.completion().values()).containsExactly("6month");
        assertThat(periods.completion().hasMore()).isFalse();

        lastfm("track.search", "track.search__hells-bells.json", "artist", "AC/DC");
        McpSchema.CompleteResult tracks = client().completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.ResourceReference("lastfm://track/{artist}/{track}"),
                new McpSchema.CompleteRequest.CompleteArgument("track", "hell"), null,
                new McpSchema.CompleteRequest.CompleteContext(Map.of("artist", "AC/DC"))));
        assertThat(tracks.completion().values()).startsWith("Hells Bells");
        assertThat(tracks.completion().total()).isEqualTo(11634);

        McpSchema.CompleteResult users = client().completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.ResourceReference("lastfm://user/{username}/recent"),
                new McpSchema.CompleteRequest.CompleteArgument("username", "")));
        assertThat(users.completion().values()).containsExactly("aidan-");
    }
}
