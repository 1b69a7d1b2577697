package dev.lastfmmcp.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.signin.SignIns;
import dev.lastfmmcp.support.SignedForms;
import dev.lastfmmcp.support.ToolTestSupport;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write tools end to end through the MCP Java SDK client, signed in through {@code ?session_id=}: love, read the
 * loved tracks, unlove, read again (each read shows the write); and the confirmation by elicitation, with a client
 * that accepts and one that declines (nothing is sent to Last.fm).
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "lastfm.throttle.requests-per-second=100"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteToolsSdkTest extends ToolTestSupport {

    static final String USER = "SdkWriter";
    static final String SK = "5dd0c1a3d0e5f5bb4b3c2a190c9d8e7f";

    private String personalUrl;

    @BeforeEach
    void signIn() {
        if (personalUrl == null) {
            personalUrl = "/mcp?session_id=" + context.getRegistry().lookupByNameAndType("signIns", SignIns.class)
                    .create(USER, SK, "session-url").id();
        }
        LASTFM.stubFor(SignedForms.anyOtherPost());
    }

    private static String loved(String... tracks) {
        StringBuilder items = new StringBuilder();
        for (String track : tracks) {
            items.append(items.length() == 0 ? "" : ",").append("{\"name\":\"").append(track)
                    .append("\",\"mbid\":\"\",\"url\":\"https://www.last.fm/music/Cher/_/Believe\",\"date\":{\"uts\":"
                            + "\"1700000000\",\"#text\":\"14 Nov 2023, 22:13\"},\"artist\":{\"name\":\"Cher\","
                            + "\"mbid\":\"\",\"url\":\"https://www.last.fm/music/Cher\"}}");
        }
        return "{\"lovedtracks\":{\"@attr\":{\"page\":\"1\",\"total\":\"" + tracks.length + "\",\"user\":\"" + USER
               + "\",\"perPage\":\"10\",\"totalPages\":\"1\"},\"track\":[" + items + "]}}";
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    private int posts(String method) {
        return (int) LASTFM.findAll(postRequestedFor(urlPathEqualTo("/2.0/"))).stream()
                .map(r -> SignedForms.parse(r.getBodyAsString())).filter(p -> method.equals(p.get("method"))).count();
    }

    @Test
    void loveReadUnloveReadShowsEachWrite() {
        LASTFM.stubFor(SignedForms.write("track.love", SK).inScenario("love").willSetStateTo("loved")
                .willReturn(SignedForms.json(200, "track.love__ok.json")));
        LASTFM.stubFor(SignedForms.write("track.unlove", SK).inScenario("love").willSetStateTo("unloved")
                .willReturn(SignedForms.json(200, "{}")));
        for (String state : List.of("Started", "loved", "unloved")) {
            LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("user.getLovedTracks"))
                    .inScenario("love").whenScenarioStateIs(state)
                    .willReturn(SignedForms.json(200, state.equals("loved") ? loved("Believe") : loved())));
        }
        McpSyncClient client = sdkClient(Duration.ofSeconds(30), personalUrl).enableCallToolSchemaCaching(true)
                .build();
        try {
            client.initialize();
            Map<String, Object> read = Map.of("limit", 10);
            assertThat(text(client.callTool(new McpSchema.CallToolRequest("get_loved_tracks", read))))
                    .doesNotContain("Believe");
            McpSchema.CallToolResult love = client.callTool(new McpSchema.CallToolRequest("love_track",
                    Map.of("artist", "Cher", "track", "Believe")));
            assertThat(love.isError()).as(text(love)).isFalse();
            assertThat(text(love)).contains("Loved: Believe by Cher");
            assertThat(text(client.callTool(new McpSchema.CallToolRequest("get_loved_tracks", read))))
                    .contains("Believe");
            // no elicitation capability: unlove goes ahead without asking, as before
            McpSchema.CallToolResult unlove = client.callTool(new McpSchema.CallToolRequest("unlove_track",
                    Map.of("artist", "Cher", "track", "Believe")));
            assertThat(unlove.isError()).as(text(unlove)).isFalse();
            assertThat(text(client.callTool(new McpSchema.CallToolRequest("get_loved_tracks", read))))
                    .doesNotContain("Believe");
            assertThat(posts("track.love")).isEqualTo(1);
            assertThat(posts("track.unlove")).isEqualTo(1);
        } finally {
            client.closeGracefully();
        }
    }

    private McpSyncClient elicitingClient(McpSchema.ElicitResult answer, List<McpSchema.ElicitFormRequest> asked) {
        return sdkClient(Duration.ofSeconds(30), personalUrl)
                .capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
                .elicitation(request -> {
                    asked.add(request);
                    return answer;
                })
                .build();
    }

    @Test
    void aClientThatAcceptsIsAskedFirstAndTheWriteIsSent() {
        LASTFM.stubFor(SignedForms.write("track.unlove", SK).willReturn(SignedForms.json(200, "{}")));
        List<McpSchema.ElicitFormRequest> asked = new CopyOnWriteArrayList<>();
        McpSyncClient client = elicitingClient(new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT,
                Map.of("confirm", true)), asked);
        try {
            client.initialize();
            int before = posts("track.unlove");
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("unlove_track",
                    Map.of("artist", "Cher", "track", "Strong Enough")));
            assertThat(result.isError()).as(text(result)).isFalse();
            assertThat(asked).hasSize(1);
            assertThat(asked.get(0).message()).isEqualTo("Remove \"Strong Enough\" by Cher from " + USER
                                                          + "'s loved tracks on Last.fm?");
            assertThat(posts("track.unlove")).isEqualTo(before + 1);
            // love_track does not ask
            LASTFM.stubFor(SignedForms.write("track.love", SK).willReturn(SignedForms.json(200, "{}")));
            assertThat(client.callTool(new McpSchema.CallToolRequest("love_track", Map.of("artist", "Cher", "track",
                    "Strong Enough"))).isError()).isFalse();
            assertThat(asked).hasSize(1);
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void aClientThatDeclinesGetsAnErrorAndNothingIsWritten() {
        lastfm("album.getInfo", "album.getInfo__metallica_metallica_lang-de.json");
        LASTFM.stubFor(SignedForms.write("track.unlove", SK).willReturn(SignedForms.json(200, "{}")));
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK).willReturn(SignedForms.json(200,
                "track.scrobble__accepted-single.json")));
        List<McpSchema.ElicitFormRequest> asked = new CopyOnWriteArrayList<>();
        McpSyncClient client = elicitingClient(new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE,
                null), asked);
        try {
            client.initialize();
            int unloves = posts("track.unlove");
            McpSchema.CallToolResult unlove = client.callTool(new McpSchema.CallToolRequest("unlove_track",
                    Map.of("artist", "Cher", "track", "Believe")));
            assertThat(unlove.isError()).isTrue();
            assertThat(text(unlove)).startsWith("Nothing was written to Last.fm").contains("declined");
            McpSchema.CallToolResult album = client.callTool(new McpSchema.CallToolRequest("scrobble_album",
                    Map.of("artist", "Metallica", "album", "Metallica")));
            assertThat(album.isError()).isTrue();
            assertThat(text(album)).startsWith("Nothing was written to Last.fm");
            assertThat(asked).hasSize(2);
            assertThat(asked.get(1).message()).startsWith("Scrobble 12 tracks of \"Metallica\" by Metallica to "
                                                          + USER + "'s Last.fm profile");
            assertThat(posts("track.unlove")).isEqualTo(unloves);
            assertThat(posts("track.scrobble")).isZero();
        } finally {
            client.closeGracefully();
        }
    }
}
