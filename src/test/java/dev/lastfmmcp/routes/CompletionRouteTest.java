package dev.lastfmmcp.routes;

import com.fasterxml.jackson.databind.JsonNode;
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
 * completion/complete through the real routes against WireMock Last.fm: each kind of argument, the Last.fm method and
 * parameters it uses, the cache in front of it, and an empty completion when Last.fm cannot answer.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class, properties = {"camel.server.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompletionRouteTest extends ToolTestSupport {

    private JsonNode complete(String ref, String argument, String value, String context) {
        JsonNode response = mcp().request(session(), 11, "completion/complete", "{\"ref\":" + ref
                + ",\"argument\":{\"name\":\"" + argument + "\",\"value\":\"" + value + "\"}"
                + (context == null ? "" : ",\"context\":{\"arguments\":" + context + "}") + "}");
        assertThat(response.has("result")).as("%s", response).isTrue();
        JsonNode completion = response.at("/result/completion");
        assertThat(completion.get("values").size()).isLessThanOrEqualTo(100);
        assertThat(completion.get("total").asInt()).isGreaterThanOrEqualTo(completion.get("values").size());
        assertThat(completion.get("hasMore").asBoolean())
                .isEqualTo(completion.get("total").asInt() > completion.get("values").size());
        return completion;
    }

    private static String prompt(String name) {
        return "{\"type\":\"ref/prompt\",\"name\":\"" + name + "\"}";
    }

    private static String template(String uri) {
        return "{\"type\":\"ref/resource\",\"uri\":\"" + uri + "\"}";
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder lastfmRequest(String method) {
        return getRequestedFor(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo(method));
    }

    @Test
    void theCapabilityIsDeclared() {
        JsonNode init = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
                                   + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{"
                                   + "\"name\":\"t\",\"version\":\"1\"}}}", null).json();
        assertThat(init.at("/result/capabilities/completions").isObject()).isTrue();
        assertThat(init.at("/result/capabilities/resources/subscribe").asBoolean(false)).isTrue();
    }

    @Test
    void periodsAndTimeframesCompleteFromTheirChoicesWithoutLastfm() {
        assertThat(complete(prompt("listening_insights"), "period", "", null).get("values"))
                .extracting(JsonNode::asText).containsExactly("7day", "1month", "3month", "6month", "12month",
                        "overall");
        assertThat(complete(prompt("listening_habits"), "timeframe", "c", null).get("values"))
                .extracting(JsonNode::asText).containsExactly("comparative");
        assertThat(complete(template("lastfm://user/{username}/top-artists"), "period", "12", null).get("values"))
                .extracting(JsonNode::asText).containsExactly("12month");
        assertThat(complete(prompt("listening_insights"), "username", "r", null).get("values")).isEmpty();
        assertThat(LASTFM.getAllServeEvents()).isEmpty();
    }

    @Test
    void artistsFromArtistSearchOrTheChartForAnEmptyPrefix() {
        lastfm("artist.search", "artist.search__rammstein.json");
        JsonNode completion = complete(prompt("artist_analysis"), "artist", "rammst", null);
        assertThat(completion.get("values")).extracting(JsonNode::asText).containsExactly("Rammstein");
        assertThat(completion.get("total").asInt()).isEqualTo(13809);
        assertThat(completion.get("hasMore").asBoolean()).isTrue();
        LASTFM.verify(lastfmRequest("artist.search").withQueryParam("artist", equalTo("rammst"))
                .withQueryParam("limit", equalTo("50")));

        lastfm("chart.getTopArtists", "chart.getTopArtists__limit10.json");
        assertThat(complete(template("lastfm://artist/{artist}"), "artist", "", null).get("values"))
                .extracting(JsonNode::asText).startsWith("The Weeknd", "Taylor Swift").hasSize(10);
    }

    @Test
    void tracksAreNarrowedByTheArtistInTheContext() {
        lastfm("track.search", "track.search__hells-bells.json");
        JsonNode completion = complete(template("lastfm://track/{artist}/{track}"), "track", "hells b",
                "{\"artist\":\"AC/DC\"}");
        assertThat(completion.get("values")).extracting(JsonNode::asText).containsExactly("Hells Bells",
                "Hell's Bells");
        LASTFM.verify(lastfmRequest("track.search").withQueryParam("track", equalTo("hells b"))
                .withQueryParam("artist", equalTo("AC/DC")));

        complete(prompt("track_analysis"), "track", "hells b", null);
        LASTFM.verify(lastfmRequest("track.search").withQueryParam("track", equalTo("hells b"))
                .withQueryParam("artist", absent()));

        lastfm("artist.getTopTracks", "artist.getTopTracks__chris-cornell.json");
        assertThat(complete(prompt("track_analysis"), "track", "", "{\"artist\":\"Chris Cornell\"}").get("values"))
                .extracting(JsonNode::asText).startsWith("You Know My Name", "Billie Jean");
    }

    @Test
    void albumsBySearchOrNarrowedFromTheArtistsTopAlbums() {
        lastfm("album.search", "album.search__legacy-multiple.json");
        assertThat(complete(prompt("album_analysis"), "album", "taken by", null).get("values"))
                .extracting(JsonNode::asText).contains("Taken by the Throat", "Seizing Fate By the Throat");
        LASTFM.verify(lastfmRequest("album.search").withQueryParam("album", equalTo("taken by")));

        lastfm("artist.getTopAlbums", "artist.getTopAlbums__soundgarden.json");
        JsonNode completion = complete(template("lastfm://album/{artist}/{album}"), "album", "superunk",
                "{\"artist\":\"Soundgarden\"}");
        assertThat(completion.get("values")).extracting(JsonNode::asText).containsExactly("Superunknown",
                "Superunknown (Deluxe Edition)", "Superunknown (20th Anniversary)", "Superunknown (Super Deluxe)",
                "Superunknown (Commentary)", "Superunknown (20th Anniversary Super Deluxe)",
                "Songs From The Superunknown");
        assertThat(completion.get("hasMore").asBoolean()).isFalse();
        LASTFM.verify(lastfmRequest("artist.getTopAlbums").withQueryParam("artist", equalTo("Soundgarden"))
                .withQueryParam("limit", equalTo("100")));
    }

    @Test
    void genresFromTheTopTagsThroughTheCache() {
        lastfm("chart.getTopTags", "{\"tags\":{\"tag\":[{\"name\":\"rock\",\"reach\":\"399561\",\"taggings\":"
                                   + "\"4026340\"},{\"name\":\"electronic\",\"reach\":\"260000\"},{\"name\":"
                                   + "\"indie rock\",\"reach\":\"150000\"},"
                                   + "{\"name\":\"Post-Rock\",\"reach\":\"90000\"},"
                                   + "{\"name\":\"hip-hop\",\"reach\":\"80000\"}],\"@attr\":{\"page\":\"1\","
                                   + "\"perPage\":\"500\",\"totalPages\":\"5600\",\"total\":\"2806844\"}}}");
        assertThat(complete(prompt("music_discovery"), "genre", "ro", null).get("values"))
                .extracting(JsonNode::asText).containsExactly("rock", "indie rock", "Post-Rock");
        assertThat(complete(prompt("music_discovery"), "genre", "", null).get("values"))
                .extracting(JsonNode::asText).containsExactly("rock", "electronic", "indie rock", "Post-Rock",
                        "hip-hop");
        assertThat(complete(prompt("music_discovery"), "genre", "HIP", null).get("values"))
                .extracting(JsonNode::asText).containsExactly("hip-hop");
        LASTFM.verify(1, lastfmRequest("chart.getTopTags").withQueryParam("limit", equalTo("500")));
    }

    @Test
    void whenLastfmCannotAnswerTheCompletionIsEmpty() {
        lastfm("artist.search", "error__10-invalid-api-key.json");
        JsonNode completion = complete(prompt("artist_analysis"), "artist", "cher", null);
        assertThat(completion.get("values")).isEmpty();
        assertThat(completion.get("total").asInt()).isZero();
        assertThat(completion.get("hasMore").asBoolean()).isFalse();
        lastfm(503, "chart.getTopTags", "{\"message\":\"down\"}");
        assertThat(complete(prompt("music_discovery"), "genre", "ro", null).get("values")).isEmpty();
    }

    @Test
    void unknownPromptsTemplatesAndArgumentsAreInvalidParams() {
        for (String params : new String[] {
            "{\"ref\":" + prompt("nope") + ",\"argument\":{\"name\":\"artist\",\"value\":\"a\"}}",
            "{\"ref\":" + prompt("artist_analysis") + ",\"argument\":{\"name\":\"genre\",\"value\":\"a\"}}",
            "{\"ref\":" + template("lastfm://nothing/{x}") + ",\"argument\":{\"name\":\"x\",\"value\":\"a\"}}",
            "{\"ref\":{\"type\":\"ref/unknown\"},\"argument\":{\"name\":\"x\",\"value\":\"a\"}}", "{}"}) {
            assertThat(mcp().request(session(), 12, "completion/complete", params).at("/error/code").asInt())
                    .as(params).isEqualTo(-32602);
        }
        assertThat(LASTFM.getAllServeEvents()).isEmpty();
    }
}
