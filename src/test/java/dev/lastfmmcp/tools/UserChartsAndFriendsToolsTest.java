package dev.lastfmmcp.tools;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.ToolTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * get_weekly_chart_list, get_weekly_artist/track/album_chart and get_user_friends on recorded fixtures (hand-written
 * bodies where none was recorded, mirroring the documented shapes).
 */
@CamelMainTest(configurationClasses = AppConfiguration.class, properties = {"camel.server.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserChartsAndFriendsToolsTest extends ToolTestSupport {

    // ---------------------------------------------------------------- weekly charts

    @Test
    void theWeeksNewestFirstReadableAndRaw() {
        lastfm("user.getWeeklyChartList", "user.getWeeklyChartList__aidan-.json", "user", "aidan-");
        JsonNode result = ok("get_weekly_chart_list", "{\"username\":\"aidan-\"}");

        assertThat(text(result)).startsWith("## Weekly charts of aidan-\n\n818 weeks of charts, from 13–20 Feb 2005 "
                                            + "to 11–18 Oct 2020 (UTC), newest first. The 10 newest:\n\n"
                                            + "1. 11–18 Oct 2020 — from=1602417600, to=1603022400\n"
                                            + "2. 4–11 Oct 2020 — from=1601812800, to=1602417600\n")
                .contains("All 818 weeks, with their from/to, are in the structured content (weeks).")
                .contains("get_weekly_artist_chart(username=\"aidan-\", from=1602417600, to=1603022400)")
                .contains("get_weekly_album_chart(username=\"aidan-\", from=1602417600, to=1603022400)");
        assertThat(text(result).lines().filter(line -> line.matches("\\d+\\. .*from=.*"))).hasSize(10);
        JsonNode structured = result.get("structuredContent");
        assertThat(structured.get("count").asInt()).isEqualTo(818);
        assertThat(structured.get("weeks")).hasSize(818);
        assertThat(structured.at("/weeks/0/from").asLong()).isEqualTo(1602417600L);
        assertThat(structured.at("/weeks/0/to").asLong()).isEqualTo(1603022400L);
        assertThat(structured.at("/weeks/0/label").asText()).isEqualTo("11–18 Oct 2020");
        assertThat(structured.at("/weeks/817/from").asLong()).isEqualTo(1108296000L);
    }

    @Test
    void noWeeksYetAndASingleWeekObject() {
        lastfm("user.getWeeklyChartList", "{\"weeklychartlist\":{\"chart\":[],\"@attr\":{\"user\":\"newbie\"}}}");
        JsonNode none = ok("get_weekly_chart_list", "{\"username\":\"newbie\"}");
        assertThat(text(none)).contains("newbie has no weekly charts yet");
        assertThat(none.at("/structuredContent/count").asInt()).isZero();

        lastfm("user.getWeeklyChartList", "{\"weeklychartlist\":{\"chart\":{\"#text\":\"\",\"from\":\"1602417600\","
                                          + "\"to\":\"1603022400\"},\"@attr\":{\"user\":\"once\"}}}");
        JsonNode one = ok("get_weekly_chart_list", "{\"username\":\"once\"}");
        assertThat(text(one)).contains("1 week of charts, from 11–18 Oct 2020 to 11–18 Oct 2020 (UTC), newest first. "
                                       + "All of them:");
        assertThat(one.at("/structuredContent/weeks")).hasSize(1);
    }

    /** aidan-'s chart weeks, newest first, aligned with the weekly chart fixtures (12–19 Oct 2020). */
    private static String weeks(long... froms) {
        StringBuilder charts = new StringBuilder();
        for (long from : froms) {
            charts.append(charts.isEmpty() ? "" : ",").append("{\"#text\":\"\",\"from\":\"").append(from)
                    .append("\",\"to\":\"").append(from + 7 * 24 * 3600).append("\"}");
        }
        return "{\"weeklychartlist\":{\"chart\":[" + charts + "],\"@attr\":{\"user\":\"aidan-\"}}}";
    }

    @Test
    void theOldestWeekSuggestsNoWeekBeforeIt() {
        lastfm("user.getWeeklyArtistChart", "user.getWeeklyArtistChart__aidan-_limit2.json", "user", "aidan-");
        lastfm("user.getWeeklyChartList", weeks(1602504000L), "user", "aidan-");
        JsonNode oldest = ok("get_weekly_artist_chart", "{\"username\":\"aidan-\"}");
        assertThat(text(oldest)).contains("This is the oldest week of aidan-'s weekly charts: there is none before it.")
                .doesNotContain("from=1601899200")
                .contains("get_weekly_track_chart(username=\"aidan-\", from=1602504000, to=1603108800)");

        // the week list cannot be read: no guessed week before either
        dev.lastfmmcp.lastfm.LastfmCaches caches = context.getRegistry().lookupByNameAndType("lastfmCaches",
                dev.lastfmmcp.lastfm.LastfmCaches.class);
        caches.answers().invalidateAll();
        caches.stale().invalidateAll();
        lastfm(404, "user.getWeeklyChartList", "error__6-user-not-found.json");
        lastfm("user.getWeeklyTrackChart", "user.getWeeklyTrackChart__aidan-_limit2.json");
        JsonNode unknown = ok("get_weekly_track_chart", "{\"username\":\"aidan-\",\"from\":1602504000,"
                                                        + "\"to\":1603108800}");
        assertThat(text(unknown)).doesNotContain("to=1602504000)").doesNotContain("oldest week")
                .contains("get_weekly_chart_list(username=\"aidan-\")");
    }

    @Test
    void theLatestWeeklyArtistChartWhenNoWeekIsGiven() {
        lastfm("user.getWeeklyArtistChart", "user.getWeeklyArtistChart__aidan-_limit2.json", "user", "aidan-");
        lastfm("user.getWeeklyChartList", weeks(1602504000L, 1601899200L, 1601294400L), "user", "aidan-");
        JsonNode result = ok("get_weekly_artist_chart", "{\"username\":\"aidan-\"}");

        LASTFM.verify(getRequestedFor(urlPathEqualTo("/2.0/")).withQueryParam("from", absent())
                .withQueryParam("to", absent()));
        assertThat(text(result)).startsWith("## aidan-'s top artists, week of 12–19 Oct 2020\n\n_The latest week. "
                                            + "UTC; from=1602504000, to=1603108800._\n\n"
                                            + "1. **System of a Down** — 572 plays\n2. **The Pogues** — 165 plays")
                // the week before, the other charts of this week
                .contains("get_weekly_artist_chart(username=\"aidan-\", from=1601899200, to=1602504000)")
                .contains("get_weekly_track_chart(username=\"aidan-\", from=1602504000, to=1603108800)")
                .contains("get_artist_info(artist=\"System of a Down\", username=\"aidan-\")");
        JsonNode structured = result.get("structuredContent");
        assertThat(structured.get("latest").asBoolean()).isTrue();
        assertThat(structured.at("/week/from").asLong()).isEqualTo(1602504000L);
        assertThat(structured.at("/week/to").asLong()).isEqualTo(1603108800L);
        assertThat(structured.at("/week/start").asText()).isEqualTo("2020-10-12T12:00:00Z");
        assertThat(structured.at("/week/label").asText()).isEqualTo("12–19 Oct 2020");
        assertThat(structured.at("/artists/0/playcount").asLong()).isEqualTo(572L);
    }

    @Test
    void aGivenWeekIsSentAndUnicodeNamesAreKept() {
        lastfm("user.getWeeklyArtistChart", "user.getWeeklyArtistChart__jklinge.json", "from", "1545566400",
                "to", "1546171200");
        JsonNode result = ok("get_weekly_artist_chart", "{\"username\":\"jklinge\",\"from\":\"1545566400\","
                                                        + "\"to\":1546171200}");
        assertThat(text(result)).contains("## jklinge's top artists, week of 23–30 Dec 2018")
                .contains("_UTC; from=1545566400, to=1546171200._").doesNotContain("latest week")
                .contains("**Michael Bublé** — ");
        assertThat(result.at("/structuredContent/latest").asBoolean()).isFalse();
    }

    @Test
    void fromAndToComeTogetherInOrder() {
        assertThat(text(error("get_weekly_artist_chart", "{\"username\":\"aidan-\",\"from\":1602504000}")))
                .isEqualTo("Give both from and to (Unix seconds, e.g. a week from get_weekly_chart_list), or "
                           + "neither for the latest week; only from was given.");
        assertThat(text(error("get_weekly_track_chart", "{\"username\":\"aidan-\",\"to\":1602504000}")))
                .endsWith("only to was given.");
        assertThat(text(error("get_weekly_album_chart", "{\"username\":\"aidan-\",\"from\":1603108800,"
                                                        + "\"to\":1602504000}")))
                .isEqualTo("from (1603108800) must be before to (1602504000): swap them and call again.");
        assertThat(text(error("get_weekly_album_chart", "{\"username\":\"aidan-\",\"from\":-5,\"to\":10}")))
                .contains("from");
        assertThat(LASTFM.getAllServeEvents()).isEmpty();
    }

    @Test
    void weeklyTrackAndAlbumCharts() {
        lastfm("user.getWeeklyChartList", weeks(1602504000L, 1601899200L), "user", "aidan-");
        lastfm("user.getWeeklyTrackChart", "user.getWeeklyTrackChart__aidan-_limit2.json");
        JsonNode tracks = ok("get_weekly_track_chart", "{\"username\":\"aidan-\",\"from\":1602504000,"
                                                       + "\"to\":1603108800}");
        assertThat(text(tracks)).contains("## aidan-'s top tracks, week of 12–19 Oct 2020")
                .contains("1. **Kill Rock 'n Roll** by System of a Down — 176 plays")
                .contains("get_weekly_track_chart(username=\"aidan-\", from=1601899200, to=1602504000)");
        assertThat(tracks.at("/structuredContent/tracks/0/artist/name").asText()).isEqualTo("System of a Down");

        lastfm("user.getWeeklyAlbumChart", "user.getWeeklyAlbumChart__aidan-_limit2.json");
        JsonNode albums = ok("get_weekly_album_chart", "{\"username\":\"aidan-\"}");
        assertThat(text(albums)).contains("## aidan-'s top albums, week of 12–19 Oct 2020")
                .contains("2. **Hell's Ditch (Expanded Edition)** by The Pogues — 114 plays");
        assertThat(albums.at("/structuredContent/albums/1/mbid").isMissingNode()).isTrue();
    }

    @Test
    void anEmptyWeek() {
        lastfm("user.getWeeklyAlbumChart", "user.getWeeklyAlbumChart__RJ-empty.json");
        JsonNode result = ok("get_weekly_album_chart", "{\"username\":\"RJ\",\"from\":1545566200,"
                                                       + "\"to\":1545566400}");
        assertThat(text(result)).contains("RJ scrobbled no albums that week.");
        assertThat(result.at("/structuredContent/albums")).isEmpty();
        assertThat(result.at("/structuredContent/week/label").asText()).isEqualTo("23 Dec 2018");
    }

    @Test
    void unknownUserOnTheChartTools() {
        lastfm(404, "user.getWeeklyChartList", "error__6-user-not-found.json");
        assertThat(text(error("get_weekly_chart_list", "{\"username\":\"ghost-user\"}")))
                .startsWith("User not found: ghost-user.");
    }

    // ---------------------------------------------------------------- get_user_friends

    private static final String FRIENDS = "{\"friends\":{\"user\":["
            + "{\"name\":\"eartle\",\"realname\":\"Michael\",\"country\":\"United Kingdom\","
            + "\"url\":\"https://www.last.fm/user/eartle\",\"registered\":{\"unixtime\":\"1100000000\"},"
            + "\"recenttrack\":{\"name\":\"Teardrop\",\"artist\":{\"name\":\"Massive Attack\"},"
            + "\"album\":{\"name\":\"Mezzanine\"},\"@attr\":{\"uts\":\"1603186000\"}}},"
            + "{\"name\":\"frikandel_\",\"url\":\"https://www.last.fm/user/frikandel_\"},"
            + "{\"name\":\"hidden_one\"}],"
            + "\"@attr\":{\"user\":\"RJ\",\"page\":\"1\",\"perPage\":\"3\",\"totalPages\":\"19\",\"total\":\"57\"}}}";

    @Test
    void friendsWithWhatTheyPlayAndOnlyTheMissingLatestTracksLookedUp() {
        lastfm("user.getFriends", FRIENDS, "user", "RJ", "recenttracks", "1", "limit", "3");
        lastfm("user.getRecentTracks", "user.getRecentTracks__frikandel_-limit1-extended-nowplaying.json",
                "user", "frikandel_", "limit", "1");
        lastfm(403, "user.getRecentTracks", "user.getRecentTracks__private-history-error17.json",
                "user", "hidden_one");
        JsonNode result = ok("get_user_friends", "{\"username\":\"RJ\",\"limit\":3}");

        assertThat(text(result)).startsWith("## Friends of RJ (3 of 57)\n\n1. **eartle** (Michael) · United Kingdom "
                                            + "— last played **Teardrop** by Massive Attack · Tue 20 Oct 2020, "
                                            + "09:26 (")
                .contains("\n2. **frikandel\\_** — ▶ now playing **Apocalypse Dreams** by Tame Impala\n"
                          + "3. **hidden_one** — listening history hidden\n")
                .contains("_Latest tracks: 1 came with user.getFriends; 2 looked up with user.getRecentTracks, one "
                          + "call per friend (at most limit = 3). Times in UTC._")
                .contains("get_recent_tracks(username=\"eartle\", limit=10)")
                .contains("get_user_friends(username=\"RJ\", limit=6)");
        List<String> lookedUp = LASTFM.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(request -> "user.getRecentTracks".equals(request.queryParameter("method").firstValue()))
                .map(request -> request.queryParameter("user").firstValue()).toList();
        assertThat(lookedUp).containsExactlyInAnyOrder("frikandel_", "hidden_one");

        JsonNode friends = result.at("/structuredContent/friends");
        assertThat(friends).hasSize(3);
        assertThat(friends.at("/0/name").asText()).isEqualTo("eartle");
        assertThat(friends.at("/0/recentTrack/playedAt").asText()).isEqualTo("2020-10-20T09:26:40Z");
        assertThat(friends.at("/0/recentTrackSource").asText()).isEqualTo("user.getFriends");
        assertThat(friends.at("/1/recentTrack/nowPlaying").asBoolean()).isTrue();
        assertThat(friends.at("/1/recentTrackSource").asText()).isEqualTo("user.getRecentTracks");
        assertThat(friends.at("/2/recentTrack").isMissingNode()).isTrue();
        assertThat(friends.at("/2/recentTrackNote").asText()).isEqualTo("listening history hidden");
        assertThat(result.at("/structuredContent/total").asInt()).isEqualTo(57);
        assertThat(result.at("/structuredContent/lookups").asInt()).isEqualTo(2);
        assertThat(result.at("/structuredContent/lookupBound").asInt()).isEqualTo(3);
    }

    @Test
    void theExtraCallsNeverExceedTheLimitEvenWhenLastfmSendsMoreFriends() {
        StringBuilder many = new StringBuilder("{\"friends\":{\"user\":[");
        for (int i = 1; i <= 8; i++) {
            many.append(i > 1 ? "," : "").append("{\"name\":\"friend").append(i).append("\"}");
        }
        many.append("],\"@attr\":{\"user\":\"popular\",\"page\":\"1\",\"perPage\":\"2\",\"totalPages\":\"4\","
                    + "\"total\":\"8\"}}}");
        lastfm("user.getFriends", many.toString());
        lastfm("user.getRecentTracks", "user.getRecentTracks__RJ-limit1-single-object.json");
        JsonNode result = ok("get_user_friends", "{\"username\":\"popular\",\"limit\":\"2\"}");

        assertThat(result.at("/structuredContent/friends")).hasSize(2);
        long lookups = LASTFM.getAllServeEvents().stream()
                .filter(event -> "user.getRecentTracks".equals(event.getRequest().queryParameter("method")
                        .firstValue())).count();
        assertThat(lookups).isEqualTo(2);
        assertThat(text(result)).contains("1. **friend1** — last played **Super Freak (Part 1) - 1981 Single "
                                          + "Version** by Rick James · Sat 20 Dec 2014, 10:16 (");
        assertThat(text(error("get_user_friends", "{\"username\":\"popular\",\"limit\":51}"))).contains("50");
    }

    @Test
    void anOutageStopsTheLookupsButNotTheAnswer() {
        lastfm("user.getFriends", "{\"friends\":{\"user\":[{\"name\":\"a1\"},{\"name\":\"a2\"},{\"name\":\"a3\"}],"
                                  + "\"@attr\":{\"user\":\"unlucky\",\"page\":\"1\",\"perPage\":\"3\","
                                  + "\"totalPages\":\"1\",\"total\":\"3\"}}}");
        lastfm(503, "user.getRecentTracks", "error__11-service-offline.json");
        JsonNode result = ok("get_user_friends", "{\"username\":\"unlucky\",\"limit\":3}");

        assertThat(text(result)).contains("1. **a1** — latest track unavailable: Last.fm is unavailable right now")
                .contains("2. **a2** — latest track not looked up: Last.fm was failing")
                .contains("3. **a3** — latest track not looked up: Last.fm was failing");
        long friendsLookedUp = LASTFM.getAllServeEvents().stream()
                .filter(event -> "user.getRecentTracks".equals(event.getRequest().queryParameter("method")
                        .firstValue()))
                .map(event -> event.getRequest().queryParameter("user").firstValue()).distinct().count();
        assertThat(friendsLookedUp).isEqualTo(1);
    }

    @Test
    void noFriendsAndUnknownUsers() {
        lastfm(400, "user.getFriends", "user.getFriends__letmeridee-no-friends-error6.json", "user", "letmeridee");
        JsonNode none = ok("get_user_friends", "{\"username\":\"letmeridee\"}");
        assertThat(text(none)).contains("## Friends of letmeridee\n\nletmeridee has no friends on Last.fm yet.");
        assertThat(none.at("/structuredContent/friends")).isEmpty();
        assertThat(none.at("/structuredContent/lookups").asInt()).isZero();
        LASTFM.verify(getRequestedFor(urlPathEqualTo("/2.0/")).withQueryParam("recenttracks", equalTo("1"))
                .withQueryParam("limit", equalTo("10")));

        lastfm(404, "user.getFriends", "error__6-user-not-found.json", "user", "ghost-user");
        assertThat(text(error("get_user_friends", "{\"username\":\"ghost-user\"}")))
                .startsWith("User not found: ghost-user.");
    }
}
