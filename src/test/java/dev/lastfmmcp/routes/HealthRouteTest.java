package dev.lastfmmcp.routes;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.lastfm.LastfmCaches;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.RawMcp;
import dev.lastfmmcp.support.UpstreamTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** /health with an API key: UP, DEGRADED while Last.fm refuses the key or the breaker is open, and HEAD. */
@CamelMainTest(configurationClasses = AppConfiguration.class, properties = {"camel.server.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthRouteTest extends UpstreamTestSupport {

    @BeforeEach
    void reset() {
        LASTFM.resetAll();
        if (context != null) {
            context.getRegistry().lookupByNameAndType("lastfmCaches", LastfmCaches.class).answers().invalidateAll();
            breaker().getCircuitBreaker().reset();
        }
    }

    private ResilienceProcessor breaker() {
        return context.getProcessor("lastfm-breaker", ResilienceProcessor.class);
    }

    private JsonNode health(int expectedStatus) {
        RawMcp.Reply reply = mcp().send("GET", "/health", null, Map.of());
        assertThat(reply.status()).isEqualTo(expectedStatus);
        return reply.json();
    }

    private Exchange call(String artist) {
        return context.createProducerTemplate().send("direct:lastfm-call",
                exchange -> exchange.setVariable("lastfm", LastfmRequest.of("artist.getInfo", "artist", artist)));
    }

    @Test
    void upWithAKeyAndEveryCheckListed() {
        JsonNode health = health(200);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.has("reasons")).isFalse();
        assertThat(health.get("checks").fieldNames()).toIterable()
                .containsExactly("camel", "infinispan", "lastfm-api-key", "lastfm-breaker", "heap");
        assertThat(health.at("/checks/heap/detail").asText()).contains("% of the").contains("threshold 90 %");
    }

    @Test
    void aRefusedKeyIsDegradedUntilLastfmAcceptsItAgain() {
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("artist.getInfo"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":10,\"message\":\"Invalid API key - You must be granted a valid key by"
                                  + " last.fm\"}")));
        call("Cher");
        JsonNode health = health(200);
        assertThat(health.get("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.at("/checks/lastfm-api-key/status").asText()).isEqualTo("DEGRADED");
        assertThat(health.get("reasons").get(0).asText())
                .startsWith("lastfm-api-key: Last.fm refused the API key (error 10) at ").endsWith("check LASTFM_API_KEY");

        LASTFM.resetAll();
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("artist.getInfo"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.lastfm("artist.getInfo__the-weeknd.json"))));
        assertThat(call("The Weeknd").getException()).isNull();
        assertThat(health(200).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void anOpenBreakerIsDegraded() {
        breaker().transitionToOpenState();
        JsonNode health = health(200);
        assertThat(health.get("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.at("/checks/lastfm-breaker/status").asText()).isEqualTo("DEGRADED");
        assertThat(health.get("reasons").get(0).asText()).contains("Last.fm circuit breaker is open");
        breaker().transitionToCloseState();
        assertThat(health(200).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void headAnswersWithTheStatusAndNoBody() {
        RawMcp.Reply reply = mcp().send("HEAD", "/health", null, Map.of());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEmpty();
        assertThat(reply.header("Content-Type")).startsWith("application/json");
    }
}
