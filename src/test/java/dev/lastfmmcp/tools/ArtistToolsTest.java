package dev.lastfmmcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.ResultMemo;
import dev.lastfmmcp.support.ToolTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** get_artist_info, get_artist_top_tracks, get_artist_top_albums, get_similar_artists on recorded fixtures. */
@CamelMainTest(configurationClasses = AppConfiguration.class, properties = {"camel.server.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArtistToolsTest extends ToolTestSupport {

    private static final String WEEKND_MBID = "c8b03190-306c-4120-bb0b-6f2ebfc06ea9";

    @Test
    void artistInfoWithUserPlaysAndMusicBrainz() {
        lastfm("artist.getInfo", "artist.getInfo__the-weeknd_username-TyphoonsNotABot.json",
                "username", "TyphoonsNotABot", "autocorrect", "1");
        musicbrainz("artist/" + WEEKND_MBID, "{\"id\":\"" + WEEKND_MBID + "\",\"name\":\"The Weeknd\",\"type\":"
                + "\"Person\",\"country\":\"CA\",\"area\":{\"name\":\"Canada\"},\"life-span\":{\"begin\":\"1990-02-16\"},"
                + "\"genres\":[{\"name\":\"r&b\",\"count\":9},{\"name\":\"pop\",\"count\":4}],\"relations\":[{\"type\":"
                + "\"official homepage\",\"url\":{\"resource\":\"https://www.theweeknd.com/\"}}]}");
        JsonNode result = ok("get_artist_info", "{\"artist\":\"The Weeknd\",\"username\":\"TyphoonsNotABot\"}");
        JsonNode artist = result.at("/structuredContent/artist");
        assertThat(artist.get("name").asText()).isEqualTo("The Weeknd");
        assertThat(artist.get("listeners").isIntegralNumber()).isTrue();
        assertThat(artist.get("userPlaycount").asLong()).isPositive();
        assertThat(result.at("/structuredContent/musicbrainz/homepage").asText()).isEqualTo("https://www.theweeknd.com/");
        assertThat(text(result)).startsWith("## The Weeknd").contains("Scrobbles by TyphoonsNotABot: ")
                .contains("genres: r&b, pop").contains("homepage https://www.theweeknd.com/")
                .doesNotContain("<a href").doesNotContain("Read more on Last.fm")
                .contains("**Next steps**").contains("get_artist_top_tracks(artist=\"The Weeknd\", limit=10)");
        assertThat(text(result)).containsPattern("Listeners: \\d{1,3}(,\\d{3})+");
    }

    @Test
    void aRepeatedCallOnTheCachedAnswerIsRenderedOnceAndAnsweredTheSame() {
        lastfm("artist.getInfo", "artist.getInfo__the-weeknd.json");
        ResultMemo memo = context.getRegistry().lookupByNameAndType("resultMemo", ResultMemo.class);
        long before = memo.size();
        JsonNode first = ok("get_artist_info", "{\"artist\":\"The Weeknd\"}");
        assertThat(memo.size()).isEqualTo(before + 1);
        JsonNode again = ok("get_artist_info", "{\"artist\":\"The Weeknd\"}");
        assertThat(again).isEqualTo(first);
        assertThat(memo.size()).isEqualTo(before + 1);
        // other arguments are another result
        ok("get_artist_info", "{\"artist\":\"The Weeknd\",\"username\":\"rj\"}");
        assertThat(memo.size()).isEqualTo(before + 2);
    }

    @Test
    void correctedNamesAreSaidAndMusicBrainzFailuresDoNotFailTheTool() {
        lastfm("artist.getInfo", "artist.getInfo__the-weeknd.json");
        JsonNode result = ok("get_artist_info", "{\"artist\":\"the weekend\"}");
        assertThat(result.at("/structuredContent/correctedFrom").asText()).isEqualTo("the weekend");
        assertThat(text(result)).contains("_Last.fm corrected \"the weekend\" to \"The Weeknd\"._");
        assertThat(result.at("/structuredContent/musicbrainzNote").asText()).isNotBlank();
    }

    @Test
    void unknownArtistIsAnErrorWithASearchSuggestion() {
        lastfm(404, "artist.getInfo", "artist.getInfo__unknown-artist-error6.json");
        JsonNode result = error("get_artist_info", "{\"artist\":\"Radiohedd\"}");
        assertThat(text(result)).isEqualTo("Artist not found: Radiohedd. Check the spelling, or look it up with "
                                           + "search_artists(query=\"Radiohedd\").");
    }

    @Test
    void topTracksRankedWithCountsAndLimit() {
        lastfm("artist.getTopTracks", "artist.getTopTracks__chris-cornell.json", "limit", "3");
        JsonNode result = ok("get_artist_top_tracks", "{\"artist\":\"The Weeknd\",\"limit\":\"3\"}");
        assertThat(result.at("/structuredContent/tracks")).hasSize(3);
        assertThat(result.at("/structuredContent/tracks/0/rank").asInt()).isEqualTo(1);
        assertThat(text(result)).contains("## Top tracks of Chris Cornell").containsPattern("\n1\\. \\*\\*.+\\*\\* — ");
        LASTFM.verify(getRequestedFor(urlPathEqualTo("/2.0/")).withQueryParam("autocorrect", equalTo("1")));
    }

    @Test
    void blankNamesAreRefusedBeforeAnyRequest() {
        assertThat(text(error("get_artist_info", "{\"artist\":\"   \"}")))
                .startsWith("Invalid arguments for get_artist_info: artist: must not be blank.");
        assertThat(text(error("get_artist_info", "{\"artist\":\"Cher\",\"username\":\" \"}")))
                .contains("username: must not be blank");
        assertThat(text(error("get_similar_artists", "{\"artist\":\"\"}"))).contains("artist: must not be blank");
        assertThat(text(error("get_music_recommendations", "{\"username\":\"rj\",\"genre\":\"\\t\"}")))
                .contains("genre: must not be blank");
        assertThat(text(error("compare_users", "{\"user1\":\"rj\",\"user2\":\"  \"}")))
                .contains("user2: must not be blank");
        assertThat(LASTFM.getAllServeEvents()).isEmpty();
    }

    @Test
    void topTracksRejectsAnOutOfRangeLimit() {
        JsonNode result = error("get_artist_top_tracks", "{\"artist\":\"The Weeknd\",\"limit\":500}");
        assertThat(text(result)).contains("limit").contains("50");
        assertThat(LASTFM.getAllServeEvents()).isEmpty();
    }

    @Test
    void topAlbums() {
        lastfm("artist.getTopAlbums", "artist.getTopAlbums__soundgarden.json");
        JsonNode result = ok("get_artist_top_albums", "{\"artist\":\"Soundgarden\",\"limit\":5}");
        assertThat(result.at("/structuredContent/albums")).hasSizeLessThanOrEqualTo(5).isNotEmpty();
        assertThat(text(result)).contains("## Top albums of Soundgarden").contains("get_album_info(artist=\"Soundgarden\"");
    }

    @Test
    void similarArtistsWithMatchPercentages() {
        lastfm("artist.getSimilar", "artist.getSimilar__metallica.json");
        JsonNode result = ok("get_similar_artists", "{\"artist\":\"Metallica\",\"limit\":5}");
        JsonNode artists = result.at("/structuredContent/artists");
        assertThat(artists.get(0).get("name").asText()).isEqualTo("Megadeth");
        assertThat(artists.get(0).get("match").asDouble()).isEqualTo(1.0);
        assertThat(text(result)).contains("**Megadeth** — 100% match");
    }

    @Test
    void unicodeAndPunctuationInNames() {
        lastfm("artist.getSimilar", "{\"similarartists\":{\"artist\":[{\"name\":\"Tim Hecker\",\"match\":\"0.5\","
                                    + "\"url\":\"https://www.last.fm/music/Tim+Hecker\"}],\"@attr\":{\"artist\":\"坂本龍一\"}}}",
                "artist", "坂本龍一");
        JsonNode result = ok("get_similar_artists", "{\"artist\":\"坂本龍一\"}");
        assertThat(text(result)).contains("Artists similar to 坂本龍一").contains("**Tim Hecker** — 50% match");
        lastfm("artist.getSimilar", "{\"similarartists\":{\"artist\":[],\"@attr\":{\"artist\":\"AC/DC\"}}}",
                "artist", "AC/DC");
        JsonNode empty = ok("get_similar_artists", "{\"artist\":\"AC/DC\"}");
        assertThat(empty.at("/structuredContent/artists")).isEmpty();
        assertThat(text(empty)).contains("no similar artists");
    }

    @Test
    void aOneItemListShape() {
        lastfm("artist.getTopTracks", "{\"toptracks\":{\"track\":{\"name\":\"Only\",\"playcount\":\"5\","
                                      + "\"listeners\":\"2\",\"artist\":{\"name\":\"Solo\"},\"@attr\":{\"rank\":\"1\"}},"
                                      + "\"@attr\":{\"artist\":\"Solo\",\"page\":\"1\",\"perPage\":\"10\","
                                      + "\"totalPages\":\"1\",\"total\":\"1\"}}}");
        JsonNode result = ok("get_artist_top_tracks", "{\"artist\":\"Solo\"}");
        assertThat(result.at("/structuredContent/tracks")).hasSize(1);
        assertThat(Fixtures.write(result)).doesNotContain("#text");
    }
}
