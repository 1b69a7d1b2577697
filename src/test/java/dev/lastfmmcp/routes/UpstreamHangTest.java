package dev.lastfmmcp.routes;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.RawMcp;
import dev.lastfmmcp.support.ToolTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11.3: a hanging MusicBrainz or Last.fm never turns get_artist_info into -32603, "failed unexpectedly" or an
 * HTTP 500 with id null. The first calls on a fresh context each get a proper tool result, in bounded time (small
 * timeouts here; every HTTP attempt ends before its call's deadline, so no abandoned attempt is left to land later).
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0",
                       "musicbrainz.timeout-ms=1500", "musicbrainz.connect-timeout-ms=200",
                       "musicbrainz.http.response-timeout-ms=400", "musicbrainz.throttle.interval-ms=100",
                       "lastfm.timeout-ms=1500", "lastfm.connect-timeout-ms=200", "lastfm.http.response-timeout-ms=400",
                       "lastfm.throttle.max-queue-wait=800ms", "lastfm.retry.initial-delay-ms=50"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamHangTest extends ToolTestSupport {

    private JsonNode rawCall(String artist) {
        RawMcp.Reply reply = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":"
                                        + "\"get_artist_info\",\"arguments\":{\"artist\":\"" + artist + "\"}}}", session());
        assertThat(reply.status()).as("HTTP status: %s", reply.body()).isEqualTo(200);
        JsonNode response = reply.json();
        assertThat(response.get("id").asInt()).as("id echoed: %s", response).isEqualTo(7);
        assertThat(response.has("error")).as("no JSON-RPC error: %s", response).isFalse();
        return response.get("result");
    }

    @Test
    void aHangingMusicBrainzNeverFailsTheTool() {
        lastfm("artist.getInfo", "artist.getInfo__the-weeknd.json");
        MUSICBRAINZ.stubFor(get(urlPathMatching("/ws/2/.*")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(3000).withBody("{}")));
        for (int i = 0; i < 4; i++) {
            long start = System.nanoTime();
            JsonNode result = rawCall("The Weeknd " + i);
            assertThat(result.path("isError").asBoolean(false)).as("call %d: %s", i, result).isFalse();
            assertThat(result.at("/structuredContent/artist/name").asText()).isEqualTo("The Weeknd");
            assertThat(result.at("/structuredContent/musicbrainzNote").asText())
                    .isEqualTo("MusicBrainz is unavailable right now (no answer in time), so this answer has no "
                               + "MusicBrainz details");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        }
        // the same through the schema-checking helper (structured content valid against the outputSchema)
        ok("get_artist_info", "{\"artist\":\"The Weeknd again\"}");
    }

    @Test
    void aHangingLastfmIsAToolErrorThatSaysSo() {
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(200).withFixedDelay(3000)
                .withBody("{}")));
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            JsonNode result = rawCall("Slowpoke " + i);
            assertThat(result.path("isError").asBoolean(false)).as("call %d: %s", i, result).isTrue();
            assertThat(text(result)).as("call %d", i).startsWith("Last.fm is unavailable right now (no answer in time)")
                    .doesNotContain("unexpectedly");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        }
    }
}
