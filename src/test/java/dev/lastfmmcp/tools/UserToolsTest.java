package dev.lastfmmcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.lastfm.LastfmCaches;
import dev.lastfmmcp.upstream.Pacer;
import dev.lastfmmcp.support.Fixtures;
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
 * get_recent_tracks, get_loved_tracks, get_top_artists/albums/tracks, get_user_info and get_user_top_tags on recorded
 * fixtures (hand-written bodies where none was recorded, mirroring the documented shapes).
 */
@CamelMainTest(configurationClasses = AppConfiguration.class, properties = {"camel.server.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserToolsTest extends ToolTestSupport {

    // ---------------------------------------------------------------- get_recent_tracks

    @Test
    void recentTracksPutTheNowPlayingTrackFirstAndShowTimesInTheTimezone() {
        lastfm("user.getRecentTracks", "user.getRecentTracks__frikandel_-limit1-extended-nowplaying.json",
                "user", "frikandel_", "limit", "1", "extended", "1", "page", "1");
        JsonNode result = ok("get_recent_tracks",
                "{\"username\":\"frikandel_\",\"limit\":\"1\",\"timezone\":\"Europe/Amsterdam\"}");

        assertThat(text(result)).startsWith("## Recent tracks of frikandel\\_\n\n_Times in Europe/Amsterdam._\n\n"
                                            + "▶ now playing: **Apocalypse Dreams** by Tame Impala — _Lonerism_\n\n"
                                            + "1. **Endors Toi** by Tame Impala — _Lonerism_ · Tue 20 Oct 2020, "
                                            + "11:40\n\nPage 1 of 94,613 · 94,613 scrobbles in all.")
                .contains("get_recent_tracks(username=\"frikandel_\", limit=1, page=2, "
                          + "timezone=\"Europe/Amsterdam\")")
                .contains("get_track_info(artist=\"Tame Impala\", track=\"Apocalypse Dreams\")");
        JsonNode structured = result.get("structuredContent");
        assertThat(structured.get("user").asText()).isEqualTo("frikandel_");
        assertThat(structured.get("timezone").asText()).isEqualTo("Europe/Amsterdam");
        assertThat(structured.has("range")).isFalse();
        assertThat(structured.at("/tracks/0/nowPlaying").asBoolean()).isTrue();
        assertThat(structured.at("/tracks/0/playedAt").isMissingNode()).isTrue();
        assertThat(structured.at("/tracks/1/playedAt").asText()).isEqualTo("2020-10-20T09:40:24Z");
        assertThat(structured.at("/tracks/1/loved").asBoolean(true)).isFalse();
        assertThat(structured.at("/page/total").asLong()).isEqualTo(94613);
        assertThat(structured.at("/page/total").isIntegralNumber()).isTrue();
    }

    @Test
    void aLocalDayIsSentAsItsUtcRangeAndEchoed() {
        lastfm("user.getRecentTracks", "user.getRecentTracks__frikandel_-limit1-extended-nowplaying.json",
                "from", "1603144800", "to", "1603231199");
        JsonNode result = ok("get_recent_tracks", "{\"username\":\"frikandel_\",\"date\":\"2020-10-20\","
                                                  + "\"timezone\":\"Europe/Amsterdam\"}");

        LASTFM.verify(getRequestedFor(urlPathEqualTo("/2.0/")).withQueryParam("from", equalTo("1603144800"))
                .withQueryParam("to", equalTo("1603231199")).withQueryParam("user", equalTo("frikandel_")));
        assertThat(text(result)).contains("_Range: Tue 20 Oct 2020 in Europe/Amsterdam "
                                          + "(2020-10-19T22:00:00Z – 2020-10-20T21:59:59Z)._")
                // the day is over: whatever plays now is not part of it
                .doesNotContain("now playing")
                .contains("1. **Endors Toi** by Tame Impala — _Lonerism_ · Tue 20 Oct 2020, 11:40")
                .contains("94,613 scrobbles in this range.")
                .contains("date=\"2020-10-20\"");
        JsonNode range = result.at("/structuredContent/range");
        assertThat(range.get("date").asText()).isEqualTo("2020-10-20");
        assertThat(range.get("timezone").asText()).isEqualTo("Europe/Amsterdam");
        assertThat(range.get("from").asLong()).isEqualTo(1603144800L);
        assertThat(range.get("to").asLong()).isEqualTo(1603231199L);
        assertThat(range.get("start").asText()).isEqualTo("2020-10-19T22:00:00Z");
        assertThat(range.get("end").asText()).isEqualTo("2020-10-20T21:59:59Z");
        assertThat(range.get("startLocal").asText()).isEqualTo("2020-10-20T00:00:00+02:00");
        assertThat(result.at("/structuredContent/tracks")).hasSize(1);
    }

    @Test
    void fromAndToAreSentAsGivenAndEchoed() {
        lastfm("user.getRecentTracks", "user.getRecentTracks__RJ-limit1-single-object.json",
                "from", "1419000000", "to", "1419100000");
        JsonNode result = ok("get_recent_tracks", "{\"username\":\"rj\",\"from\":1419000000,\"to\":\"1419100000\"}");

        assertThat(text(result)).contains("## Recent tracks of RJ")
                .contains("_Range: Fri 19 Dec 2014, 14:40 – Sat 20 Dec 2014, 18:26 in UTC "
                          + "(2014-12-19T14:40:00Z – 2014-12-20T18:26:40Z)._")
                .contains("1. **Super Freak (Part 1) - 1981 Single Version** by Rick James — "
                          + "_The Definitive Collection_ · Sat 20 Dec 2014, 10:16");
        assertThat(result.at("/structuredContent/range/from").asLong()).isEqualTo(1419000000L);
        assertThat(result.at("/structuredContent/range/date").isMissingNode()).isTrue();
    }

    @Test
    void aDayWithoutScrobblesSaysSo() {
        lastfm("user.getRecentTracks", "{\"recenttracks\":{\"track\":[],\"@attr\":{\"user\":\"RJ\",\"page\":\"1\","
                                       + "\"perPage\":\"50\",\"totalPages\":\"0\",\"total\":\"0\"}}}");
        JsonNode result = ok("get_recent_tracks", "{\"username\":\"RJ\",\"date\":\"2021-01-01\"}");
        assertThat(text(result)).contains("_Range: Fri 1 Jan 2021 in UTC (2021-01-01T00:00:00Z – "
                                          + "2021-01-01T23:59:59Z)._")
                .contains("No scrobbles by RJ on that day.").doesNotContain("Page ");
        assertThat(result.at("/structuredContent/tracks")).isEmpty();
        assertThat(result.at("/structuredContent/range/from").asLong()).isEqualTo(1609459200L);
    }

    @Test
    void badRangesTimezonesAndLimitsAreErrorsThatNeverReachLastfm() {
        assertThat(text(error("get_recent_tracks", "{\"username\":\"rj\",\"date\":\"2026-11-21\",\"from\":1}")))
                .startsWith("Give either date or from/to, not both");
        assertThat(text(error("get_recent_tracks", "{\"username\":\"rj\",\"date\":\"2026-02-30\"}")))
                .isEqualTo("Invalid date \"2026-02-30\": give a calendar day as YYYY-MM-DD, e.g. \"2026-11-21\".");
        assertThat(text(error("get_recent_tracks", "{\"username\":\"rj\",\"date\":\"21 Nov\"}")))
                .contains("date").contains("pattern");
        assertThat(text(error("get_recent_tracks", "{\"username\":\"rj\",\"timezone\":\"Europe/Parris\"}")))
                .startsWith("Unknown timezone \"Europe/Parris\": use an IANA timezone name");
        assertThat(text(error("get_recent_tracks", "{\"username\":\"rj\",\"from\":20,\"to\":10}")))
                .startsWith("from (20, Thu 1 Jan 1970, 00:00) is after to (10, Thu 1 Jan 1970, 00:00)");
        assertThat(text(error("get_recent_tracks", "{\"username\":\"rj\",\"limit\":201}")))
                .contains("limit").contains("200");
        assertThat(text(error("get_recent_tracks", "{\"username\":\"rj\",\"page\":0}"))).contains("page");
        assertThat(text(error("get_recent_tracks", "{\"limit\":5}"))).contains("username");
        assertThat(LASTFM.getAllServeEvents()).isEmpty();
    }

    @Test
    void timestampsBeyondTheirRangeAreInvalidArgumentsThatNeverReachLastfmNorLogAStackTrace() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            for (String tool : java.util.List.of("get_recent_tracks", "get_weekly_artist_chart",
                    "get_weekly_track_chart", "get_weekly_album_chart")) {
                for (String[] bad : new String[][] {
                        {"from", "9223372036854775808", "\"to\":1419100000"},
                        {"to", "1e30", "\"from\":1419000000"},
                        {"from", "1e308", "\"to\":1419100000"},
                        {"to", "\"1e30\"", "\"from\":1419000000"},
                        {"from", "4102444801", "\"to\":4102444800"}}) {
                    String arguments = "{\"username\":\"rj\",\"" + bad[0] + "\":" + bad[1] + "," + bad[2] + "}";
                    assertThat(text(error(tool, arguments))).as("%s %s", tool, arguments)
                            .startsWith("Invalid arguments for " + tool + ": " + bad[0] + ": ")
                            .contains("4102444800")
                            .doesNotContain("failed unexpectedly");
                }
            }
        } finally {
            root.detachAppender(logged);
        }
        assertThat(LASTFM.getAllServeEvents()).isEmpty();
        assertThat(logged.list).as("log events with a stack trace")
                .noneMatch(event -> event.getThrowableProxy() != null);
    }

    @Test
    void aPagePastTheLastOneSaysSoWithThePageCount() {
        String attr = "\"@attr\":{\"user\":\"RJ\",\"page\":\"99\",\"perPage\":\"50\",\"totalPages\":\"16\","
                      + "\"total\":\"780\"}";
        lastfm("user.getRecentTracks", "{\"recenttracks\":{\"track\":[]," + attr + "}}");
        String recent = text(ok("get_recent_tracks", "{\"username\":\"RJ\",\"page\":99}"));
        assertThat(recent).contains("Page 99 is past the last page (16); 780 scrobbles in all.")
                .doesNotContain("No scrobbles on this page")
                .contains("get_recent_tracks(username=\"RJ\", limit=50, page=16)");

        lastfm("user.getLovedTracks", "{\"lovedtracks\":{\"track\":[]," + attr + "}}");
        String loved = text(ok("get_loved_tracks", "{\"username\":\"RJ\",\"page\":99}"));
        assertThat(loved).contains("Page 99 is past the last page (16); 780 loved tracks in all.")
                .contains("get_loved_tracks(username=\"RJ\", limit=50, page=16)");

        lastfm("user.getTopArtists", "{\"topartists\":{\"artist\":[]," + attr + "}}");
        String top = text(ok("get_top_artists", "{\"username\":\"RJ\",\"page\":99}"));
        assertThat(top).contains("Page 99 is past the last page (16); 780 artists in all time.")
                .contains("get_top_artists(username=\"RJ\", period=\"overall\", limit=50, page=16)");
    }

    @Test
    void aPrivateHistoryIsAnErrorThatSaysWhatStillWorks() {
        lastfm(403, "user.getRecentTracks", "user.getRecentTracks__private-history-error17.json");
        JsonNode result = error("get_recent_tracks", "{\"username\":\"hidden_one\"}");
        assertThat(text(result)).isEqualTo("This user's listening history is private (hidden_one): they have "
                                           + "hidden their recent listening on Last.fm, so it cannot be read. Their "
                                           + "profile and top lists may still be public: try get_top_artists("
                                           + "username=\"hidden_one\") or get_user_info(username=\"hidden_one\").");
    }

    @Test
    void unknownUsersAreNotFoundInEveryEraOfErrorBody() {
        lastfm(404, "user.getRecentTracks", "user.getRecentTracks__unknown-user-error6.json");
        assertThat(text(error("get_recent_tracks", "{\"username\":\"nobody-here-1\"}")))
                .isEqualTo("User not found: nobody-here-1. Check the Last.fm username (it is the name in "
                           + "https://www.last.fm/user/<name>).");
        lastfm("user.getTopArtists", "user.getTopArtists__unknown-user-legacy-error6.json");
        assertThat(text(error("get_top_artists", "{\"username\":\"nobody-here-2\"}")))
                .startsWith("User not found: nobody-here-2.");
        lastfm(404, "user.getLovedTracks", "user.getLovedTracks__unknown-user-error6.json");
        assertThat(text(error("get_loved_tracks", "{\"username\":\"nobody-here-3\"}")))
                .startsWith("User not found: nobody-here-3.");
        lastfm(404, "user.getInfo", "user.getInfo__unknown-user-error6.json");
        assertThat(text(error("get_user_info", "{\"username\":\"nobody-here-4\"}")))
                .startsWith("User not found: nobody-here-4.");
        lastfm("user.getTopTags", "user.getTopTags__unknown-user-error6.json");
        assertThat(text(error("get_user_top_tags", "{\"username\":\"nobody-here-5\"}")))
                .startsWith("User not found: nobody-here-5.");
    }

    @Test
    void legacyEmptyAndOneItemObjectShapes() {
        lastfm("user.getRecentTracks", "user.getRecentTracks__RT-empty-legacy.json");
        JsonNode empty = ok("get_recent_tracks", "{\"username\":\"RT\"}");
        assertThat(empty.at("/structuredContent/tracks")).isEmpty();
        assertThat(text(empty)).contains("RT has no scrobbles yet.").doesNotContain("Page ")
                .doesNotContain("get_track_info");

        lastfm("user.getRecentTracks", "user.getRecentTracks__extended-single-object-loved.json");
        JsonNode loved = ok("get_recent_tracks", "{\"username\":\"pl_fan\"}");
        assertThat(loved.at("/structuredContent/tracks")).hasSize(1);
        assertThat(loved.at("/structuredContent/tracks/0/loved").asBoolean()).isTrue();
        assertThat(text(loved)).contains("## Recent tracks of pl_fan")
                .contains("1. **Tak Dlugo Czekam (Cialo) (live)** by Republika — _Koncerty w Trojce - Republika_ · "
                          + "Wed 27 Jun 2018, 16:32 ♥");

        lastfm("user.getRecentTracks", "user.getRecentTracks__nowplaying-single-object-2021.json");
        JsonNode playing = ok("get_recent_tracks", "{\"username\":\"listener\",\"limit\":1}");
        assertThat(text(playing)).contains("▶ now playing: **China White III** by He Is Legend — _It Hates You_");
        assertThat(Fixtures.write(playing)).doesNotContain("#text").doesNotContain("@attr");
    }

    @Test
    void unicodeUsernamesAndNamesSurviveTheRoundTrip() {
        lastfm("user.getRecentTracks", "{\"recenttracks\":{\"@attr\":{\"user\":\"Łukasz_日本\",\"page\":\"1\","
                + "\"perPage\":\"50\",\"totalPages\":\"1\",\"total\":\"1\"},\"track\":[{\"name\":\"Jóga\",\"artist\":"
                + "{\"name\":\"Björk\",\"url\":\"https://www.last.fm/music/Bj%C3%B6rk\"},\"album\":{\"#text\":"
                + "\"Homogenic\"},\"date\":{\"uts\":\"1700000000\"},\"loved\":\"0\"}]}}", "user", "Łukasz_日本");
        JsonNode result = ok("get_recent_tracks", "{\"username\":\"Łukasz_日本\",\"timezone\":\"Asia/Tokyo\"}");
        assertThat(text(result)).contains("## Recent tracks of Łukasz_日本")
                .contains("1. **Jóga** by Björk — _Homogenic_ · Wed 15 Nov 2023, 07:13")
                .contains("get_artist_info(artist=\"Björk\", username=\"Łukasz_日本\")");
    }

    // ---------------------------------------------------------------- get_loved_tracks

    @Test
    void lovedTracksWithTheirLoveDates() {
        lastfm("user.getLovedTracks", "user.getLovedTracks__TyphoonsNotABot-limit1.json", "limit", "1", "page", "1");
        JsonNode result = ok("get_loved_tracks", "{\"username\":\"TyphoonsNotABot\",\"limit\":1}");
        assertThat(text(result)).startsWith("## Tracks TyphoonsNotABot loved\n\n1. **Davy Crochet** by The Backseat "
                                            + "Lovers — loved 19 Oct 2020\n\nPage 1 of 7,790 · 7,790 loved tracks "
                                            + "in all. Dates in UTC.")
                .contains("get_loved_tracks(username=\"TyphoonsNotABot\", limit=1, page=2)");
        assertThat(result.at("/structuredContent/tracks/0/lovedAt").asText()).isEqualTo("2020-10-19T13:04:24Z");
        assertThat(result.at("/structuredContent/page/totalPages").asInt()).isEqualTo(7790);
    }

    @Test
    void noLovedTracksAndALimitOutOfRange() {
        lastfm("user.getLovedTracks", "{\"lovedtracks\":{\"track\":[],\"@attr\":{\"user\":\"newbie\",\"page\":\"1\","
                                      + "\"perPage\":\"50\",\"totalPages\":\"0\",\"total\":\"0\"}}}");
        assertThat(text(ok("get_loved_tracks", "{\"username\":\"newbie\"}")))
                .contains("newbie has not loved any tracks yet.");
        assertThat(text(error("get_loved_tracks", "{\"username\":\"newbie\",\"limit\":1001}"))).contains("1000");
    }

    // ---------------------------------------------------------------- get_top_artists / albums / tracks

    @Test
    void topArtistsRankedWithPlayCountsForAPeriod() {
        lastfm("user.getTopArtists", "user.getTopArtists__aidan-_limit3.json", "user", "aidan-", "period", "7day",
                "limit", "3", "page", "1");
        JsonNode result = ok("get_top_artists", "{\"username\":\"aidan-\",\"period\":\"7day\",\"limit\":\"3\"}");
        assertThat(text(result)).startsWith("## aidan-'s top artists — last 7 days\n\n1. **Queen** — 1,511 plays\n"
                                            + "2. **Videoclub** — 1,124 plays\n3. **Alestorm** — 1,079 plays\n\n"
                                            + "Page 1 of 644 · 1,931 artists in the last 7 days.")
                .contains("get_top_artists(username=\"aidan-\", period=\"7day\", limit=3, page=2)")
                .contains("get_artist_info(artist=\"Queen\", username=\"aidan-\")");
        JsonNode structured = result.get("structuredContent");
        assertThat(structured.get("period").asText()).isEqualTo("7day");
        assertThat(structured.get("periodLabel").asText()).isEqualTo("last 7 days");
        assertThat(structured.at("/artists/0/playcount").asLong()).isEqualTo(1511L);
        assertThat(structured.at("/artists/2/rank").asInt()).isEqualTo(3);
        assertThat(structured.at("/page/total").asLong()).isEqualTo(1931L);
    }

    @Test
    void theLastPageAUserToolTakesSuggestsNoPageBeyondIt() {
        // Last.fm counts 2,000,000 pages; the user tools take pages up to 1,000,000 (their inputSchema).
        String body = Fixtures.lastfm("user.getTopArtists__aidan-_limit3.json")
                .replace("\"page\": \"1\"", "\"page\": \"1000000\"")
                .replace("\"totalPages\": \"644\"", "\"totalPages\": \"2000000\"");
        assertThat(body).contains("2000000").contains("\"1000000\"");
        lastfm("user.getTopArtists", body, "user", "aidan-", "page", "1000000");
        JsonNode result = ok("get_top_artists", "{\"username\":\"aidan-\",\"limit\":3,\"page\":1000000}");
        assertThat(text(result)).contains("**Queen**").doesNotContain("page=1000001");
    }

    @Test
    void topArtistsDefaultToAllTimeAndRejectUnknownPeriods() {
        lastfm("user.getTopArtists", "user.getTopArtists__Aurvandil-limit1-single-object.json", "period", "overall",
                "limit", "50");
        JsonNode result = ok("get_top_artists", "{\"username\":\"Aurvandil\"}");
        assertThat(text(result)).contains("## Aurvandil's top artists — all time").contains("1. **Anathema** — 5,216 plays");
        assertThat(result.at("/structuredContent/artists")).hasSize(1);

        assertThat(text(error("get_top_artists", "{\"username\":\"Aurvandil\",\"period\":\"week\"}")))
                .contains("period");
        assertThat(text(error("get_top_artists", "{\"username\":\"Aurvandil\",\"limit\":1001}"))).contains("1000");
    }

    @Test
    void laterPagesKeepTheirRealRanks() {
        lastfm("user.getTopArtists", "{\"topartists\":{\"artist\":[{\"name\":\"Low\",\"playcount\":\"40\"},"
                + "{\"name\":\"Codeine\",\"playcount\":\"1\"}],\"@attr\":{\"user\":\"slowcore\",\"page\":\"3\","
                + "\"perPage\":\"2\",\"totalPages\":\"3\",\"total\":\"6\"}}}", "page", "3");
        JsonNode result = ok("get_top_artists", "{\"username\":\"slowcore\",\"limit\":2,\"page\":3,"
                                                + "\"period\":\"12month\"}");
        assertThat(text(result)).contains("5. **Low** — 40 plays\n6. **Codeine** — 1 play\n\nPage 3 of 3 · 6 artists "
                                          + "in the last 12 months.")
                .doesNotContain("page=4");
        assertThat(result.at("/structuredContent/artists/0/rank").asInt()).isEqualTo(5);
    }

    @Test
    void aStaleCopyIsServedAndMarkedWhenLastfmFails() {
        lastfm("user.getTopArtists", "user.getTopArtists__aidan-_limit3.json");
        ok("get_top_artists", "{\"username\":\"aidan-\",\"limit\":3}");
        context.getRegistry().lookupByNameAndType("lastfmCaches", LastfmCaches.class).answers().invalidateAll();
        lastfm(503, "user.getTopArtists", "error__11-service-offline.json");

        JsonNode stale = ok("get_top_artists", "{\"username\":\"aidan-\",\"limit\":3}");
        assertThat(stale.at("/structuredContent/stale").asBoolean()).isTrue();
        assertThat(text(stale)).startsWith("> Last.fm could not be reached just now")
                .contains("1. **Queen** — 1,511 plays");
    }

    @Test
    void aSaturatedRequestBudgetServesTheStaleCopyMarkedAndOtherwiseABusyError() {
        lastfm("user.getTopArtists", "user.getTopArtists__aidan-_limit3.json");
        ok("get_top_artists", "{\"username\":\"aidan-\",\"limit\":3}");
        context.getRegistry().lookupByNameAndType("lastfmCaches", LastfmCaches.class).answers().invalidateAll();
        Pacer pacer = context.getRegistry().lookupByNameAndType("lastfmPacer", Pacer.class);
        pacer.pause(java.time.Duration.ofSeconds(20));
        try {
            JsonNode stale = ok("get_top_artists", "{\"username\":\"aidan-\",\"limit\":3}");
            assertThat(stale.at("/structuredContent/stale").asBoolean()).isTrue();
            assertThat(stale.at("/structuredContent/staleAgeSeconds").isIntegralNumber()).isTrue();
            assertThat(text(stale)).startsWith("> Last.fm could not be reached just now")
                    .contains("1. **Queen** — 1,511 plays");
            assertThat(text(error("get_top_artists", "{\"username\":\"nobody-cached\",\"limit\":3}")))
                    .startsWith("Last.fm is busy").containsPattern("retry in (19|20) s");
        } finally {
            pacer.reset();
        }
    }

    @Test
    void anEmptyTopListSaysSo() {
        lastfm("user.getTopArtists", "user.getTopArtists__e-empty-legacy.json");
        JsonNode result = ok("get_top_artists", "{\"username\":\"e\",\"period\":\"1month\"}");
        assertThat(text(result)).contains("e has no scrobbled artists in the last month.");
        assertThat(result.at("/structuredContent/artists")).isEmpty();
        assertThat(result.at("/structuredContent/page/page").asInt()).isEqualTo(1);
    }

    @Test
    void topAlbumsAndTopTracks() {
        lastfm("user.getTopAlbums", "user.getTopAlbums__aidan-_limit3.json", "period", "6month");
        JsonNode albums = ok("get_top_albums", "{\"username\":\"aidan-\",\"period\":\"6month\",\"limit\":3}");
        assertThat(text(albums)).contains("## aidan-'s top albums — last 6 months")
                .contains("1. **The Best Of** by Joy Division — 596 plays")
                .contains("2. **It's Not Me, It's You (Special Edition)** by Lily Allen — 484 plays")
                .contains("get_album_info(artist=\"Joy Division\", album=\"The Best Of\")");
        assertThat(albums.at("/structuredContent/albums/0/artist/name").asText()).isEqualTo("Joy Division");

        lastfm("user.getTopTracks", "user.getTopTracks__aidan-_limit3.json", "period", "3month");
        JsonNode tracks = ok("get_top_tracks", "{\"username\":\"aidan-\",\"period\":\"3month\",\"limit\":3}");
        assertThat(text(tracks)).contains("## aidan-'s top tracks — last 3 months")
                .contains("1. **Love Will Tear Us Apart** by Joy Division — 440 plays")
                .contains("Page 1 of 1,724 · 5,171 tracks in the last 3 months.")
                .contains("get_similar_tracks(artist=\"Joy Division\", track=\"Love Will Tear Us Apart\", limit=10)");
        assertThat(tracks.at("/structuredContent/tracks/0/durationSeconds").asInt()).isEqualTo(205);
    }

    // ---------------------------------------------------------------- get_user_info

    @Test
    void userInfoWithMembershipAndCounts() {
        lastfm("user.getInfo", "user.getInfo__TyphoonsNotABot.json", "user", "TyphoonsNotABot");
        JsonNode result = ok("get_user_info", "{\"username\":\"TyphoonsNotABot\"}");
        assertThat(text(result)).startsWith("## TyphoonsNotABot (Liam)\n\n- Member since 22 Jun 2019\n"
                                            + "- Scrobbles: 138,223 (about ")
                .contains("- Country: United Kingdom\n- Profile: https://www.last.fm/user/TyphoonsNotABot")
                .doesNotContain("Age:").doesNotContain("subscriber")
                .contains("get_recent_tracks(username=\"TyphoonsNotABot\", limit=10)");
        JsonNode user = result.at("/structuredContent/user");
        assertThat(user.get("registeredAt").asText()).isEqualTo("2019-06-22T04:19:53Z");
        assertThat(user.get("playcount").asLong()).isEqualTo(138223L);
        assertThat(result.at("/structuredContent/scrobblesPerDay").isNumber()).isTrue();
        assertThat(result.at("/structuredContent/scrobblesPerDay").asDouble()).isBetween(1.0, 400.0);
    }

    @Test
    void userInfoWithLibraryCountsWhenLastfmSendsThem() {
        lastfm("user.getInfo", "{\"user\":{\"name\":\"RJ\",\"realname\":\"Richard Jones\",\"playcount\":\"150316\","
                               + "\"artist_count\":\"12190\",\"album_count\":\"26375\",\"track_count\":\"67101\","
                               + "\"country\":\"None\",\"subscriber\":\"1\",\"url\":\"https://www.last.fm/user/RJ\","
                               + "\"registered\":{\"unixtime\":\"1037793040\",\"#text\":1037793040}}}");
        JsonNode result = ok("get_user_info", "{\"username\":\"rj\"}");
        assertThat(text(result)).contains("## RJ (Richard Jones)").contains("- Member since 20 Nov 2002")
                .contains("- Artists: 12,190 · Albums: 26,375 · Tracks: 67,101").contains("- Last.fm Pro subscriber")
                .doesNotContain("Country");
        assertThat(result.at("/structuredContent/user/artistCount").asLong()).isEqualTo(12190L);
    }

    // ---------------------------------------------------------------- get_user_top_tags

    @Test
    void topTagsWithCountsAndTheEmptyCase() {
        lastfm("user.getTopTags", "{\"toptags\":{\"tag\":[{\"name\":\"post-rock\",\"count\":\"20\",\"url\":"
                                  + "\"https://www.last.fm/tag/post-rock\"},{\"name\":\"j_pop\",\"count\":\"1\",\"url\":"
                                  + "\"https://www.last.fm/tag/j_pop\"}],\"@attr\":{\"user\":\"RJ\"}}}", "user", "RJ");
        JsonNode result = ok("get_user_top_tags", "{\"username\":\"RJ\"}");
        assertThat(text(result)).startsWith("## Tags RJ uses most\n\n1. **post-rock** — 20 times\n"
                                            + "2. **j_pop** — 1 time\n\n2 tags.");
        assertThat(result.at("/structuredContent/tags/0/count").asLong()).isEqualTo(20L);

        lastfm("user.getTopTags", "user.getTopTags__aidan-_empty.json", "user", "aidan-");
        JsonNode empty = ok("get_user_top_tags", "{\"username\":\"aidan-\"}");
        assertThat(text(empty)).contains("aidan- has not tagged any artists, albums or tracks.");
        assertThat(empty.at("/structuredContent/tags")).isEmpty();
        LASTFM.verify(getRequestedFor(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("user.getTopTags"))
                .withQueryParam("limit", absent()));
    }
}
