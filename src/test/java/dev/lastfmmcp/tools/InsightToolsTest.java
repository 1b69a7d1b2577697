package dev.lastfmmcp.tools;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.support.ToolTestSupport;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Exchange;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.lastfmmcp.tools.InsightData.ALL_TIME;
import static dev.lastfmmcp.tools.InsightData.HALF_YEAR;
import static dev.lastfmmcp.tools.InsightData.USER;
import static dev.lastfmmcp.tools.InsightData.WEEK;
import static dev.lastfmmcp.tools.InsightData.ordered;
import static dev.lastfmmcp.tools.InsightData.plays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * lastfm_auth_status, get_listening_stats, get_music_recommendations and compare_users against WireMock Last.fm fed
 * with hand-written bodies of one listener's history (InsightData): computed numbers, exclusions, genre, limits,
 * upstream request bounds, cache on repeat, partial failures, unknown and private users.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
        properties = {"camel.server.port=0", "lastfm.throttle.requests-per-second=100"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightToolsTest extends ToolTestSupport {

    private static final Instant REGISTERED = Instant.parse("2015-03-14T09:26:53Z");

    /** Empties the answer caches, so that a test can change a stub between two calls. */
    private void forgetAnswers() {
        dev.lastfmmcp.lastfm.LastfmCaches caches = context.getRegistry().lookupByNameAndType("lastfmCaches",
                dev.lastfmmcp.lastfm.LastfmCaches.class);
        caches.answers().invalidateAll();
        caches.stale().invalidateAll();
    }

    private int upstreamRequests() {
        return LASTFM.getAllServeEvents().size();
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> names.add(item.get(field).asText()));
        return names;
    }

    // ================================================================ lastfm_auth_status

    @Test
    void authStatusOffersTheSignInLinkAndListsToolsByKindFromTheCatalogue() {
        JsonNode result = ok("lastfm_auth_status", "{}");
        JsonNode structured = result.get("structuredContent");
        assertThat(structured.get("signedIn").asBoolean()).isFalse();
        assertThat(structured.has("user")).as("no user: the property is left out, not null").isFalse();
        assertThat(structured.get("signInAvailable").asBoolean()).isTrue();
        assertThat(structured.get("loginUrl").asText()).endsWith("/login").startsWith("http://127.0.0.1:");
        assertThat(structured.get("howTo").asText()).contains("username=").contains("/login")
                .contains("personal MCP URL");
        List<String> personal = new ArrayList<>();
        structured.at("/tools/personal").forEach(n -> personal.add(n.asText()));
        List<String> catalogue = new ArrayList<>();
        structured.at("/tools/catalogue").forEach(n -> catalogue.add(n.asText()));
        List<String> server = new ArrayList<>();
        structured.at("/tools/server").forEach(n -> server.add(n.asText()));
        assertThat(personal).contains("get_listening_stats", "get_music_recommendations", "compare_users")
                .doesNotContain("get_artist_info");
        assertThat(catalogue).contains("get_artist_info", "get_similar_artists").doesNotContain("compare_users");
        assertThat(server).contains("ping", "server_info", "lastfm_auth_status");
        ToolCatalogue tools = context.getRegistry().lookupByNameAndType("toolCatalogue", ToolCatalogue.class);
        List<String> needSignIn = new ArrayList<>();
        structured.at("/tools/needSignIn").forEach(n -> needSignIn.add(n.asText()));
        // the write tools, and only them: each in no other kind
        assertThat(needSignIn).containsExactly("love_track", "unlove_track", "update_now_playing", "scrobble_tracks",
                "scrobble_album");
        assertThat(catalogue).doesNotContainAnyElementsOf(needSignIn);
        assertThat(personal.size() + catalogue.size() + server.size() + needSignIn.size())
                .isEqualTo(tools.all().size());
        assertThat(text(result)).contains("**Need sign-in**: `love_track`, `unlove_track`, `update_now_playing`, `scrobble_tracks`, `scrobble_album`");
        assertThat(text(result)).contains("Not signed in. Sign in with Last.fm at http").contains("`get_listening_stats`")
                .contains("**Next steps**").doesNotContain("\"rj\"").doesNotContain("get_listening_stats(");
        assertThat(upstreamRequests()).isZero();
    }

    // ================================================================ get_listening_stats

    private static final Map<String, Map<String, Integer>> TAGS = ordered(
            "Radiohead", ordered("alternative", 100, "alternative rock", 90, "rock", 70, "electronic", 45,
                    "seen live", 40),
            "Björk", ordered("electronic", 100, "experimental", 80, "female vocalists", 70, "alternative", 50,
                    "icelandic", 40),
            "Portishead", ordered("trip-hop", 100, "electronic", 60, "female vocalists", 50, "seen live", 35,
                    "chillout", 30),
            "Massive Attack", ordered("Trip-Hop", 100, "electronic", 80, "chillout", 40, "alternative", 30,
                    "british", 20),
            "Boards of Canada", ordered("electronic", 100, "idm", 90, "ambient", 80, "downtempo", 40,
                    "experimental", 30),
            "Aphex Twin", ordered("electronic", 100, "idm", 95, "ambient", 60, "experimental", 55, "techno", 30),
            "Slowdive", ordered("shoegaze", 100, "dream pop", 80, "indie", 40, "alternative", 30, "90s", 20),
            "Beach House", ordered("dream pop", 100, "indie", 70, "shoegaze", 40, "female vocalists", 40,
                    "indie pop", 30),
            "Cocteau Twins", ordered("dream pop", 100, "ethereal", 70, "shoegaze", 50, "80s", 40,
                    "female vocalists", 40),
            "Sigur Rós", ordered("post-rock", 100, "ambient", 70, "icelandic", 60, "seen live", 55,
                    "experimental", 50));

    private void statsScenario(String period, List<InsightData.Plays> artists, List<Instant> recent) {
        lastfm("user.getInfo", InsightData.userInfo(USER, InsightData.sum(ALL_TIME), ALL_TIME.size(), REGISTERED),
                "user", USER);
        lastfm("user.getTopArtists", InsightData.topArtists(USER, artists, artists.size(), 1000),
                "user", USER, "period", period, "limit", "1000");
        lastfm("user.getTopAlbums", InsightData.topAlbums(USER, ordered(
                "OK Computer", plays("Radiohead", 30), "Homogenic", plays("Björk", 22),
                "Dummy", plays("Portishead", 20), "Mezzanine", plays("Massive Attack", 18),
                "Music Has the Right to Children", plays("Boards of Canada", 15)), 37),
                "user", USER, "period", period, "limit", "5");
        lastfm("user.getTopTracks", InsightData.topTracks(USER, ordered(
                "Reckoner", plays("Radiohead", 12), "Jóga", plays("Björk", 9), "Roads", plays("Portishead", 8),
                "Teardrop", plays("Massive Attack", 8), "Roygbiv", plays("Boards of Canada", 7)), 112),
                "user", USER, "period", period, "limit", "5");
        lastfm("user.getRecentTracks", InsightData.recentTracks(USER, recent, 200), "user", USER, "limit", "200");
        TAGS.forEach((artist, tags) -> lastfm("artist.getTopTags", InsightData.artistTags(artist, tags),
                "artist", artist));
    }

    @Test
    void statsForSevenDaysAreComputedFromTheSameListsAsTheListTools() {
        Instant now = Instant.now();
        statsScenario("7day", WEEK, List.of(now.minus(Duration.ofHours(30)), now.minus(Duration.ofHours(5)),
                now.minus(Duration.ofHours(4))));
        JsonNode result = ok("get_listening_stats", "{\"username\":\"" + USER + "\",\"period\":\"7day\"}");
        JsonNode stats = result.get("structuredContent");

        long scrobbles = InsightData.sum(WEEK);
        assertThat(scrobbles).isEqualTo(373);
        assertThat(stats.get("scrobbles").asLong()).isEqualTo(373);
        assertThat(stats.get("scrobblesExact").asBoolean()).isTrue();
        assertThat(stats.get("uniqueArtists").asLong()).isEqualTo(20);
        assertThat(stats.get("uniqueAlbums").asLong()).isEqualTo(37);
        assertThat(stats.get("uniqueTracks").asLong()).isEqualTo(112);
        assertThat(stats.get("days").asLong()).isEqualTo(7);
        assertThat(stats.get("averagePerDay").asDouble()).isEqualTo(53.3);
        assertThat(stats.get("top10Share").asDouble()).isEqualTo(0.8043);
        assertThat(names(stats.get("topArtists"), "name"))
                .containsExactly("Radiohead", "Björk", "Portishead", "Massive Attack", "Boards of Canada");
        assertThat(names(stats.get("topAlbums"), "name")).startsWith("OK Computer").hasSize(5);
        assertThat(names(stats.get("topTracks"), "name")).startsWith("Reckoner").hasSize(5);
        assertThat(stats.at("/from").asText()).endsWith(":00:00Z");

        // genres: each top-10 artist's first 5 genre tags, weighted by plays x count / 100 (worked out by hand)
        JsonNode genres = stats.get("topGenres");
        assertThat(names(genres, "name")).startsWith("electronic", "alternative", "trip-hop", "experimental",
                "female vocalists").doesNotContain("seen live");
        assertThat(genres.get(0).get("weightedPlays").asDouble()).isEqualTo(169.0);
        assertThat(genres.get(0).get("share").asDouble()).isEqualTo(0.1886);
        assertThat(genres.get(1).get("weightedPlays").asDouble()).isEqualTo(100.1);
        assertThat(genres.get(2).get("weightedPlays").asDouble()).isEqualTo(67.0);
        assertThat(genres.get(2).get("artists").toString()).isEqualTo("[\"Portishead\",\"Massive Attack\"]");

        assertThat(stats.at("/listening/sampleSize").asInt()).isEqualTo(3);
        assertThat(stats.at("/allTime/scrobbles").asLong()).isEqualTo(InsightData.sum(ALL_TIME));
        assertThat(stats.at("/allTime/memberSince").asText()).isEqualTo("2015-03-14T09:26:53Z");
        assertThat(stats.at("/howDerived/scrobbles").asText())
                .isEqualTo("the sum of the play counts of all 20 artists in user.getTopArtists (period=7day)");
        assertThat(stats.get("skipped")).isEmpty();

        assertThat(text(result)).startsWith("## Listening statistics: nova_listens, the last 7 days")
                .contains("**Scrobbles:** 373 — the sum of the play counts of all 20 artists")
                .contains("**Unique:** 20 artists · 37 albums · 112 tracks")
                .contains("**Per day:** 53.3 scrobbles on average — scrobbles ÷ 7 days")
                .contains("**Top 10 artists:** 80% of the plays")
                .contains("1. **Radiohead** — 64 plays")
                .contains("1. **OK Computer** by Radiohead — 30 plays")
                .contains("1. **electronic** — 19% (Radiohead, Björk, Portishead, …)")
                .contains("### All time").contains("since 2015-03-14")
                .contains("get_music_recommendations(username=\"nova_listens\", limit=10, genre=\"electronic\")");

        // the list tools' calls, with the same period; one request per part, within the stated bound
        for (String method : List.of("user.getTopArtists", "user.getTopAlbums", "user.getTopTracks")) {
            LASTFM.verify(1, getRequestedFor(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo(method))
                    .withQueryParam("period", equalTo("7day")));
        }
        LASTFM.verify(getRequestedFor(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("user.getRecentTracks"))
                .withQueryParam("from", matching("\\d+")));
        assertThat(upstreamRequests()).isEqualTo(15);
        assertThat(stats.get("lastfmRequests").asInt()).isEqualTo(15);
        assertThat(stats.get("lastfmRequestBound").asInt()).isEqualTo(15);
    }

    @Test
    void allTimeStatsUseTheProfileAndListeningTimesFollowTheTimezone() {
        // January 2024: Berlin is UTC+1. 23:30 UTC on Friday is 00:30 on Saturday in Berlin.
        List<Instant> recent = List.of(Instant.parse("2024-01-15T18:10:00Z"), Instant.parse("2024-01-15T18:40:00Z"),
                Instant.parse("2024-01-15T19:05:00Z"), Instant.parse("2024-01-16T07:30:00Z"),
                Instant.parse("2024-01-17T18:20:00Z"), Instant.parse("2024-01-19T22:50:00Z"),
                Instant.parse("2024-01-19T23:30:00Z"), Instant.parse("2024-01-20T12:00:00Z"),
                Instant.parse("2024-01-21T18:55:00Z"));
        statsScenario("overall", ALL_TIME, recent);
        JsonNode stats = ok("get_listening_stats", "{\"username\":\"" + USER + "\",\"timezone\":\"Europe/Berlin\"}")
                .get("structuredContent");
        long playcount = InsightData.sum(ALL_TIME);
        assertThat(stats.get("period").asText()).isEqualTo("overall");
        assertThat(stats.has("from")).isFalse();
        assertThat(stats.get("scrobbles").asLong()).isEqualTo(playcount);
        assertThat(stats.at("/howDerived/scrobbles").asText()).contains("user.getInfo playcount");
        assertThat(stats.get("uniqueArtists").asLong()).isEqualTo(30);
        long days = Duration.between(REGISTERED, Instant.now()).toDays();
        assertThat(stats.get("days").asLong()).isBetween(days, days + 1);
        assertThat(stats.get("averagePerDay").asDouble()).isCloseTo((double) playcount / days, within(0.1));
        LASTFM.verify(getRequestedFor(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("user.getRecentTracks"))
                .withQueryParam("from", absent()));

        JsonNode listening = stats.get("listening");
        assertThat(listening.get("sampleSize").asInt()).isEqualTo(9);
        assertThat(listening.get("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(listening.get("sampleFrom").asText()).isEqualTo("2024-01-15T18:10:00Z");
        assertThat(listening.get("sampleTo").asText()).isEqualTo("2024-01-21T18:55:00Z");
        JsonNode hours = listening.get("byHour");
        assertThat(hours.get(19).asInt()).isEqualTo(4);
        assertThat(hours.get(20).asInt()).isEqualTo(1);
        assertThat(hours.get(0).asInt()).isEqualTo(1);
        assertThat(hours.get(18).asInt()).isZero();
        assertThat(listening.get("peakHour").asInt()).isEqualTo(19);
        assertThat(listening.get("peakWeekday").asText()).isEqualTo("Monday");
        assertThat(listening.get("byWeekday").toString()).isEqualTo("[{\"day\":\"Monday\",\"scrobbles\":3},"
                + "{\"day\":\"Tuesday\",\"scrobbles\":1},{\"day\":\"Wednesday\",\"scrobbles\":1},{\"day\":\"Thursday\","
                + "\"scrobbles\":0},{\"day\":\"Friday\",\"scrobbles\":1},{\"day\":\"Saturday\",\"scrobbles\":2},"
                + "{\"day\":\"Sunday\",\"scrobbles\":1}]");
    }

    @Test
    void repeatedStatsAreAnsweredFromTheCache() {
        statsScenario("overall", ALL_TIME, List.of(Instant.parse("2024-01-15T18:10:00Z")));
        String args = "{\"username\":\"" + USER + "\"}";
        JsonNode first = ok("get_listening_stats", args);
        int afterFirst = upstreamRequests();
        assertThat(afterFirst).isEqualTo(15);
        JsonNode second = ok("get_listening_stats", args);
        assertThat(upstreamRequests()).as("new upstream requests on repeat").isEqualTo(afterFirst);
        assertThat(withoutTime(second)).isEqualTo(withoutTime(first));
    }

    /** The structured content without "to" (the time of the call). */
    private static JsonNode withoutTime(JsonNode result) {
        ObjectNode copy = result.get("structuredContent").deepCopy();
        copy.remove("to");
        return copy;
    }

    @Test
    void statsOfAnUnknownUserAreAClearError() {
        for (String method : List.of("user.getInfo", "user.getTopArtists", "user.getTopAlbums", "user.getTopTracks",
                "user.getRecentTracks")) {
            lastfm(404, method, "user.getInfo__unknown-user-error6.json");
        }
        JsonNode result = error("get_listening_stats", "{\"username\":\"nobody_here_42\"}");
        assertThat(text(result)).isEqualTo("User not found: nobody_here_42. Check the Last.fm username (it is the "
                                           + "name in https://www.last.fm/user/<name>).");
    }

    @Test
    void hiddenRecentListeningSkipsOnlyTheListeningTimes() {
        statsScenario("overall", ALL_TIME, List.of());
        lastfm(403, "user.getRecentTracks", "user.getRecentTracks__private-history-error17.json", "user", USER);
        lastfm(404, "artist.getTopTags", "artist.getInfo__unknown-artist-error6.json", "artist", "Sigur Rós");
        JsonNode result = ok("get_listening_stats", "{\"username\":\"" + USER + "\"}");
        JsonNode stats = result.get("structuredContent");
        assertThat(stats.has("listening")).isFalse();
        assertThat(stats.get("scrobbles").asLong()).isEqualTo(InsightData.sum(ALL_TIME));
        assertThat(names(stats.get("topGenres"), "name")).doesNotContain("post-rock");
        assertThat(stats.get("skipped").toString()).contains("No listening times: This user's listening history is "
                                                             + "private (nova_listens)")
                .contains("The tags of Sigur Rós could not be read");
        assertThat(text(result)).contains("_Skipped: No listening times: This user's listening history is private")
                .doesNotContain("### When");
    }

    @Test
    void genresFromArtistsWhoseTagsCouldNotBeReadAreNotPresentedAsComplete() {
        statsScenario("overall", ALL_TIME, List.of(Instant.parse("2024-01-15T18:10:00Z")));
        lastfm(404, "artist.getTopTags", "artist.getInfo__unknown-artist-error6.json", "artist", "Radiohead");
        lastfm(404, "artist.getTopTags", "artist.getInfo__unknown-artist-error6.json", "artist", "Björk");
        JsonNode some = ok("get_listening_stats", "{\"username\":\"" + USER + "\"}");
        assertThat(text(some)).contains("### Top genres\n_From the Last.fm tags of 8 of the 10 most played artists "
                                        + "(the tags of Radiohead and Björk could not be read), weighted by their "
                                        + "plays._");
        assertThat(some.at("/structuredContent/howDerived/topGenres").asText())
                .startsWith("artist.getTopTags of 8 of the 10 most played artists (2 could not be read):");

        forgetAnswers();
        lastfm(404, "artist.getTopTags", "artist.getInfo__unknown-artist-error6.json");
        JsonNode none = ok("get_listening_stats", "{\"username\":\"" + USER + "\"}");
        assertThat(none.at("/structuredContent/topGenres")).isEmpty();
        assertThat(text(none)).contains("### Top genres\nNot known: the Last.fm tags of the 10 most played artists "
                                        + "could not be read.");
        assertThat(text(none)).contains("get_music_recommendations(username=\"nova_listens\", limit=10)");
    }

    @Test
    void anEmptyRecentSampleSaysThereWasNothingToPlaceInTime() {
        statsScenario("7day", WEEK, List.of());
        JsonNode result = ok("get_listening_stats", "{\"username\":\"" + USER + "\",\"period\":\"7day\"}");
        assertThat(result.at("/structuredContent/listening/sampleSize").asInt()).isZero();
        assertThat(text(result)).contains("### When nova_listens listens\nNo scrobbles in the last 7 days to place "
                                          + "in time: user.getRecentTracks returned none.");
    }

    @Test
    void aPrivateProfileIsAnError() {
        lastfm("user.getInfo", InsightData.userInfo(USER, 10, 1, REGISTERED), "user", USER);
        for (String method : List.of("user.getTopArtists", "user.getTopAlbums", "user.getTopTracks",
                "user.getRecentTracks")) {
            lastfm(403, method, "user.getRecentTracks__private-history-error17.json");
        }
        JsonNode result = error("get_listening_stats", "{\"username\":\"" + USER + "\",\"period\":\"1month\"}");
        assertThat(text(result)).startsWith("This user's listening history is private (nova_listens)");
    }

    @Test
    void statsRejectAnUnknownTimezoneAndPeriodBeforeAnyRequest() {
        JsonNode zone = error("get_listening_stats", "{\"username\":\"" + USER + "\",\"timezone\":\"Mars/Olympus\"}");
        assertThat(text(zone)).contains("Unknown timezone \"Mars/Olympus\"").contains("Europe/Berlin");
        JsonNode period = error("get_listening_stats", "{\"username\":\"" + USER + "\",\"period\":\"2day\"}");
        assertThat(text(period)).contains("period");
        assertThat(upstreamRequests()).isZero();
    }

    @Test
    void statsReportProgressBetweenTheirSteps() {
        statsScenario("overall", ALL_TIME, List.of());
        JsonRpcCodec codec = context.getRegistry().lookupByNameAndType("jsonRpc", JsonRpcCodec.class);
        McpRequest request = new McpRequest("progress-test", System.nanoTime(), Instant.now(), "POST", "/mcp");
        List<JsonNode> sent = new ArrayList<>();
        request.setProgressSink(sent::add);
        McpCall call = new McpCall(codec.classify(codec.parse("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"get_listening_stats\",\"_meta\":{\"progressToken\":\"stats-1\"}}}")));
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("username", USER);
        args.put("period", "overall");
        Exchange done = context.createProducerTemplate().send("direct:tool-get_listening_stats", exchange -> {
            exchange.setVariable("mcp", request);
            exchange.setVariable("call", call);
            exchange.setVariable("args", args);
        });
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody(McpSchema.CallToolResult.class).isError()).isFalse();
        assertThat(sent).extracting(n -> n.at("/params/message").asText()).containsExactly(
                "Reading nova_listens's profile, top lists and recent scrobbles (1/3)",
                "Reading the tags of nova_listens's top 10 artists (2/3)",
                "Computing the statistics (3/3)");
        assertThat(sent).allSatisfy(n -> assertThat(n.at("/params/progressToken").asText()).isEqualTo("stats-1"));
    }

    // ================================================================ get_music_recommendations

    private static final Map<String, Map<String, Double>> SIMILAR = ordered(
            "Radiohead", ordered("Thom Yorke", 1.0, "Atoms for Peace", 0.9, "Portishead", 0.5, "Jon Hopkins", 0.4,
                    "Broadcast", 0.35),
            "Björk", ordered("Goldfrapp", 0.8, "múm", 0.7, "Kate Bush", 0.6, "Grouper", 0.3),
            "Portishead", ordered("Tricky", 0.95, "Massive Attack", 0.8, "Lamb", 0.7, "Goldfrapp", 0.5,
                    "Morcheeba", 0.45),
            "Massive Attack", ordered("Tricky", 0.9, "Morcheeba", 0.6, "Air", 0.55, "Zero 7", 0.5, "Lamb", 0.4),
            "Boards of Canada", ordered("Autechre", 0.85, "Aphex Twin", 0.8, "Tycho", 0.6, "Jon Hopkins", 0.5),
            "Aphex Twin", ordered("Autechre", 1.0, "Squarepusher", 0.9, "Boards of Canada", 0.85),
            "Slowdive", ordered("My Bloody Valentine", 0.95, "Ride", 0.9, "Chapterhouse", 0.8, "Lush", 0.75),
            "Beach House", ordered("Mazzy Star", 0.8, "Hope Sandoval", 0.7, "Grouper", 0.6, "Julee Cruise", 0.5),
            "Cocteau Twins", ordered("This Mortal Coil", 0.8, "Lush", 0.7, "Julee Cruise", 0.6),
            "Sigur Rós", ordered("Jónsi", 0.9, "Hammock", 0.85, "Explosions in the Sky", 0.8, "múm", 0.75));

    private void recommendationScenario() {
        lastfm("user.getTopArtists", InsightData.topArtists(USER, ALL_TIME, ALL_TIME.size(), 1000),
                "user", USER, "period", "overall", "limit", "1000");
        lastfm("user.getTopArtists", InsightData.topArtists(USER, HALF_YEAR, 143, 10),
                "user", USER, "period", "6month", "limit", "10");
        SIMILAR.forEach((artist, similar) -> lastfm("artist.getSimilar", InsightData.similar(artist, similar),
                "artist", artist, "limit", "50"));
        Map<String, String> tracks = ordered("Tricky", "Hell Is Round the Corner", "Goldfrapp", "Ooh La La",
                "Jon Hopkins", "Open Eye Signal", "Autechre", "Gantz Graf", "múm", "Green Grass of Tunnel",
                "Lamb", "Gabriel", "Morcheeba", "The Sea");
        tracks.forEach((artist, track) -> lastfm("artist.getTopTracks", InsightData.topTrack(artist, track, 812_345),
                "artist", artist, "limit", "1"));
    }

    @Test
    void recommendationsAreScoredFromWeightedSeedsAndLeaveOutKnownArtists() {
        recommendationScenario();
        JsonNode result = ok("get_music_recommendations", "{\"username\":\"" + USER + "\",\"limit\":5}");
        JsonNode structured = result.get("structuredContent");
        JsonNode recommendations = structured.get("recommendations");
        assertThat(names(recommendations, "name"))
                .containsExactly("Tricky", "Goldfrapp", "Jon Hopkins", "Autechre", "múm");
        // Tricky: Portishead 150/1130 x 0.95 + Massive Attack 120/1130 x 0.9
        assertThat(recommendations.get(0).get("score").asDouble()).isEqualTo(0.2217);
        assertThat(recommendations.get(0).get("reason").asText()).isEqualTo("Similar to Portishead (95% match) and "
                + "Massive Attack (90% match), which you played 150 and 120 times in the last 6 months.");
        assertThat(recommendations.get(0).at("/startWith/name").asText()).isEqualTo("Hell Is Round the Corner");
        assertThat(recommendations.get(0).at("/because/0/plays").asLong()).isEqualTo(150);

        List<String> known = new ArrayList<>(ALL_TIME.stream().map(InsightData.Plays::name).toList());
        assertThat(names(recommendations, "name")).doesNotContainAnyElementsOf(known);
        assertThat(structured.get("candidates").asInt()).isEqualTo(21);
        assertThat(structured.get("seedPeriod").asText()).isEqualTo("6month");
        assertThat(structured.at("/seeds/0/weight").asDouble()).isCloseTo(300.0 / 1130, within(1e-9));
        assertThat(structured.get("libraryChecked").asInt()).isEqualTo(30);

        assertThat(text(result)).startsWith("## Music recommendations for nova_listens")
                .contains("1. **Tricky** — Similar to Portishead (95% match) and Massive Attack (90% match), which "
                          + "you played 150 and 120 times in the last 6 months. Start with \"Hell Is Round the "
                          + "Corner\". (score 22%)")
                .contains("Seeds: nova_listens's 10 most played artists of the last 6 months")
                .contains("get_artist_top_tracks(artist=\"Tricky\", limit=5)");

        // bound: 2 list requests + 10 similar-artist lists + 5 top tracks; the stated bound holds
        assertThat(upstreamRequests()).isEqualTo(17);
        assertThat(structured.get("lastfmRequests").asInt()).isEqualTo(17);
        assertThat(structured.get("lastfmRequestBound").asInt()).isEqualTo(17);

        JsonNode again = ok("get_music_recommendations", "{\"username\":\"" + USER + "\",\"limit\":5}");
        assertThat(upstreamRequests()).as("a repeat is answered from the cache").isEqualTo(17);
        assertThat(again.get("structuredContent")).isEqualTo(structured);
    }

    @Test
    void aGenreKeepsOnlyCandidatesTaggedWithIt() {
        recommendationScenario();
        lastfm("artist.getTopTags", "{\"toptags\":{\"tag\":[{\"count\":100,\"name\":\"electronic\","
                                    + "\"url\":\"https://www.last.fm/tag/electronic\"}],\"@attr\":{\"artist\":\"x\"}}}");
        Map<String, Map<String, Integer>> tags = ordered(
                "Tricky", ordered("trip-hop", 100, "electronic", 60, "seen live", 30),
                "Goldfrapp", ordered("electronic", 100, "female vocalists", 80, "synthpop", 60, "Trip Hop", 40),
                "Lamb", ordered("Trip-Hop", 100, "electronic", 50, "drum and bass", 30),
                "Morcheeba", ordered("trip hop", 100, "chillout", 80, "downtempo", 50),
                "Zero 7", ordered("chillout", 100, "downtempo", 80, "trip-hop", 50),
                "Jon Hopkins", ordered("electronic", 100, "ambient", 80),
                "Autechre", ordered("idm", 100, "electronic", 90, "experimental", 60));
        tags.forEach((artist, list) -> lastfm("artist.getTopTags", InsightData.artistTags(artist, list),
                "artist", artist));
        JsonNode result = ok("get_music_recommendations",
                "{\"username\":\"" + USER + "\",\"limit\":\"3\",\"genre\":\"Trip Hop\"}");
        JsonNode structured = result.get("structuredContent");
        assertThat(names(structured.get("recommendations"), "name")).containsExactly("Tricky", "Goldfrapp", "Lamb");
        assertThat(structured.at("/recommendations/1/genreTags").toString()).isEqualTo("[\"Trip Hop\"]");
        assertThat(structured.get("genre").asText()).isEqualTo("Trip Hop");
        assertThat(structured.get("genreChecked").asInt()).isEqualTo(21);
        assertThat(text(result)).contains("(genre: Trip Hop)").contains("Tagged: trip-hop.");
        // 2 + 10 similar + 21 tag checks + 3 top tracks, within 2 + 10 + 50 + 3
        assertThat(upstreamRequests()).isEqualTo(36);
        assertThat(structured.get("lastfmRequests").asInt()).isEqualTo(36);
        assertThat(structured.get("lastfmRequestBound").asInt()).isEqualTo(65);
    }

    @Test
    void aGenreThatCouldNotBeCheckedIsNeverClaimedAbsent() {
        recommendationScenario();
        lastfm(404, "artist.getTopTags", "artist.getInfo__unknown-artist-error6.json");
        JsonNode none = ok("get_music_recommendations",
                "{\"username\":\"" + USER + "\",\"limit\":3,\"genre\":\"electronic\"}");
        assertThat(none.at("/structuredContent/recommendations")).isEmpty();
        assertThat(none.at("/structuredContent/genreChecked").asInt()).isZero();
        assertThat(none.at("/structuredContent/genreUnchecked").asInt()).isEqualTo(21);
        assertThat(text(none)).doesNotContain("None of the best")
                .doesNotContain("checked for the tag")
                .contains("Could not check the tag \"electronic\" for any of the best 21 candidates: Last.fm did not "
                          + "give their tags, so none is recommended and none is ruled out.");

        // some tags read: the readable ones are checked, the others are said to be unchecked, not untagged
        forgetAnswers();
        lastfm("artist.getTopTags", InsightData.artistTags("Tricky", ordered("trip-hop", 100, "electronic", 60)),
                "artist", "Tricky");
        lastfm("artist.getTopTags", InsightData.artistTags("Goldfrapp", ordered("synthpop", 100)),
                "artist", "Goldfrapp");
        JsonNode some = ok("get_music_recommendations",
                "{\"username\":\"" + USER + "\",\"limit\":3,\"genre\":\"electronic\"}");
        assertThat(names(some.at("/structuredContent/recommendations"), "name")).containsExactly("Tricky");
        assertThat(some.at("/structuredContent/genreChecked").asInt()).isEqualTo(2);
        assertThat(some.at("/structuredContent/genreUnchecked").asInt()).isEqualTo(19);
        assertThat(text(some)).contains("Could not check the tag \"electronic\" for 19 of the best 21 candidates "
                                        + "(Last.fm did not give their tags): they are left out, not ruled out.")
                .contains("the best 21 looked up for the tag \"electronic\", 2 of them read");

        // none of the readable ones has the genre: said of those only
        forgetAnswers();
        lastfm("artist.getTopTags", InsightData.artistTags("Tricky", ordered("trip-hop", 100)), "artist", "Tricky");
        JsonNode untagged = ok("get_music_recommendations",
                "{\"username\":\"" + USER + "\",\"limit\":4,\"genre\":\"electronic\"}");
        assertThat(untagged.at("/structuredContent/recommendations")).isEmpty();
        assertThat(text(untagged)).doesNotContain("None of the best 21")
                .contains("Neither of the 2 candidates whose tags could be read is tagged \"electronic\"; the tags "
                          + "of the other 19 of the best 21 could not be read.");
    }

    @Test
    void aSeedWhoseSimilarArtistsFailIsSkippedNotFatal() {
        recommendationScenario();
        lastfm(404, "artist.getSimilar", "artist.getSimilar__unknown-artist-error6.json", "artist", "Sigur Rós");
        JsonNode result = ok("get_music_recommendations", "{\"username\":\"" + USER + "\",\"limit\":50}");
        JsonNode structured = result.get("structuredContent");
        List<String> names = names(structured.get("recommendations"), "name");
        assertThat(names).hasSize(18).doesNotContain("Jónsi", "Hammock", "Explosions in the Sky").contains("múm");
        assertThat(structured.get("skipped").toString()).contains("The similar artists of Sigur Rós could not be "
                                                                  + "read")
                .contains("No track to start with for Broadcast, Grouper, Lush");
        // a pick without a track still counts; the 7 with one name it
        assertThat(structured.findValues("startWith")).hasSize(7);
        assertThat(structured.get("limit").asInt()).isEqualTo(50);
        assertThat(text(result)).contains("_Skipped: The similar artists of Sigur Rós could not be read");
    }

    @Test
    void recommendationsForAnUnknownUserAreAnError() {
        lastfm(404, "user.getTopArtists", "user.getInfo__unknown-user-error6.json");
        JsonNode result = error("get_music_recommendations", "{\"username\":\"nobody_here_42\"}");
        assertThat(text(result)).startsWith("User not found: nobody_here_42.");
        JsonNode limit = error("get_music_recommendations", "{\"username\":\"x\",\"limit\":51}");
        assertThat(text(limit)).contains("limit");
    }

    // ================================================================ compare_users

    private void compareScenario(String period) {
        lastfm("user.getTopArtists", InsightData.topArtists("alice", List.of(plays("Radiohead", 1200),
                        plays("Portishead", 800), plays("Björk", 500), plays("Tame Impala", 300), plays("Mogwai", 100)),
                5, 1000), "user", "alice", "period", period, "limit", "1000");
        lastfm("user.getTopArtists", InsightData.topArtists("bob", List.of(plays("Björk", 900), plays("Burial", 700),
                        plays("Four Tet", 400), plays("radiohead", 150), plays("Portishead", 20)), 5, 1000),
                "user", "bob", "period", period, "limit", "1000");
    }

    @Test
    void compareUsersScoresTheOverlapOfTheirPlayVectors() {
        compareScenario("3month");
        JsonNode result = ok("compare_users", "{\"user1\":\"alice\",\"user2\":\"bob\",\"period\":\"3month\"}");
        JsonNode structured = result.get("structuredContent");
        // cosine over the union, plays as ln(1 + plays)
        double[] alice = {l(1200), l(800), l(500), l(300), l(100), 0, 0};
        double[] bob = {l(150), l(20), l(900), 0, 0, l(700), l(400)};
        double dot = 0;
        double a = 0;
        double b = 0;
        for (int i = 0; i < alice.length; i++) {
            dot += alice[i] * bob[i];
            a += alice[i] * alice[i];
            b += bob[i] * bob[i];
        }
        double expected = dot / Math.sqrt(a) / Math.sqrt(b);
        assertThat(structured.get("score").asDouble()).isCloseTo(expected, within(0.0001));
        assertThat(structured.get("scorePercent").asInt()).isEqualTo(57);
        assertThat(structured.get("label").asText()).isEqualTo("high");
        assertThat(structured.get("sharedCount").asInt()).isEqualTo(3);
        assertThat(names(structured.get("shared"), "name")).containsExactly("Björk", "Radiohead", "Portishead");
        assertThat(structured.at("/shared/1/user1Plays").asLong()).isEqualTo(1200);
        assertThat(structured.at("/shared/1/user2Plays").asLong()).isEqualTo(150);
        assertThat(names(structured.get("onlyUser1"), "name")).containsExactly("Tame Impala", "Mogwai");
        assertThat(names(structured.get("onlyUser2"), "name")).containsExactly("Burial", "Four Tet");
        assertThat(structured.at("/artistsCompared/union").asInt()).isEqualTo(7);
        assertThat(structured.get("method").asText()).contains("cosine similarity").contains("ln(1 + plays)");
        assertThat(text(result)).startsWith("## Taste compatibility: alice and bob, the last 3 months")
                .contains("**57% — high.** 3 of the 7 artists in their top lists are shared.")
                .contains("1. **Björk** — alice 500 plays · bob 900 plays")
                .contains("### Only alice (2, not in bob's list)")
                .contains("compare_users(user1=\"alice\", user2=\"bob\", period=\"overall\")");
        assertThat(upstreamRequests()).isEqualTo(2);
    }

    private static double l(long plays) {
        return Math.log1p(plays);
    }

    @Test
    void aUserComparedWithThemselvesIsAPerfectMatch() {
        compareScenario("overall");
        JsonNode same = ok("compare_users", "{\"user1\":\"alice\",\"user2\":\"alice\"}");
        JsonNode structured = same.get("structuredContent");
        assertThat(structured.get("scorePercent").asInt()).isEqualTo(100);
        assertThat(structured.get("label").asText()).isEqualTo("super");
        assertThat(structured.get("onlyUser1")).isEmpty();
        assertThat(upstreamRequests()).isEqualTo(1);
        assertThat(structured.get("sameUser").asBoolean()).isTrue();
        assertThat(text(same)).contains("**100% — super.** alice was compared with themselves: the same list on both "
                                        + "sides always scores 100%, so this says nothing about anyone's taste. "
                                        + "Compare alice with another user.")
                .doesNotContain("compare_users(user1=\"alice\", user2=\"alice\"");
    }

    @Test
    void aScoreFromAFewScrobblesComesWithASmallSampleCaveat() {
        compareScenario("7day");
        lastfm("user.getTopArtists", InsightData.topArtists("tiny", List.of(plays("Radiohead", 2),
                plays("Björk", 1)), 2, 1000), "user", "tiny", "period", "7day", "limit", "1000");
        JsonNode result = ok("compare_users", "{\"user1\":\"alice\",\"user2\":\"tiny\",\"period\":\"7day\"}");
        JsonNode structured = result.get("structuredContent");
        assertThat(structured.get("sameUser").asBoolean()).isFalse();
        assertThat(structured.get("smallSample").asBoolean()).isTrue();
        String caveat = "Small sample: tiny has only 3 scrobbles of 2 artists in the last 7 days, so this score says "
                        + "little about their taste. A longer period may say more.";
        assertThat(structured.get("caveats").toString()).contains(caveat);
        assertThat(text(result)).contains("(small sample)").contains("_" + caveat + "_")
                .contains("compare_users(user1=\"alice\", user2=\"tiny\", period=\"overall\")");

        // enough listening on both sides: no caveat
        JsonNode plenty = ok("compare_users", "{\"user1\":\"alice\",\"user2\":\"bob\",\"period\":\"7day\"}");
        assertThat(plenty.at("/structuredContent/smallSample").asBoolean()).isFalse();
        assertThat(plenty.at("/structuredContent/caveats")).isEmpty();
        assertThat(text(plenty)).doesNotContain("small sample").doesNotContain("Small sample");
    }

    @Test
    void comparingWithAnUnknownOrEmptyUser() {
        compareScenario("overall");
        lastfm(404, "user.getTopArtists", "user.getInfo__unknown-user-error6.json", "user", "nobody_here_42");
        JsonNode unknown = error("compare_users", "{\"user1\":\"alice\",\"user2\":\"nobody_here_42\"}");
        assertThat(text(unknown)).startsWith("User not found: nobody_here_42.");

        lastfm("user.getTopArtists", InsightData.topArtists("newbie", List.of(), 0, 1000), "user", "newbie");
        JsonNode empty = ok("compare_users", "{\"user1\":\"alice\",\"user2\":\"newbie\"}");
        assertThat(empty.at("/structuredContent/scorePercent").asInt()).isZero();
        assertThat(empty.at("/structuredContent/label").asText()).isEqualTo("very low");
        assertThat(text(empty)).contains("newbie has no scrobbles yet, so there is nothing to compare.");
    }
}
