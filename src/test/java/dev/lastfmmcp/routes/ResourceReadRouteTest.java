package dev.lastfmmcp.routes;

import java.util.LinkedHashMap;
import java.util.Map;

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
 * resources/read through the real routes against WireMock Last.fm: every template on fixtures gives exactly the
 * structured content of its tool, names are decoded per segment (Unicode, "/"), query parameters reach Last.fm, and
 * failures are the right JSON-RPC errors.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class, properties = {"camel.server.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourceReadRouteTest extends ToolTestSupport {

    private static final String WEEKND_MBID = "c8b03190-306c-4120-bb0b-6f2ebfc06ea9";

    private JsonNode read(String uri) {
        return mcp().request(session(), 7, "resources/read", "{\"uri\":" + Fixtures.write(uri) + "}");
    }

    /** The one content of a successful read, checked for URI and type, as JSON. */
    private JsonNode contents(String uri) {
        JsonNode response = read(uri);
        assertThat(response.has("result")).as("read of %s: %s", uri, response).isTrue();
        JsonNode contents = response.at("/result/contents");
        assertThat(contents).hasSize(1);
        assertThat(contents.at("/0/uri").asText()).isEqualTo(uri);
        assertThat(contents.at("/0/mimeType").asText()).isEqualTo("application/json");
        return Fixtures.json(contents.at("/0/text").asText());
    }

    private JsonNode error(String uri, int code) {
        JsonNode response = read(uri);
        assertThat(response.at("/error/code").asInt()).as("%s", response).isEqualTo(code);
        assertThat(response.at("/error/data/uri").asText()).isEqualTo(uri);
        assertThat(response.has("result")).isFalse();
        return response.get("error");
    }

    @Test
    void everyTemplateReadsAsItsToolsStructuredContent() {
        lastfm("track.getInfo", "track.getInfo__linkin-park_one-step-closer.json");
        lastfm("artist.getInfo", "artist.getInfo__the-weeknd.json");
        musicbrainz("artist/" + WEEKND_MBID, "{\"id\":\"" + WEEKND_MBID + "\",\"name\":\"The Weeknd\","
                                             + "\"type\":\"Person\",\"country\":\"CA\"}");
        lastfm("album.getInfo", "album.getInfo__metallica_metallica_lang-de.json");
        lastfm("user.getRecentTracks", "user.getRecentTracks__frikandel_-limit1.json");
        lastfm("user.getTopArtists", "user.getTopArtists__aidan-_limit3.json");
        lastfm("user.getTopAlbums", "user.getTopAlbums__aidan-_limit3.json");
        lastfm("user.getLovedTracks", "user.getLovedTracks__TyphoonsNotABot-limit1.json");
        lastfm("user.getInfo", "user.getInfo__TyphoonsNotABot.json");
        lastfm("artist.getSimilar", "artist.getSimilar__metallica.json");
        lastfm("track.getSimilar", "track.getSimilar__disturbed_stricken.json");

        Map<String, String> readsAndCalls = new LinkedHashMap<>();
        readsAndCalls.put("lastfm://track/Linkin%20Park/One%20Step%20Closer",
                "get_track_info|{\"artist\":\"Linkin Park\",\"track\":\"One Step Closer\"}");
        readsAndCalls.put("lastfm://artist/The%20Weeknd", "get_artist_info|{\"artist\":\"The Weeknd\"}");
        readsAndCalls.put("lastfm://album/Metallica/Metallica",
                "get_album_info|{\"artist\":\"Metallica\",\"album\":\"Metallica\"}");
        readsAndCalls.put("lastfm://user/frikandel_/recent?limit=1",
                "get_recent_tracks|{\"username\":\"frikandel_\",\"limit\":1}");
        readsAndCalls.put("lastfm://user/aidan-/top-artists?period=7day&limit=3",
                "get_top_artists|{\"username\":\"aidan-\",\"period\":\"7day\",\"limit\":3}");
        readsAndCalls.put("lastfm://user/aidan-/top-albums", "get_top_albums|{\"username\":\"aidan-\"}");
        readsAndCalls.put("lastfm://user/TyphoonsNotABot/loved?limit=1&page=1",
                "get_loved_tracks|{\"username\":\"TyphoonsNotABot\",\"limit\":1}");
        readsAndCalls.put("lastfm://user/TyphoonsNotABot/profile", "get_user_info|{\"username\":\"TyphoonsNotABot\"}");
        readsAndCalls.put("lastfm://artist/Metallica/similar?limit=10",
                "get_similar_artists|{\"artist\":\"Metallica\",\"limit\":10}");
        readsAndCalls.put("lastfm://track/Disturbed/Stricken/similar",
                "get_similar_tracks|{\"artist\":\"Disturbed\",\"track\":\"Stricken\"}");

        readsAndCalls.forEach((uri, call) -> {
            String[] parts = call.split("\\|", 2);
            JsonNode resource = contents(uri);
            JsonNode structured = ok(parts[0], parts[1]).get("structuredContent");
            assertThat(resource).as("%s is the structured content of %s", uri, call).isEqualTo(structured);
            assertThat(resource.isEmpty()).isFalse();
        });
        assertThat(contents("lastfm://artist/The%20Weeknd").at("/musicbrainz/country").asText()).isEqualTo("CA");
        assertThat(contents("lastfm://user/aidan-/top-artists?period=7day&limit=3").get("period").asText())
                .isEqualTo("7day");
    }

    @Test
    void eachPathSegmentIsOnePercentDecodedName() {
        lastfm("track.getSimilar", "{\"similartracks\":{\"track\":[],\"@attr\":{\"artist\":\"AC/DC\"}}}");
        JsonNode similar = contents("lastfm://track/AC%2FDC/Hells%20Bells/similar");
        assertThat(similar.get("artist").asText()).isEqualTo("AC/DC");
        assertThat(similar.get("tracks")).isEmpty();
        LASTFM.verify(getRequestedFor(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("track.getSimilar"))
                .withQueryParam("artist", equalTo("AC/DC")).withQueryParam("track", equalTo("Hells Bells")));

        lastfm("track.getInfo", "{\"track\":{\"name\":\"Hoppípolla\",\"url\":\"https://www.last.fm/music/"
                                + "Sigur+R%C3%B3s/_/Hopp%C3%ADpolla\",\"duration\":\"268000\",\"listeners\":\"612345\",\"playcount\":"
                                + "\"4567890\",\"artist\":{\"name\":\"Sigur Rós\",\"url\":\"https://www.last.fm/music/"
                                + "Sigur+R%C3%B3s\"},\"toptags\":{\"tag\":[]}}}",
                "artist", "Sigur Rós", "track", "Hoppípolla");
        JsonNode track = contents("lastfm://track/Sigur%20R%C3%B3s/Hopp%C3%ADpolla");
        assertThat(track.at("/track/name").asText()).isEqualTo("Hoppípolla");
        assertThat(track.at("/track/artist/name").asText()).isEqualTo("Sigur Rós");
        assertThat(track.at("/track/durationSeconds").asInt()).isEqualTo(268);

        lastfm("user.getInfo", "user.getInfo__TyphoonsNotABot.json", "user", "TyphoonsNotABot");
        assertThat(contents("lastfm://user/TyphoonsNotABot/profile").at("/user/name").asText())
                .isEqualTo("TyphoonsNotABot");
        // the same URI with a fragment, and in an upper-case scheme, reads the same resource
        assertThat(read("LASTFM://user/TyphoonsNotABot/profile#top").at("/result/contents/0/uri").asText())
                .isEqualTo("LASTFM://user/TyphoonsNotABot/profile#top");
    }

    @Test
    void queryParametersReachLastfmAndAreCheckedLikeToolArguments() {
        lastfm("user.getTopAlbums", "user.getTopAlbums__aidan-_limit3.json");
        contents("lastfm://user/aidan-/top-albums?period=6month&limit=3&page=2");
        LASTFM.verify(getRequestedFor(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("user.getTopAlbums"))
                .withQueryParam("user", equalTo("aidan-")).withQueryParam("period", equalTo("6month"))
                .withQueryParam("limit", equalTo("3")).withQueryParam("page", equalTo("2")));
        lastfm("user.getRecentTracks", "user.getRecentTracks__frikandel_-limit1.json");
        JsonNode recent = contents("lastfm://user/frikandel_/recent?limit=1&timezone=Europe/Paris");
        assertThat(recent.get("timezone").asText()).isEqualTo("Europe/Paris");

        LASTFM.resetRequests();
        assertThat(error("lastfm://user/aidan-/top-albums?period=weekly", -32602).get("message").asText())
                .startsWith("Invalid resource URI lastfm://user/aidan-/top-albums?period=weekly: period: ")
                .contains("7day");
        assertThat(error("lastfm://user/aidan-/top-albums?limit=5000", -32602).get("message").asText())
                .contains("limit: ").contains("1000");
        assertThat(error("lastfm://user/aidan-/loved?limit=ten", -32602).get("message").asText()).contains("limit");
        assertThat(error("lastfm://user/aidan-/loved?period=7day", -32602).get("message").asText())
                .contains("takes the query parameters limit, page, not 'period'");
        assertThat(error("lastfm://artist/" + "x".repeat(501), -32602).get("message").asText()).contains("artist");
        assertThat(LASTFM.getAllServeEvents()).isEmpty();
    }

    @Test
    void whatLastfmDoesNotKnowIsResourceNotFound() {
        lastfm(404, "artist.getInfo", "artist.getInfo__unknown-artist-error6.json");
        assertThat(error("lastfm://artist/Nonexistent%20Artist%20Zzz", -32002).get("message").asText())
                .startsWith("Resource not found: lastfm://artist/Nonexistent%20Artist%20Zzz. Artist not found");
        lastfm("user.getInfo", "user.getInfo__unknown-user-error6.json");
        assertThat(error("lastfm://user/nobodyhere/profile", -32002).get("message").asText())
                .contains("User not found");
        lastfm("track.getInfo", "track.getInfo__fake-artist_fake-track_no-error.json");
        assertThat(error("lastfm://track/Fake%20Artist/Fake%20Track", -32002).get("message").asText())
                .contains("Track not found: Fake Track by Fake Artist.");
        lastfm("album.getInfo", "album.getInfo__unknown-album-error6.json");
        error("lastfm://album/Metallica/No%20Such%20Album", -32002);
        lastfm("artist.getSimilar", "artist.getSimilar__unknown-artist-error6.json");
        error("lastfm://artist/Nobody%20Known/similar", -32002);
    }

    @Test
    void urisNoTemplateFitsAreResourceNotFoundWithoutAnyUpstreamCall() {
        for (String uri : new String[] {"lastfm://artist/AC/DC", "lastfm://playlist/1", "lastfm://user/rj/friends",
                "https://www.last.fm/music/Cher", "lastfm://artist/"}) {
            assertThat(error(uri, -32002).get("message").asText()).startsWith("Resource not found: " + uri + ".");
        }
        assertThat(mcp().request(session(), 8, "resources/read", "{}").at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(LASTFM.getAllServeEvents()).isEmpty();
    }

    @Test
    void upstreamFailuresAreInternalErrorsWithTheToolsSentence() {
        lastfm("user.getRecentTracks", "user.getRecentTracks__private-history-error17.json");
        assertThat(error("lastfm://user/hidden/recent", -32603).get("message").asText())
                .startsWith("Could not read lastfm://user/hidden/recent: ")
                .contains("get_top_artists(username=\"hidden\")");
        lastfm("user.getLovedTracks", "error__10-invalid-api-key.json");
        assertThat(error("lastfm://user/rj/loved", -32603).get("message").asText())
                .startsWith("Could not read lastfm://user/rj/loved: ").containsIgnoringCase("API key");
        lastfm(503, "artist.getSimilar", "{\"message\":\"Service Unavailable\"}");
        assertThat(error("lastfm://artist/Cher/similar", -32603).get("message").asText())
                .startsWith("Could not read lastfm://artist/Cher/similar: ").doesNotContain("Exception");
    }

    @Test
    void templatesListShowsTheTenTemplates() {
        JsonNode templates = mcp().request(session(), 9, "resources/templates/list", null)
                .at("/result/resourceTemplates");
        assertThat(templates).hasSize(10);
        assertThat(templates.get(0).get("uriTemplate").asText()).isEqualTo("lastfm://track/{artist}/{track}");
        templates.forEach(t -> assertThat(t.get("mimeType").asText()).isEqualTo("application/json"));
        assertThat(mcp().request(session(), 10, "resources/list", null).at("/result/resources")).isEmpty();
    }
}
