package dev.lastfmmcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.ToolTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue family's track, album and search tools (get_track_info, get_album_info, get_similar_tracks,
 * search_artists, search_albums, search_tracks) on recorded fixtures and hand-written bodies of the documented shapes.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class, properties = {"camel.server.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogToolsTest extends ToolTestSupport {

    private static final String METALLICA_RELEASE = "6e729716-c0eb-3f50-a740-96ac173be50d";

    // ---------------------------------------------------------------- get_track_info

    @Test
    void trackInfoWithUserPlaysLovedFlagAlbumAndTags() {
        lastfm("track.getInfo", "track.getInfo__linkin-park_one-step-closer_username-solelychloe.json",
                "username", "solelychloe", "autocorrect", "1", "artist", "Linkin Park", "track", "One Step Closer");
        JsonNode result = ok("get_track_info",
                "{\"artist\":\"Linkin Park\",\"track\":\"One Step Closer\",\"username\":\"solelychloe\"}");
        JsonNode track = result.at("/structuredContent/track");
        assertThat(track.get("name").asText()).isEqualTo("One Step Closer");
        assertThat(track.get("durationSeconds").asInt()).isEqualTo(157);
        assertThat(track.get("listeners").isIntegralNumber()).isTrue();
        assertThat(track.get("listeners").asLong()).isEqualTo(1_315_650L);
        assertThat(track.get("userPlaycount").asLong()).isEqualTo(36);
        assertThat(track.get("userLoved").asBoolean(true)).isFalse();
        assertThat(track.at("/album/position").asInt()).isEqualTo(1);
        assertThat(track.at("/wiki/published").asText()).isEqualTo("2009-04-14T16:25:00Z");
        assertThat(result.at("/structuredContent/username").asText()).isEqualTo("solelychloe");
        assertThat(result.at("/structuredContent/correctedFrom").isMissingNode()).isTrue();
        assertThat(text(result)).startsWith("## One Step Closer by Linkin Park\n")
                .contains("- Album: Road To Revolution: Live at Milton Keynes (track 1)")
                .contains("- Length: 2:37")
                .contains("- Listeners: 1,315,650 · Scrobbles: 11,022,708")
                .contains("- Scrobbles by solelychloe: 36 · loved: no")
                .contains("- Tags: Nu Metal, rock, Linkin Park, alternative rock, alternative")
                .contains("\"One Step Closer\" is the debut single").doesNotContain("<a href")
                .contains("https://www.last.fm/music/Linkin+Park/_/One+Step+Closer")
                .contains("**Next steps**")
                .contains("`get_similar_tracks(artist=\"Linkin Park\", track=\"One Step Closer\", limit=10)`")
                .contains("`get_album_info(artist=\"Linkin Park\", album=\"Road To Revolution: Live at Milton Keynes\")`")
                .contains("`get_tag_top_tracks(tag=\"Nu Metal\", limit=10)`");
    }

    @Test
    void trackInfoSaysWhatLastfmCorrected() {
        lastfm("track.getInfo", "track.getInfo__linkin-park_one-step-closer.json");
        JsonNode result = ok("get_track_info", "{\"artist\":\"linkin prk\",\"track\":\"one step closr\"}");
        assertThat(result.at("/structuredContent/correctedFrom/artist").asText()).isEqualTo("linkin prk");
        assertThat(result.at("/structuredContent/correctedFrom/track").asText()).isEqualTo("one step closr");
        assertThat(text(result)).contains("_Last.fm corrected the artist \"linkin prk\" to \"Linkin Park\" and the "
                                          + "track \"one step closr\" to \"One Step Closer\"._")
                .doesNotContain("Scrobbles by");
        LASTFM.verify(getRequestedFor(urlPathEqualTo("/2.0/")).withQueryParam("autocorrect", equalTo("1"))
                .withQueryParam("artist", equalTo("linkin prk")));
    }

    @Test
    void lastfmsPlaceholderForAnUnknownTrackIsNotFound() {
        lastfm("track.getInfo", "track.getInfo__fake-artist_fake-track_no-error.json");
        JsonNode result = error("get_track_info", "{\"artist\":\"Fake Artist\",\"track\":\"Fake Track\"}");
        assertThat(text(result)).startsWith("Track not found: Fake Track by Fake Artist.")
                .contains("search_tracks(query=\"Fake Track\", artist=\"Fake Artist\")")
                .contains("search_tracks(query=\"Fake Track\")");
    }

    @Test
    void aTrackLastfmReportsAsNotFoundIsAnErrorWithASearch() {
        lastfm("track.getInfo", "{\"error\":6,\"message\":\"Track not found\",\"links\":[]}");
        JsonNode result = error("get_track_info", "{\"artist\":\"Radiohead\",\"track\":\"Karma Polize\"}");
        assertThat(text(result)).isEqualTo("Track not found: Karma Polize by Radiohead. Check the spelling, or look it "
                                           + "up with search_tracks(query=\"Karma Polize\", artist=\"Radiohead\").");
    }

    @Test
    void trackInfoArgumentsAreValidatedBeforeAnyCall() {
        assertThat(text(error("get_track_info", "{\"artist\":\"Radiohead\"}"))).contains("track");
        assertThat(text(error("get_track_info", "{\"artist\":\"   \",\"track\":\"Creep\"}"))).contains("artist");
        assertThat(text(error("get_track_info", "{\"artist\":\"Radiohead\",\"track\":\"Creep\",\"user\":\"x\"}")))
                .contains("user");
        assertThat(LASTFM.getAllServeEvents()).isEmpty();
    }

    @Test
    void unicodeTrackAndArtistNames() {
        lastfm("track.getInfo", "{\"track\":{\"name\":\"Hoppípolla\",\"url\":\"https://www.last.fm/music/Sigur+R%C3%B3s/_/"
                                + "Hopp%C3%ADpolla\",\"duration\":\"268000\",\"listeners\":\"612345\",\"playcount\":"
                                + "\"4567890\",\"artist\":{\"name\":\"Sigur Rós\",\"url\":\"https://www.last.fm/music/"
                                + "Sigur+R%C3%B3s\"},\"album\":{\"artist\":\"Sigur Rós\",\"title\":\"Takk...\","
                                + "\"url\":\"https://www.last.fm/music/Sigur+R%C3%B3s/Takk...\"},\"toptags\":{\"tag\":"
                                + "{\"name\":\"post-rock\",\"url\":\"https://www.last.fm/tag/post-rock\"}}}}",
                "artist", "Sigur Rós", "track", "Hoppípolla");
        JsonNode result = ok("get_track_info", "{\"artist\":\"Sigur Rós\",\"track\":\"Hoppípolla\"}");
        assertThat(result.at("/structuredContent/track/topTags")).hasSize(1);
        assertThat(text(result)).startsWith("## Hoppípolla by Sigur Rós").contains("- Length: 4:28")
                .contains("- Album: Takk...\n").contains("- Tags: post-rock")
                .contains("get_album_info(artist=\"Sigur Rós\", album=\"Takk...\")");
    }

    // ---------------------------------------------------------------- get_album_info

    @Test
    void albumInfoWithTracklistTotalLengthAndMusicBrainzRelease() {
        lastfm("album.getInfo", "album.getInfo__metallica_metallica_lang-de.json", "autocorrect", "1");
        musicbrainz("release/" + METALLICA_RELEASE, "{\"id\":\"" + METALLICA_RELEASE + "\",\"title\":\"Metallica\","
                + "\"release-group\":{\"id\":\"e8f70201-8899-3f0c-9e07-5d6495bc8046\",\"title\":\"Metallica\","
                + "\"primary-type\":\"Album\",\"secondary-types\":[],\"first-release-date\":\"1991-08-12\"}}");
        JsonNode result = ok("get_album_info", "{\"artist\":\"Metallica\",\"album\":\"Metallica\"}");
        JsonNode album = result.at("/structuredContent/album");
        assertThat(album.get("tracks")).hasSize(12);
        assertThat(album.at("/tracks/0/durationSeconds").asInt()).isEqualTo(382);
        assertThat(album.get("listeners").asLong()).isEqualTo(1_290_895L);
        assertThat(result.at("/structuredContent/totalDurationSeconds").asLong()).isEqualTo(3741);
        assertThat(result.at("/structuredContent/tracksWithoutDuration").asInt()).isZero();
        assertThat(result.at("/structuredContent/musicbrainz/firstReleaseDate").asText()).isEqualTo("1991-08-12");
        assertThat(result.at("/structuredContent/musicbrainz/primaryType").asText()).isEqualTo("Album");
        assertThat(text(result)).startsWith("## Metallica by Metallica\n")
                .contains("- Released 1991-08-12 (first release, MusicBrainz) · Type: Album")
                .contains("- Listeners: 1,290,895 · Scrobbles: 29,408,961")
                .contains("- Tags: albums I own, heavy metal, metal, thrash metal, hard rock")
                .contains("### Tracklist (12 tracks, 1:02:21)")
                .contains("\n1. Enter Sandman (6:22)\n2. Sad but True (5:24)\n")
                .contains("Metallica ist das fünfte Studioalbum")
                .contains("`get_track_info(artist=\"Metallica\", track=\"Enter Sandman\")`")
                .contains("`get_tag_top_albums(tag=\"albums I own\", limit=10)`");
        MUSICBRAINZ.verify(getRequestedFor(urlPathEqualTo("/ws/2/release/" + METALLICA_RELEASE))
                .withQueryParam("inc", equalTo("release-groups")));
    }

    @Test
    void oneTrackAlbumWithUserPlaysUnicodeAndMusicBrainzBySearch() {
        lastfm("album.getInfo", "{\"album\":{\"name\":\"Ágætis byrjun\",\"artist\":\"Sigur Rós\",\"mbid\":\"\","
                                + "\"url\":\"https://www.last.fm/music/Sigur+R%C3%B3s/%C3%81g%C3%A6tis+byrjun\","
                                + "\"listeners\":\"500000\",\"playcount\":\"9000000\",\"userplaycount\":\"42\","
                                + "\"tracks\":{\"track\":{\"name\":\"Svefn-g-englar\",\"duration\":\"0\","
                                + "\"@attr\":{\"rank\":\"1\"},\"artist\":{\"name\":\"Sigur Rós\"}}},"
                                + "\"tags\":{\"tag\":[]}}}",
                "artist", "Sigur Rós", "album", "Ágætis byrjun", "username", "rj");
        musicbrainz("release-group", "{\"release-groups\":[{\"id\":\"a1b2\",\"score\":100,\"title\":\"Ágætis byrjun\","
                + "\"primary-type\":\"Album\",\"secondary-types\":[\"Live\"],\"first-release-date\":\"1999-06-12\","
                + "\"artist-credit\":[{\"name\":\"Sigur Rós\",\"joinphrase\":\"\"}]}]}");
        JsonNode result = ok("get_album_info",
                "{\"artist\":\"Sigur Rós\",\"album\":\"Ágætis byrjun\",\"username\":\"rj\"}");
        assertThat(result.at("/structuredContent/album/tracks")).hasSize(1);
        assertThat(result.at("/structuredContent/album/userPlaycount").asLong()).isEqualTo(42);
        assertThat(result.at("/structuredContent/totalDurationSeconds").asLong()).isZero();
        assertThat(result.at("/structuredContent/tracksWithoutDuration").asInt()).isEqualTo(1);
        assertThat(text(result)).startsWith("## Ágætis byrjun by Sigur Rós")
                .contains("- Released 1999-06-12 (first release, MusicBrainz) · Type: Album (Live)")
                .contains("- Scrobbles by rj: 42")
                .contains("### Tracklist (1 track, length unknown)")
                .contains("\n1. Svefn-g-englar\n").doesNotContain("Tags:");
    }

    @Test
    void unknownAlbumIsAnErrorWithASearchSuggestion() {
        lastfm("album.getInfo", "album.getInfo__unknown-album-error6.json");
        JsonNode result = error("get_album_info", "{\"artist\":\"Radiohead\",\"album\":\"OK Computr\"}");
        assertThat(text(result)).isEqualTo("Album not found: OK Computr by Radiohead. Check the spelling, or look it "
                                           + "up with search_albums(query=\"OK Computr\").");
    }

    @Test
    void albumWithoutMusicBrainzMatchStillAnswersAndSaysWhy() {
        lastfm("album.getInfo", "{\"album\":{\"name\":\"AC/DC Live\",\"artist\":\"AC/DC\",\"tracks\":{\"track\":["
                                + "{\"name\":\"Thunderstruck\",\"duration\":\"292\",\"@attr\":{\"rank\":\"1\"}},"
                                + "{\"name\":\"Shoot to Thrill\",\"duration\":\"0\",\"@attr\":{\"rank\":\"2\"}},"
                                + "{\"name\":\"Guest Spot\",\"duration\":\"61\",\"@attr\":{\"rank\":\"3\"},"
                                + "\"artist\":{\"name\":\"Somebody Else\"}}]},\"tags\":{\"tag\":[]}}}",
                "artist", "ac/dc");
        JsonNode result = ok("get_album_info", "{\"artist\":\"ac/dc\",\"album\":\"AC/DC Live\"}");
        assertThat(result.at("/structuredContent/musicbrainz").isMissingNode()).isTrue();
        assertThat(result.at("/structuredContent/musicbrainzNote").asText()).isNotBlank();
        assertThat(result.at("/structuredContent/correctedFrom").isMissingNode()).as("case only").isTrue();
        assertThat(text(result)).contains("- MusicBrainz: ")
                .contains("### Tracklist (3 tracks, at least 5:53, 1 without a known length)")
                .contains("1. Thunderstruck (4:52)\n2. Shoot to Thrill\n3. Guest Spot — Somebody Else (1:01)");
    }

    @Test
    void albumInfoArgumentsAreValidated() {
        assertThat(text(error("get_album_info", "{\"album\":\"OK Computer\"}"))).contains("artist");
        assertThat(text(error("get_album_info", "{\"artist\":\"Radiohead\",\"album\":\"\"}"))).contains("album");
        assertThat(LASTFM.getAllServeEvents()).isEmpty();
    }

    // ---------------------------------------------------------------- get_similar_tracks

    @Test
    void similarTracksWithMatchAndLength() {
        lastfm("track.getSimilar", "track.getSimilar__disturbed_stricken.json", "limit", "5", "autocorrect", "1");
        JsonNode result = ok("get_similar_tracks", "{\"artist\":\"Disturbed\",\"track\":\"Stricken\",\"limit\":\"5\"}");
        JsonNode tracks = result.at("/structuredContent/tracks");
        assertThat(tracks).hasSize(3);
        assertThat(tracks.get(0).get("match").asDouble()).isEqualTo(1.0);
        assertThat(tracks.get(1).get("playcount").isIntegralNumber()).isTrue();
        assertThat(result.at("/structuredContent/track").asText()).isEqualTo("Stricken");
        assertThat(text(result)).startsWith("## Tracks similar to Stricken by Disturbed")
                .contains("1. **Down With the Sickness** by Disturbed — 100% match (4:38)")
                .contains("2. **Inside the Fire** by Disturbed — 98% match (3:53)")
                .contains("3. **Before I Forget** by Slipknot — 60% match (4:23)")
                .contains("`get_track_info(artist=\"Disturbed\", track=\"Down With the Sickness\")`");
    }

    @Test
    void noSimilarTracksIsAnAnswerThatSuggestsASearch() {
        lastfm("track.getSimilar", "track.getSimilar__fake-artist_fake-track_empty.json");
        JsonNode result = ok("get_similar_tracks", "{\"artist\":\"Fake Artist\",\"track\":\"Fake Track\"}");
        assertThat(result.at("/structuredContent/tracks")).isEmpty();
        assertThat(text(result)).contains("Last.fm knows no tracks similar to this one")
                .contains("`search_tracks(query=\"Fake Track\", artist=\"Fake Artist\")`");
    }

    @Test
    void similarTracksLimitRange() {
        assertThat(text(error("get_similar_tracks", "{\"artist\":\"a\",\"track\":\"b\",\"limit\":0}")))
                .contains("limit");
        assertThat(text(error("get_similar_tracks", "{\"artist\":\"a\",\"track\":\"b\",\"limit\":101}")))
                .contains("limit").contains("100");
        assertThat(text(error("get_similar_tracks", "{\"artist\":\"a\",\"track\":\"b\",\"limit\":\"ten\"}")))
                .contains("limit");
        assertThat(LASTFM.getAllServeEvents()).isEmpty();
    }

    // ---------------------------------------------------------------- search_artists / albums / tracks

    @Test
    void searchArtistsWithListenersAndPageInformation() {
        lastfm("artist.search", "artist.search__rammstein.json", "artist", "rammstein", "limit", "10", "page", "1");
        JsonNode result = ok("search_artists", "{\"query\":\"rammstein\"}");
        assertThat(result.at("/structuredContent/page/total").asLong()).isEqualTo(13_809);
        assertThat(result.at("/structuredContent/artists/0/listeners").asLong()).isEqualTo(1_913_191L);
        assertThat(result.at("/structuredContent/artists/0/imageUrl").isMissingNode()).as("placeholder star").isTrue();
        assertThat(text(result)).startsWith("## Artists matching \"rammstein\"")
                .contains("Page 1 of 461 (13,809 results)")
                .contains("\n1. **Rammstein** — 1,913,191 listeners\n")
                .contains("`get_artist_info(artist=\"Rammstein\")`")
                .contains("`search_artists(query=\"rammstein\", limit=10, page=2)`");
    }

    @Test
    void searchWithNoResultsSaysSoAndSuggestsALooserQuery() {
        lastfm("artist.search", "artist.search__no-results.json");
        JsonNode single = ok("search_artists", "{\"query\":\"artistthatdoesntexisthsjdkghkjdfgh\"}");
        assertThat(single.at("/structuredContent/artists")).isEmpty();
        assertThat(text(single)).contains("No artists match \"artistthatdoesntexisthsjdkghkjdfgh\" on Last.fm. "
                                          + "Check the spelling")
                .contains("`search_tracks(query=\"artistthatdoesntexisthsjdkghkjdfgh\")`");
        JsonNode words = ok("search_artists", "{\"query\":\"the kinkz!! from london\"}");
        assertThat(text(words)).contains("Try a shorter or looser query, e.g. search_artists(query=\"the kinkz from "
                                         + "london\")")
                .contains("`search_artists(query=\"the kinkz from london\")`");
    }

    @Test
    void aPagePastTheEndSaysWhereTheEndIs() {
        lastfm("artist.search", "{\"results\":{\"opensearch:Query\":{\"#text\":\"\",\"role\":\"request\",\"searchTerms\":"
                                + "\"cher\",\"startPage\":\"5\"},\"opensearch:totalResults\":\"13\","
                                + "\"opensearch:startIndex\":\"40\",\"opensearch:itemsPerPage\":\"10\","
                                + "\"artistmatches\":{\"artist\":[]},\"@attr\":{\"for\":\"cher\"}}}", "page", "5");
        JsonNode result = ok("search_artists", "{\"query\":\"cher\",\"page\":5}");
        assertThat(result.at("/structuredContent/page/page").asInt()).isEqualTo(5);
        assertThat(text(result)).contains("Page 5 is past the end: there are 2 pages of 10 results (13 in all).")
                .contains("`search_artists(query=\"cher\", limit=10, page=2)`");
    }

    @Test
    void theLastPageASearchToolTakesSuggestsNoPageBeyondIt() {
        // Last.fm reports 50,000 pages of one result; the tools take pages up to 10,000 (their inputSchema).
        String page = "{\"results\":{\"opensearch:Query\":{\"#text\":\"\",\"role\":\"request\",\"searchTerms\":"
                      + "\"love\",\"startPage\":\"%s\"},\"opensearch:totalResults\":\"50000\","
                      + "\"opensearch:startIndex\":\"%s\",\"opensearch:itemsPerPage\":\"1\",\"artistmatches\":"
                      + "{\"artist\":[%s]},\"@attr\":{\"for\":\"love\"}}}";
        lastfm("artist.search", page.formatted("10000", "9999", "{\"name\":\"Love\",\"listeners\":\"1000\","
                                                   + "\"url\":\"https://www.last.fm/music/Love\"}"), "page", "10000");
        JsonNode last = ok("search_artists", "{\"query\":\"love\",\"limit\":1,\"page\":10000}");
        assertThat(text(last)).contains("**Love**").doesNotContain("page=10001");
        lastfm("artist.search", page.formatted("10000", "9999", ""), "artist", "lover", "page", "10000");
        JsonNode past = ok("search_artists", "{\"query\":\"lover\",\"limit\":1,\"page\":10000}");
        assertThat(text(past)).contains("past the end").doesNotContain("page=50000");
    }

    @Test
    void searchAlbumsNumbersAcrossPagesAndKeepsTheArtist() {
        lastfm("album.search", "album.search__legacy-multiple.json", "album", "By the throat", "limit", "3",
                "page", "2");
        JsonNode result = ok("search_albums", "{\"query\":\"By the throat\",\"limit\":3,\"page\":\"2\"}");
        assertThat(result.at("/structuredContent/albums")).hasSize(3);
        assertThat(result.at("/structuredContent/page/page").asInt()).isEqualTo(2);
        assertThat(text(result)).contains("Page 2 of 3 (7 results)")
                .contains("\n4. **Taken by the Throat** by Accuser\n5. **Taken By The Throat** by Accu§er\n")
                .contains("`get_album_info(artist=\"Accuser\", album=\"Taken by the Throat\")`")
                .contains("`search_albums(query=\"By the throat\", limit=3, page=3)`");
    }

    @Test
    void searchAlbumsOneResultAndLegacyEmptyShapes() {
        lastfm("album.search", "album.search__legacy-single-object.json", "album", "By The Throat Ben Frost");
        JsonNode one = ok("search_albums", "{\"query\":\"By The Throat Ben Frost\",\"limit\":1,\"page\":2}");
        assertThat(one.at("/structuredContent/albums")).hasSize(1);
        assertThat(text(one)).contains("\n2. **By The Throat** by Ben Frost\n");
        lastfm("album.search", "album.search__no-results-legacy.json", "album", "zzzz qqqq");
        JsonNode none = ok("search_albums", "{\"query\":\"zzzz qqqq\"}");
        assertThat(none.at("/structuredContent/albums")).isEmpty();
        assertThat(text(none)).contains("No albums match \"zzzz qqqq\"").contains("search_albums(query=\"zzzz\")");
    }

    @Test
    void searchTracksNarrowedToAnArtistWithPunctuationInTheName() {
        lastfm("track.search", "track.search__hells-bells.json", "track", "hells bells", "artist", "AC/DC");
        JsonNode result = ok("search_tracks", "{\"query\":\"hells bells\",\"artist\":\"AC/DC\",\"limit\":\"30\"}");
        assertThat(result.at("/structuredContent/artist").asText()).isEqualTo("AC/DC");
        assertThat(result.at("/structuredContent/tracks/0/listeners").asLong()).isEqualTo(796_758L);
        assertThat(text(result)).startsWith("## Tracks matching \"hells bells\" by AC/DC")
                .contains("\n1. **Hells Bells** by AC/DC — 796,758 listeners\n")
                .contains("`get_track_info(artist=\"AC/DC\", track=\"Hells Bells\")`");
        LASTFM.verify(getRequestedFor(urlPathEqualTo("/2.0/")).withQueryParam("limit", equalTo("30")));
    }

    @Test
    void searchTracksWithAnArtistThatFindsNothingSuggestsDroppingTheArtist() {
        lastfm("track.search", "track.search__no-results.json");
        JsonNode result = ok("search_tracks", "{\"query\":\"Hoppípolla\",\"artist\":\"Sigur Ross\"}");
        assertThat(result.at("/structuredContent/tracks")).isEmpty();
        assertThat(text(result)).contains("No tracks by Sigur Ross match \"Hoppípolla\"")
                .contains("`search_tracks(query=\"Hoppípolla\")`")
                .contains("`search_artists(query=\"Sigur Ross\")`");
    }

    @Test
    void searchArgumentsAreValidated() {
        assertThat(text(error("search_artists", "{\"query\":\"x\",\"page\":0}"))).contains("page");
        assertThat(text(error("search_albums", "{\"query\":\"x\",\"limit\":51}"))).contains("limit").contains("50");
        assertThat(text(error("search_tracks", "{\"query\":\"\"}"))).contains("query");
        assertThat(text(error("search_tracks", "{}"))).contains("query");
        assertThat(LASTFM.getAllServeEvents()).isEmpty();
    }

    @Test
    void noRawLastfmKeysReachTheClient() {
        lastfm("track.search", "track.search__hells-bells.json");
        assertThat(Fixtures.write(ok("search_tracks", "{\"query\":\"hells bells\"}").get("structuredContent")))
                .doesNotContain("#text", "@attr", "opensearch", "streamable", "FIXME");
    }
}
