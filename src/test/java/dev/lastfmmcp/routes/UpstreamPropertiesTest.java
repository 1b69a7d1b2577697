package dev.lastfmmcp.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.UpstreamTestSupport;
import dev.lastfmmcp.support.WireMockUpstreams;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WireMock stand-ins reach the app as the test framework's override properties, not as JVM system properties:
 * the booted app resolves them, a key the class sets itself wins, and the JVM's system properties stay untouched.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "lastfm.shared-secret=set-by-the-class"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamPropertiesTest extends UpstreamTestSupport {

    @Test
    void theAppResolvesTheStandInsAndNoSystemPropertyIsSet() {
        assertThat(context.resolvePropertyPlaceholders("{{lastfm.api-url}}"))
                .isEqualTo("http://127.0.0.1:" + LASTFM.port() + "/2.0/");
        assertThat(context.resolvePropertyPlaceholders("{{musicbrainz.api-url}}"))
                .isEqualTo("http://127.0.0.1:" + MUSICBRAINZ.port() + "/ws/2/");
        assertThat(context.resolvePropertyPlaceholders("{{lastfm.api-key}}")).isEqualTo(WireMockUpstreams.API_KEY);
        for (String key : new String[] {"lastfm.api-url", "lastfm.api-key", "lastfm.shared-secret",
                "musicbrainz.api-url"}) {
            assertThat(System.getProperty(key)).as("system property %s", key).isNull();
        }
    }

    @Test
    void aKeyTheClassSetsWins() {
        assertThat(context.resolvePropertyPlaceholders("{{lastfm.shared-secret}}")).isEqualTo("set-by-the-class");
    }

    @Test
    void theAppCallsTheStandIn() {
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(Fixtures.lastfm("user.getInfo__TyphoonsNotABot.json"))));
        JsonNode result = mcp().request(session(), 1, "tools/call",
                "{\"name\":\"get_user_info\",\"arguments\":{\"username\":\"TyphoonsNotABot\"}}").get("result");
        assertThat(result.path("isError").asBoolean()).isFalse();
        assertThat(LASTFM.getAllServeEvents()).isNotEmpty();
    }
}
