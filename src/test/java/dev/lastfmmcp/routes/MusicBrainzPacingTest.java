package dev.lastfmmcp.routes;

import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.musicbrainz.ArtistDetails;
import dev.lastfmmcp.musicbrainz.Enrichment;
import dev.lastfmmcp.musicbrainz.MusicBrainzRequest;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.UpstreamTestSupport;
import dev.lastfmmcp.support.WireMockUpstreams;
import org.apache.camel.Exchange;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12.2 against a MusicBrainz stand-in as strict as the real one: any request less than 1 s after the previous
 * one gets 503 (its rate-limit message). A search + lookup pair (坂本龍一 has no Last.fm MBID) succeeds; Retry-After
 * is honoured; 4xx never opens the breaker; notes say why.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "musicbrainz.timeout-ms=6000",
                       "musicbrainz.connect-timeout-ms=500", "musicbrainz.http.response-timeout-ms=1500"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MusicBrainzPacingTest extends UpstreamTestSupport {

    static final String SAKAMOTO = "bf9d5d5a-fba8-4f0c-a4f5-5a9d4aa5bf1b";
    static final String SEARCH = "{\"created\":\"2021-04-15T09:03:07.048Z\",\"count\":1,\"offset\":0,\"artists\":[{\"id\":\""
                                 + SAKAMOTO + "\",\"type\":\"Person\",\"score\":100,\"name\":\"坂本龍一\",\"sort-name\":"
                                 + "\"Sakamoto, Ryuichi\",\"country\":\"JP\"}]}";
    static final String LOOKUP = "{\"id\":\"" + SAKAMOTO + "\",\"name\":\"坂本龍一\",\"type\":\"Person\",\"country\":\"JP\","
                                 + "\"life-span\":{\"begin\":\"1952-01-17\",\"end\":\"2023-03-28\",\"ended\":true},"
                                 + "\"genres\":[{\"name\":\"ambient\",\"count\":3}],\"relations\":[]}";

    /** 503 with MusicBrainz's rate-limit body for any request arriving less than a second after the one before. */
    static final class StrictOnePerSecond implements ResponseTransformerV2 {
        private final AtomicLong last = new AtomicLong();

        void forget() {
            last.set(0);
        }

        @Override
        public Response transform(Response response, ServeEvent serveEvent) {
            long arrived = serveEvent.getRequest().getLoggedDate().getTime();
            long previous = last.getAndSet(arrived);
            if (previous != 0 && arrived - previous < 1000) {
                return Response.Builder.like(response).but().status(503)
                        .body(Fixtures.musicbrainz("error__503-rate-limited.json")).build();
            }
            return response;
        }

        @Override
        public String getName() {
            return "strict-one-per-second";
        }
    }

    private final StrictOnePerSecond strict = new StrictOnePerSecond();

    @Override
    protected WireMockServer startMusicBrainz() {
        return WireMockUpstreams.start(strict);
    }

    @BeforeEach
    void reset() {
        MUSICBRAINZ.resetAll();
        if (context != null) {
            context.getRegistry().lookupByNameAndType("musicbrainz-enrichment",
                    com.github.benmanes.caffeine.cache.Cache.class).invalidateAll();
            context.getProcessor("musicbrainz-breaker", ResilienceProcessor.class).getCircuitBreaker().reset();
            // a 120 s Retry-After of one test holds requests back: the next test starts on a fresh budget, and the
            // stand-in forgets the last request with it
            context.getRegistry().lookupByNameAndType("musicbrainzPacer", dev.lastfmmcp.upstream.Pacer.class).reset();
            strict.forget();
        }
    }

    private Enrichment lookup(MusicBrainzRequest request) {
        Exchange exchange = context.createProducerTemplate().send("direct:musicbrainz-lookup",
                e -> e.setVariable("musicbrainz", request));
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(Enrichment.class);
    }

    private static List<Long> times() {
        return MUSICBRAINZ.findAll(getRequestedFor(urlPathMatching("/ws/2/.*"))).stream()
                .map(LoggedRequest::getLoggedDate).map(Date::getTime).sorted().toList();
    }

    private void breakerIs(String state) {
        assertThat(context.getProcessor("musicbrainz-breaker", ResilienceProcessor.class).getCircuitBreakerState())
                .isEqualTo(state);
    }

    @Test
    void backToBackSearchAndLookupPairsSucceedUnderAStrictOnePerSecondLimit() {
        MUSICBRAINZ.stubFor(get(urlPathEqualTo("/ws/2/artist")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(SEARCH)));
        MUSICBRAINZ.stubFor(get(urlPathEqualTo("/ws/2/artist/" + SAKAMOTO)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(LOOKUP)));
        ArtistDetails sakamoto = lookup(MusicBrainzRequest.artist(null, "坂本龍一")).as(ArtistDetails.class);
        assertThat(sakamoto).as("found through search + lookup").isNotNull();
        assertThat(sakamoto.genres()).containsExactly("ambient");
        context.getRegistry().lookupByNameAndType("musicbrainz-enrichment",
                com.github.benmanes.caffeine.cache.Cache.class).invalidateAll();
        assertThat(lookup(MusicBrainzRequest.artist(null, "坂本龍一")).as(ArtistDetails.class)).isNotNull();
        List<Long> times = times();
        assertThat(times).hasSize(4);
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).as("gap before GET %d", i).isGreaterThanOrEqualTo(1000);
        }
        assertThat(MUSICBRAINZ.getAllServeEvents()).allSatisfy(event ->
                assertThat(event.getResponse().getStatus()).isEqualTo(200));
    }

    @Test
    void aRetryAfterOn503IsWaitedForOnce() {
        MUSICBRAINZ.stubFor(get(urlPathEqualTo("/ws/2/artist/" + SAKAMOTO)).inScenario("busy")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")
                        .withBody(Fixtures.musicbrainz("error__503-rate-limited.json"))).willSetStateTo("ok"));
        MUSICBRAINZ.stubFor(get(urlPathEqualTo("/ws/2/artist/" + SAKAMOTO)).inScenario("busy")
                .whenScenarioStateIs("ok").willReturn(aResponse().withStatus(200).withBody(LOOKUP)));
        assertThat(lookup(MusicBrainzRequest.artist(SAKAMOTO, "坂本龍一")).as(ArtistDetails.class)).isNotNull();
        List<Long> times = times();
        assertThat(times).hasSize(2);
        assertThat(times.get(1) - times.get(0)).as("Retry-After: 2 honoured").isGreaterThanOrEqualTo(1900);
        breakerIs("CLOSED");
    }

    @Test
    void aLongRetryAfterIsNotWaitedForAndTheNoteSaysRateLimited() {
        MUSICBRAINZ.stubFor(get(urlPathMatching("/ws/2/.*")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "120").withBody(Fixtures.musicbrainz("error__503-rate-limited.json"))));
        long start = System.nanoTime();
        Enrichment enrichment = lookup(MusicBrainzRequest.artist(SAKAMOTO, "坂本龍一"));
        assertThat(enrichment.isFound()).isFalse();
        assertThat(enrichment.note()).isEqualTo("MusicBrainz is unavailable right now: it is rate-limiting this "
                + "server (try again in 120 s), so this answer has no MusicBrainz details");
        assertThat(MUSICBRAINZ.getAllServeEvents()).hasSize(1);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4000);
        breakerIs("CLOSED");
        // the pacer now holds requests back (up to a minute) instead of hammering: the next enrichment is "busy"
        assertThat(lookup(MusicBrainzRequest.artist(SAKAMOTO, "坂本龍一")).note()).startsWith("MusicBrainz is busy");
        assertThat(MUSICBRAINZ.getAllServeEvents()).hasSize(1);
    }

    @Test
    void refusedRequestsNeverOpenTheBreakerButOutagesDo() {
        MUSICBRAINZ.stubFor(get(urlPathMatching("/ws/2/.*")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"foobar is not a valid inc parameter for the artist resource.\"}")));
        for (int i = 0; i < 6; i++) {
            String mbid = "00000000-0000-4000-8000-00000000000" + i;
            Enrichment refused = lookup(MusicBrainzRequest.artist(mbid, "Artist " + i));
            assertThat(refused.note()).as("times %s", times()).isEqualTo("MusicBrainz refused the request for Artist " + i
                    + " (HTTP 400), so this answer has no MusicBrainz details");
        }
        breakerIs("CLOSED");

        MUSICBRAINZ.resetAll();
        MUSICBRAINZ.stubFor(get(urlPathMatching("/ws/2/.*")).willReturn(aResponse().withStatus(502)));
        for (int i = 0; i < 5; i++) {
            assertThat(lookup(MusicBrainzRequest.artist("00000000-0000-4000-8000-00000000001" + i, "Down " + i))
                    .note()).isEqualTo("MusicBrainz is unavailable right now (HTTP 502), so this answer has no "
                                       + "MusicBrainz details");
        }
        breakerIs("OPEN");
        assertThat(lookup(MusicBrainzRequest.artist("00000000-0000-4000-8000-000000000020", "Anyone")).note())
                .isEqualTo("MusicBrainz is unavailable right now (its circuit breaker is open after repeated "
                           + "failures), so this answer has no MusicBrainz details");
        assertThat(MUSICBRAINZ.getAllServeEvents()).as("nothing sent while open").hasSize(5);
    }
}
