package dev.lastfmmcp.tools;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.ToolTestSupport;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every tool in the catalogue, end to end through the official MCP Java SDK client (which validates each
 * structuredContent against the tool's outputSchema), against a WireMock Last.fm serving recorded fixtures.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "lastfm.throttle.requests-per-second=100"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllToolsSdkTest extends ToolTestSupport {

    private static final Map<String, String> FIXTURES = Map.ofEntries(
            Map.entry("artist.getInfo", "artist.getInfo__the-weeknd.json"),
            Map.entry("artist.getTopTracks", "artist.getTopTracks__chris-cornell.json"),
            Map.entry("artist.getTopAlbums", "artist.getTopAlbums__soundgarden.json"),
            Map.entry("artist.getSimilar", "artist.getSimilar__metallica.json"),
            Map.entry("artist.search", "artist.search__rammstein.json"),
            Map.entry("track.getInfo", "track.getInfo__linkin-park_one-step-closer_username-solelychloe.json"),
            Map.entry("track.getSimilar", "track.getSimilar__disturbed_stricken.json"),
            Map.entry("track.search", "track.search__hells-bells.json"),
            Map.entry("album.getInfo", "album.getInfo__metallica_metallica_lang-de.json"),
            Map.entry("album.search", "album.search__legacy-multiple.json"),
            Map.entry("tag.getInfo", "tag.getInfo__metal.json"),
            Map.entry("tag.getTopArtists", "tag.getTopArtists__metal.json"),
            Map.entry("tag.getTopAlbums", "tag.getTopAlbums__metal.json"),
            Map.entry("chart.getTopArtists", "chart.getTopArtists__limit10.json"),
            Map.entry("chart.getTopTracks", "chart.getTopTracks__limit10.json"),
            Map.entry("geo.getTopArtists", "geo.getTopArtists__canada-limit10.json"),
            Map.entry("geo.getTopTracks", "geo.getTopTracks__canada-limit10.json"),
            Map.entry("user.getRecentTracks", "user.getRecentTracks__frikandel_-limit1.json"),
            Map.entry("user.getTopArtists", "user.getTopArtists__aidan-_limit3.json"),
            Map.entry("user.getTopAlbums", "user.getTopAlbums__aidan-_limit3.json"),
            Map.entry("user.getTopTracks", "user.getTopTracks__aidan-_limit3.json"),
            Map.entry("user.getLovedTracks", "user.getLovedTracks__TyphoonsNotABot-limit1.json"),
            Map.entry("user.getInfo", "user.getInfo__TyphoonsNotABot.json"),
            Map.entry("user.getWeeklyChartList", "user.getWeeklyChartList__aidan-.json"),
            Map.entry("user.getWeeklyArtistChart", "user.getWeeklyArtistChart__aidan-_limit2.json"),
            Map.entry("user.getWeeklyAlbumChart", "user.getWeeklyAlbumChart__aidan-_limit2.json"),
            Map.entry("user.getWeeklyTrackChart", "user.getWeeklyTrackChart__aidan-_limit2.json"),
            Map.entry("user.getTopTags", "user.getTopTags__aidan-_empty.json"));

    private static final Map<String, String> HAND_WRITTEN = Map.of(
            "tag.getTopTracks", "{\"tracks\":{\"track\":[{\"name\":\"One\",\"duration\":\"446\",\"url\":"
                    + "\"https://www.last.fm/music/Metallica/_/One\",\"artist\":{\"name\":\"Metallica\",\"url\":"
                    + "\"https://www.last.fm/music/Metallica\"},\"@attr\":{\"rank\":\"1\"}}],\"@attr\":{\"tag\":"
                    + "\"metal\",\"page\":\"1\",\"perPage\":\"1\",\"totalPages\":\"1\",\"total\":\"1\"}}}",
            "artist.getTopTags", "{\"toptags\":{\"tag\":[{\"name\":\"metal\",\"count\":100,\"url\":"
                    + "\"https://www.last.fm/tag/metal\"}],\"@attr\":{\"artist\":\"Anyone\"}}}",
            "user.getFriends", "{\"friends\":{\"user\":[{\"name\":\"rj\",\"realname\":\"Richard\",\"url\":"
                    + "\"https://www.last.fm/user/rj\",\"country\":\"United Kingdom\",\"playcount\":\"1000\","
                    + "\"registered\":{\"unixtime\":\"1037793040\",\"#text\":\"2002-11-20 11:50\"}}],\"@attr\":{"
                    + "\"user\":\"aidan-\",\"page\":\"1\",\"perPage\":\"10\",\"totalPages\":\"1\",\"total\":\"1\"}}}");

    private static final Map<String, Map<String, Object>> ARGUMENTS = arguments();

    private static Map<String, Map<String, Object>> arguments() {
        Map<String, Map<String, Object>> args = new LinkedHashMap<>();
        args.put("ping", Map.of("message", "hi"));
        args.put("server_info", Map.of());
        args.put("lastfm_auth_status", Map.of());
        args.put("get_artist_info", Map.of("artist", "The Weeknd", "username", "TyphoonsNotABot"));
        args.put("get_artist_top_tracks", Map.of("artist", "Chris Cornell", "limit", 5));
        args.put("get_artist_top_albums", Map.of("artist", "Soundgarden", "limit", 5));
        args.put("get_similar_artists", Map.of("artist", "Metallica", "limit", 10));
        args.put("get_track_info", Map.of("artist", "Linkin Park", "track", "One Step Closer", "username",
                "solelychloe"));
        args.put("get_album_info", Map.of("artist", "Metallica", "album", "Metallica"));
        args.put("get_similar_tracks", Map.of("artist", "Disturbed", "track", "Stricken", "limit", 5));
        args.put("search_artists", Map.of("query", "Rammstein"));
        args.put("search_albums", Map.of("query", "Believe"));
        args.put("search_tracks", Map.of("query", "Hells Bells", "artist", "AC/DC"));
        args.put("get_tag_info", Map.of("tag", "metal"));
        args.put("get_tag_top_artists", Map.of("tag", "metal", "limit", 5));
        args.put("get_tag_top_albums", Map.of("tag", "metal", "limit", 5));
        args.put("get_tag_top_tracks", Map.of("tag", "metal", "limit", 5));
        args.put("get_global_top_artists", Map.of("limit", 10));
        args.put("get_global_top_tracks", Map.of("limit", 10, "country", "Canada"));
        args.put("get_recent_tracks", Map.of("username", "frikandel_", "limit", 1));
        args.put("get_top_artists", Map.of("username", "aidan-", "period", "7day", "limit", 3));
        args.put("get_top_albums", Map.of("username", "aidan-", "limit", 3));
        args.put("get_top_tracks", Map.of("username", "aidan-", "limit", "3"));
        args.put("get_loved_tracks", Map.of("username", "TyphoonsNotABot", "limit", 1));
        args.put("get_user_info", Map.of("username", "TyphoonsNotABot"));
        args.put("get_weekly_chart_list", Map.of("username", "aidan-"));
        args.put("get_weekly_artist_chart", Map.of("username", "aidan-"));
        args.put("get_weekly_album_chart", Map.of("username", "aidan-"));
        args.put("get_weekly_track_chart", Map.of("username", "aidan-"));
        args.put("get_user_top_tags", Map.of("username", "aidan-"));
        args.put("get_user_friends", Map.of("username", "aidan-", "limit", 3));
        args.put("get_listening_stats", Map.of("username", "aidan-", "period", "overall"));
        args.put("get_music_recommendations", Map.of("username", "aidan-", "limit", 5));
        args.put("compare_users", Map.of("user1", "aidan-", "user2", "TyphoonsNotABot"));
        // write tools: the client is signed in as WRITER
        args.put("love_track", Map.of("artist", "Cher", "track", "Believe"));
        args.put("unlove_track", Map.of("artist", "Cher", "track", "Believe"));
        args.put("update_now_playing", Map.of("artist", "The Who", "track", "Underture", "album", "Tommy"));
        args.put("scrobble_album", Map.of("artist", "Metallica", "album", "Metallica"));
        args.put("scrobble_tracks", Map.of("scrobbles", List.of(Map.of("artist", "65daysofstatic", "track", "Hole",
                "album", "The Fall of Math", "timestamp", java.time.Instant.now().minusSeconds(600).toString()))));
        return args;
    }

    static final String WRITER = "WriterOnly";
    static final String WRITER_SK = "0123456789abcdef0123456789abcdef";

    /** Signed form POSTs of the write methods, for the signed-in WRITER only. */
    private static final Map<String, String> WRITES = Map.of(
            "track.love", "track.love__ok.json",
            "track.unlove", "{}",
            "track.updateNowPlaying", "track.updateNowPlaying__the-who_underture.json",
            "track.scrobble", "track.scrobble__accepted-single.json");

    private void stubEverything() {
        WRITES.forEach((method, body) -> LASTFM.stubFor(dev.lastfmmcp.support.SignedForms.write(method, WRITER_SK)
                .willReturn(dev.lastfmmcp.support.SignedForms.json(200, body))));
        FIXTURES.forEach((method, fixture) -> lastfm(method, fixture));
        HAND_WRITTEN.forEach((method, body) -> lastfm(method, body));
        MUSICBRAINZ.stubFor(WireMock.get(urlPathMatching("/ws/2/.*")).willReturn(aResponse().withStatus(404)
                .withBody(Fixtures.musicbrainz("error__404-not-found.json"))));
    }

    @Test
    void everyToolAnswersThroughTheSdkClientWithValidStructuredContent() {
        stubEverything();
        String signIn = context.getRegistry().lookupByNameAndType("signIns", dev.lastfmmcp.signin.SignIns.class)
                .create(WRITER, WRITER_SK, "session-url").id();
        McpSyncClient client = sdkClient(Duration.ofSeconds(60), "/mcp?session_id=" + signIn)
                .enableCallToolSchemaCaching(true)
                .build();
        try {
            client.initialize();
            List<McpSchema.Tool> tools = client.listTools().tools();
            Set<String> listed = new TreeSet<>(tools.stream().map(McpSchema.Tool::name).toList());
            assertThat(listed).as("every catalogue tool has arguments in this test").isEqualTo(
                    new TreeSet<>(ARGUMENTS.keySet()));
            for (McpSchema.Tool tool : tools) {
                McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool.name(),
                        ARGUMENTS.get(tool.name())));
                String text = ((McpSchema.TextContent) result.content().get(0)).text();
                assertThat(result.isError()).as("%s: %s", tool.name(), text).isFalse();
                assertThat(result.structuredContent()).as(tool.name()).isNotNull();
                assertThat(text).as(tool.name()).isNotBlank();
                if (!tool.name().equals("ping")) {
                    assertThat(text).as("%s ends with next steps", tool.name()).contains("**Next steps**");
                }
                assertValidNextSteps(tool.name(), text);
            }
        } finally {
            client.closeGracefully();
        }
    }
}
