package dev.lastfmmcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.ToolTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue family's tag and chart tools (get_tag_info, get_tag_top_artists, get_tag_top_albums,
 * get_tag_top_tracks, get_global_top_artists, get_global_top_tracks) on recorded fixtures and hand-written bodies.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class, properties = {"camel.server.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TagChartToolsTest extends ToolTestSupport {

    // ---------------------------------------------------------------- get_tag_info

    @Test
    void tagInfoWithReachDescriptionAndTopArtists() {
        lastfm("tag.getInfo", "tag.getInfo__metal.json", "tag", "metal");
        lastfm("tag.getTopArtists", "tag.getTopArtists__metal.json", "tag", "metal", "limit", "10");
        JsonNode result = ok("get_tag_info", "{\"tag\":\"metal\"}");
        assertThat(result.at("/structuredContent/exists").asBoolean()).isTrue();
        assertThat(result.at("/structuredContent/tag/reach").asLong()).isEqualTo(157_277L);
        assertThat(result.at("/structuredContent/tag/total").asLong()).isEqualTo(1_279_720L);
        assertThat(result.at("/structuredContent/topArtists")).hasSize(3);
        assertThat(result.at("/structuredContent/topArtists/0/rank").asInt()).isEqualTo(1);
        assertThat(text(result)).startsWith("## Tag: metal\n")
                .contains("- Used 1,279,720 times by 157,277 people")
                .contains("Metal is a subgenre of rock music")
                .contains("### Top artists\n\n1. **System of a Down**\n2. **Disturbed**\n3. **Soil**\n")
                .contains("https://www.last.fm/tag/metal")
                .contains("`get_tag_top_tracks(tag=\"metal\", limit=10)`")
                .contains("`get_artist_info(artist=\"System of a Down\")`");
    }

    @Test
    void anUnknownTagIsNoErrorButSaidPlainly() {
        lastfm("tag.getInfo", "tag.getInfo__unknown-tag.json");
        lastfm("tag.getTopArtists", "tag.getTopArtists__unknown-tag_empty.json");
        JsonNode result = ok("get_tag_info", "{\"tag\":\"thistagdoesntexist\"}");
        assertThat(result.at("/structuredContent/exists").asBoolean()).isFalse();
        assertThat(result.at("/structuredContent/topArtists")).isEmpty();
        assertThat(result.at("/structuredContent/tag/wiki").isMissingNode()).as("only a Read-more link").isTrue();
        assertThat(text(result)).contains("Nobody has tagged anything \"thistagdoesntexist\" on Last.fm: the tag is "
                                          + "unknown or unused")
                .doesNotContain("Used 0 times")
                .contains("`search_artists(query=\"thistagdoesntexist\", limit=5)`");
    }

    @Test
    void tagArgumentsAreValidated() {
        assertThat(text(error("get_tag_info", "{}"))).contains("tag");
        assertThat(text(error("get_tag_top_artists", "{\"tag\":\"rock\",\"limit\":101}"))).contains("limit");
        assertThat(text(error("get_tag_top_albums", "{\"tag\":\" \"}"))).contains("tag");
        assertThat(text(error("get_tag_top_tracks", "{\"tag\":\"rock\",\"limit\":-1}"))).contains("limit");
        assertThat(LASTFM.getAllServeEvents()).isEmpty();
    }

    // ---------------------------------------------------------------- get_tag_top_artists / albums / tracks

    @Test
    void tagTopArtistsRankedWithTheTotal() {
        lastfm("tag.getTopArtists", "tag.getTopArtists__metal.json", "limit", "2");
        JsonNode result = ok("get_tag_top_artists", "{\"tag\":\"metal\",\"limit\":\"2\"}");
        assertThat(result.at("/structuredContent/artists")).hasSize(2);
        assertThat(result.at("/structuredContent/page/total").asLong()).isEqualTo(59_570);
        assertThat(text(result)).startsWith("## Top artists tagged \"metal\"")
                .contains("59,570 artists carry this tag; these are the top 2.")
                .contains("\n1. **System of a Down**\n2. **Disturbed**\n").doesNotContain("Soil");
    }

    @Test
    void anUnknownTagGivesAnEmptyListAndTheOtherSpelling() {
        lastfm("tag.getTopArtists", "{\"topartists\":{\"artist\":[],\"@attr\":{\"tag\":\"hip hopp\",\"page\":\"1\","
                                    + "\"perPage\":\"20\",\"totalPages\":\"0\",\"total\":\"0\"}}}");
        JsonNode result = ok("get_tag_top_artists", "{\"tag\":\"hip hopp\"}");
        assertThat(result.at("/structuredContent/artists")).isEmpty();
        assertThat(text(result)).contains("Nobody has tagged artists \"hip hopp\" on Last.fm")
                .contains("also try tag=\"hip-hopp\"")
                .contains("`get_tag_info(tag=\"hip-hopp\")`");
    }

    @Test
    void tagTopAlbumsWithArtists() {
        lastfm("tag.getTopAlbums", "tag.getTopAlbums__metal.json", "tag", "metal", "limit", "20");
        JsonNode result = ok("get_tag_top_albums", "{\"tag\":\"metal\"}");
        assertThat(result.at("/structuredContent/albums/1/artist/name").asText()).isEqualTo("Avenged Sevenfold");
        assertThat(text(result)).contains("\n1. **Ten Thousand Fists** by Disturbed\n2. **City of Evil** by Avenged "
                                          + "Sevenfold\n")
                .contains("29,201 albums carry this tag")
                .contains("`get_album_info(artist=\"Disturbed\", album=\"Ten Thousand Fists\")`");
        lastfm("tag.getTopAlbums", "tag.getTopAlbums__unknown-tag_empty.json");
        JsonNode empty = ok("get_tag_top_albums", "{\"tag\":\"thistagdoesntexist\"}");
        assertThat(empty.at("/structuredContent/albums")).isEmpty();
        assertThat(text(empty)).contains("Nobody has tagged albums \"thistagdoesntexist\"");
    }

    @Test
    void tagTopTracksOneItemListWithUnicodeAndLength() {
        lastfm("tag.getTopTracks", "{\"tracks\":{\"track\":{\"name\":\"Merry Christmas Mr. Lawrence\","
                                   + "\"duration\":\"285\",\"mbid\":\"\",\"url\":\"https://www.last.fm/music/"
                                   + "%E5%9D%82%E6%9C%AC%E9%BE%8D%E4%B8%80/_/Merry+Christmas+Mr.+Lawrence\","
                                   + "\"artist\":{\"name\":\"坂本龍一\",\"mbid\":\"\",\"url\":\"https://www.last.fm/music/"
                                   + "%E5%9D%82%E6%9C%AC%E9%BE%8D%E4%B8%80\"},\"@attr\":{\"rank\":\"1\"}},"
                                   + "\"@attr\":{\"tag\":\"日本\",\"page\":\"1\",\"perPage\":\"20\",\"totalPages\":\"1\","
                                   + "\"total\":\"1\"}}}",
                "tag", "日本");
        JsonNode result = ok("get_tag_top_tracks", "{\"tag\":\"日本\"}");
        assertThat(result.at("/structuredContent/tracks")).hasSize(1);
        assertThat(result.at("/structuredContent/tracks/0/durationSeconds").asInt()).isEqualTo(285);
        assertThat(result.at("/structuredContent/tag").asText()).isEqualTo("日本");
        assertThat(text(result)).startsWith("## Top tracks tagged \"日本\"")
                .contains("\n1. **Merry Christmas Mr. Lawrence** by 坂本龍一 (4:45)\n")
                .doesNotContain("carry this tag")
                .contains("`get_track_info(artist=\"坂本龍一\", track=\"Merry Christmas Mr. Lawrence\")`");
    }

    // ---------------------------------------------------------------- get_global_top_artists / tracks

    @Test
    void worldwideTopArtistsWithListenersAndScrobbles() {
        lastfm("chart.getTopArtists", "chart.getTopArtists__limit10.json", "limit", "3");
        JsonNode result = ok("get_global_top_artists", "{\"limit\":3}");
        assertThat(result.at("/structuredContent/artists")).hasSize(3);
        assertThat(result.at("/structuredContent/country").isMissingNode()).isTrue();
        assertThat(result.at("/structuredContent/artists/0/playcount").asLong()).isEqualTo(497_235_451L);
        assertThat(text(result)).startsWith("## Top artists on Last.fm worldwide")
                .contains("\n1. **The Weeknd** — 3,389,182 listeners · 497,235,451 scrobbles\n")
                .contains("`get_artist_info(artist=\"The Weeknd\")`");
        LASTFM.verify(getRequestedFor(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("chart.getTopArtists"))
                .withoutQueryParam("country"));
    }

    @Test
    void countryTopArtistsUseGeo() {
        lastfm("geo.getTopArtists", "geo.getTopArtists__canada-limit10.json", "country", "Canada", "limit", "20");
        JsonNode result = ok("get_global_top_artists", "{\"country\":\"Canada\"}");
        assertThat(result.at("/structuredContent/country").asText()).isEqualTo("Canada");
        assertThat(result.at("/structuredContent/artists")).hasSize(10);
        assertThat(result.at("/structuredContent/artists/9/rank").asInt()).isEqualTo(10);
        assertThat(text(result)).startsWith("## Top artists on Last.fm in Canada")
                .contains("\n1. **Radiohead** — 6,075,666 listeners\n").doesNotContain("scrobbles")
                .contains("`get_global_top_tracks(limit=10, country=\"Canada\")`")
                .contains("`get_global_top_artists(limit=10)`");
    }

    @Test
    void anUnknownCountryIsAReadableErrorWithTheNameMeant() {
        lastfm("geo.getTopArtists", "geo.getTopArtists__texas-country-invalid-error6.json");
        JsonNode misspelt = error("get_global_top_artists", "{\"country\":\"Germny\"}");
        assertThat(text(misspelt)).startsWith("Last.fm does not know the country \"Germny\". Give the country's "
                                              + "English name as in ISO 3166-1")
                .contains("Did you mean country=\"Germany\"?").doesNotContain("error 6");
        JsonNode city = error("get_global_top_artists", "{\"country\":\"Texas\"}");
        assertThat(text(city)).contains("\"Texas\"").doesNotContain("Did you mean");
        lastfm("geo.getTopTracks", "geo.getTopTracks__texas-country-required-error6.json");
        JsonNode code = error("get_global_top_tracks", "{\"country\":\"DE\"}");
        assertThat(text(code)).contains("Did you mean country=\"Germany\"?");
    }

    @Test
    void otherLastfmErrorsOnCountryChartsAreNotMistakenForAnUnknownCountry() {
        lastfm(403, "geo.getTopArtists", "error__10-invalid-api-key.json");
        JsonNode result = error("get_global_top_artists", "{\"country\":\"Germany\"}");
        assertThat(text(result)).contains("API key").doesNotContain("country");
    }

    @Test
    void worldwideTopTracksWithoutRanksAreNumberedByPosition() {
        lastfm("chart.getTopTracks", "chart.getTopTracks__limit10.json", "limit", "10");
        JsonNode result = ok("get_global_top_tracks", "{\"limit\":10}");
        assertThat(result.at("/structuredContent/tracks")).hasSize(10);
        assertThat(result.at("/structuredContent/tracks/3/rank").asInt()).isEqualTo(4);
        assertThat(result.at("/structuredContent/tracks/0/durationSeconds").isMissingNode()).as("\"0\"").isTrue();
        assertThat(text(result)).startsWith("## Top tracks on Last.fm worldwide")
                .contains("\n1. **vampire** by Olivia Rodrigo — 417,921 listeners · 5,356,360 scrobbles\n")
                .contains("\n8. **I Can See You (Taylor’s Version) (From The Vault)** by Taylor Swift — ")
                .contains("\n4. **See You Again (feat. Kali Uchis)** by Tyler, the Creator — ");
    }

    @Test
    void countryTopTracksZeroBasedRanksComeOutFromOne() {
        lastfm("geo.getTopTracks", "geo.getTopTracks__canada-limit10.json", "country", "Canada", "limit", "3");
        JsonNode result = ok("get_global_top_tracks", "{\"country\":\"Canada\",\"limit\":3}");
        assertThat(result.at("/structuredContent/tracks")).hasSize(3);
        assertThat(result.at("/structuredContent/tracks/0/rank").asInt()).isEqualTo(1);
        assertThat(text(result)).startsWith("## Top tracks on Last.fm in Canada")
                .contains("\n1. **Mr. Brightside** by The Killers — 2,764,662 listeners\n2. **Smells Like Teen Spirit**")
                .contains("\n3. **Can't Feel My Face** by The Weeknd").doesNotContain("Seven Nation Army");
    }

    @Test
    void anEmptyChartSaysSo() {
        lastfm("geo.getTopTracks", "{\"tracks\":{\"track\":[],\"@attr\":{\"country\":\"Tuvalu\",\"page\":\"1\","
                                   + "\"perPage\":\"20\",\"totalPages\":\"0\",\"total\":\"0\"}}}");
        JsonNode result = ok("get_global_top_tracks", "{\"country\":\"Tuvalu\"}");
        assertThat(result.at("/structuredContent/tracks")).isEmpty();
        assertThat(text(result)).contains("Last.fm has no tracks chart for Tuvalu right now")
                .contains("`get_global_top_tracks(limit=10)`");
    }

    @Test
    void chartArgumentsAreValidated() {
        assertThat(text(error("get_global_top_artists", "{\"limit\":101}"))).contains("limit").contains("100");
        assertThat(text(error("get_global_top_tracks", "{\"country\":\"\"}"))).contains("country");
        assertThat(text(error("get_global_top_tracks", "{\"limit\":\"lots\"}"))).contains("limit");
        assertThat(text(error("get_global_top_tracks", "{\"period\":\"7day\"}"))).contains("period");
        assertThat(LASTFM.getAllServeEvents()).isEmpty();
    }
}
