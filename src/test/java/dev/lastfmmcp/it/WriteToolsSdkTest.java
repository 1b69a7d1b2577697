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

    /** Three plays an hour ago, in the order played: artist, track, start time. */
    private static List<String[]> plays(long start) {
        return List.of(new String[] {"Tame Impala", "Elephant", String.valueOf(start)},
                new String[] {"やくしまるえつこ", "X次元へようこそ", String.valueOf(start + 211)},
                new String[] {"Sigur Rós", "Hoppípolla", String.valueOf(start + 211 + 268)});
    }

    /** Last.fm's answer to track.scrobble of these plays, all accepted (the array shape, with @attr counts). */
    private static String accepted(List<String[]> plays) {
        StringBuilder echoes = new StringBuilder();
        for (String[] play : plays) {
            echoes.append(echoes.length() == 0 ? "" : ",").append("{\"artist\":{\"corrected\":\"0\",\"#text\":\"")
                    .append(play[0]).append("\"},\"album\":{\"corrected\":\"0\"},\"track\":{\"corrected\":\"0\","
                            + "\"#text\":\"").append(play[1]).append("\"},\"albumArtist\":{\"corrected\":\"0\","
                            + "\"#text\":\"\"},\"timestamp\":\"").append(play[2]).append("\",\"ignoredMessage\":"
                            + "{\"code\":\"0\",\"#text\":\"\"}}");
        }
        return "{\"scrobbles\":{\"scrobble\":[" + echoes + "],\"@attr\":{\"ignored\":0,\"accepted\":" + plays.size()
               + "}}}";
    }

    /** user.getRecentTracks as Last.fm answers it: newest first. */
    private static String recent(List<String[]> plays) {
        StringBuilder tracks = new StringBuilder();
        for (int i = plays.size() - 1; i >= 0; i--) {
            String[] play = plays.get(i);
            tracks.append(tracks.length() == 0 ? "" : ",").append("{\"artist\":{\"mbid\":\"\",\"#text\":\"")
                    .append(play[0]).append("\"},\"album\":{\"mbid\":\"\",\"#text\":\"\"},\"image\":[],"
                            + "\"streamable\":\"0\",\"date\":{\"uts\":\"").append(play[2]).append("\",\"#text\":\"\"},"
                            + "\"url\":\"https://www.last.fm/music/x/_/y\",\"name\":\"").append(play[1])
                    .append("\",\"mbid\":\"\"}");
        }
        return "{\"recenttracks\":{\"@attr\":{\"page\":\"1\",\"total\":\"" + plays.size() + "\",\"user\":\"" + USER
               + "\",\"perPage\":\"10\",\"totalPages\":\"1\"},\"track\":[" + tracks + "]}}";
    }

    /**
     * A stateful Last.fm: user.getRecentTracks answers the plays posted so far. The scrobble stub matches only a
     * signed POST carrying exactly these three plays (names, times, in order) and moves the stand-in to the state
     * where recent tracks lists them.
     */
    @Test
    void scrobbleThreeTracksThenReadThemBackInRecentTracks() {
        long start = java.time.Instant.now().getEpochSecond() - 3600;
        List<String[]> plays = plays(start);
        Map<String, String> posted = new java.util.LinkedHashMap<>();
        for (int i = 0; i < plays.size(); i++) {
            posted.put("artist[" + i + "]", plays.get(i)[0]);
            posted.put("track[" + i + "]", plays.get(i)[1]);
            posted.put("timestamp[" + i + "]", plays.get(i)[2]);
        }
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK, posted).inScenario("history")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willSetStateTo("scrobbled").willReturn(SignedForms.json(200, accepted(plays))));
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("user.getRecentTracks"))
                .inScenario("history").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(SignedForms.json(200, recent(List.<String[]>of(new String[] {"Cher", "Believe",
                        String.valueOf(start - 7200)})))));
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("user.getRecentTracks"))
                .inScenario("history").whenScenarioStateIs("scrobbled")
                .willReturn(SignedForms.json(200, recent(plays))));
        McpSyncClient client = sdkClient(Duration.ofSeconds(30), personalUrl).enableCallToolSchemaCaching(true)
                .build();
        try {
            client.initialize();
            Map<String, Object> read = Map.of("limit", 10);
            String before = text(client.callTool(new McpSchema.CallToolRequest("get_recent_tracks", read)));
            assertThat(before).contains("Believe").doesNotContain("Hoppípolla");

            List<Map<String, Object>> scrobbles = plays.stream().map(play -> Map.<String, Object>of("artist", play[0],
                    "track", play[1], "timestamp", Long.parseLong(play[2]))).toList();
            McpSchema.CallToolResult scrobbled = client.callTool(new McpSchema.CallToolRequest("scrobble_tracks",
                    Map.of("scrobbles", scrobbles)));
            assertThat(scrobbled.isError()).as(text(scrobbled)).isFalse();
            assertThat(text(scrobbled)).contains("Scrobbled 3 of 3 tracks");
            assertValidNextSteps("scrobble_tracks", text(scrobbled));

            // the cached recent tracks were left behind by the write: the read shows the three plays, newest first
            String after = text(client.callTool(new McpSchema.CallToolRequest("get_recent_tracks", read)));
            assertThat(after).contains("Hoppípolla", "X次元へようこそ", "Elephant").doesNotContain("Believe");
            assertThat(after.indexOf("Hoppípolla")).isLessThan(after.indexOf("Elephant"));
            assertThat(posts("track.scrobble")).isEqualTo(1);
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void scrobbleAlbumOfATenTrackAlbumSendsTenPlaysEndingAtFinishedAt() {
        lastfm("album.getInfo", "album.getInfo__metallica_metallica_first-10-tracks.json");
        long end = java.time.Instant.now().getEpochSecond() - 600;
        int[] lengths = {382, 324, 227, 386, 402, 239, 241, 341, 256, 305};
        long first = end - java.util.Arrays.stream(lengths).sum();
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        long at = first;
        for (int i = 0; i < lengths.length; i++) {
            expected.put("timestamp[" + i + "]", String.valueOf(at));
            expected.put("trackNumber[" + i + "]", String.valueOf(i + 1));
            expected.put("duration[" + i + "]", String.valueOf(lengths[i]));
            expected.put("album[" + i + "]", "Metallica");
            at += lengths[i];
        }
        expected.put("artist[0]", "Metallica");
        expected.put("track[0]", "Enter Sandman");
        expected.put("track[9]", "The God That Failed");
        List<String[]> echoes = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            echoes.add(new String[] {"Metallica", "T" + i, expected.get("timestamp[" + i + "]")});
        }
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK, expected).willReturn(SignedForms.json(200,
                accepted(echoes))));
        McpSyncClient client = sdkClient(Duration.ofSeconds(30), personalUrl).enableCallToolSchemaCaching(true)
                .build();
        try {
            client.initialize();
            McpSchema.CallToolResult album = client.callTool(new McpSchema.CallToolRequest("scrobble_album",
                    Map.of("artist", "Metallica", "album", "Metallica", "finishedAt", end)));
            assertThat(album.isError()).as(text(album)).isFalse();
            assertThat(text(album)).contains("Scrobbled 10 of 10 tracks", "10 tracks played back to back",
                    "Enter Sandman", "The God That Failed");
            @SuppressWarnings("unchecked")
            Map<String, Object> totals = (Map<String, Object>) ((Map<String, Object>) album.structuredContent())
                    .get("totals");
            assertThat(totals).containsEntry("accepted", 10).containsEntry("batches", 1);
            assertThat(posts("track.scrobble")).isEqualTo(1);
            Map<String, String> sent = SignedForms.parse(LASTFM.findAll(postRequestedFor(urlPathEqualTo("/2.0/")))
                    .get(0).getBodyAsString());
            assertThat(sent).doesNotContainKey("artist[10]");
            assertThat(Long.parseLong(sent.get("timestamp[9]")) + 305).isEqualTo(end);
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
