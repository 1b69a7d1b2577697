package dev.lastfmmcp.routes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.mcp.ServerIdentity;
import dev.lastfmmcp.lastfm.LastfmCaches;
import dev.lastfmmcp.lastfm.LastfmErrorKind;
import dev.lastfmmcp.lastfm.LastfmException;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.LastfmSigner;
import dev.lastfmmcp.lastfm.SingleFlight;
import dev.lastfmmcp.lastfm.model.ArtistInfo;
import dev.lastfmmcp.lastfm.model.TopArtists;
import dev.lastfmmcp.support.UpstreamTestSupport;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.WireMockUpstreams;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/** direct:lastfm-call against a WireMock Last.fm: signing, encoding, cache, single-flight, throttle, retry, breaker. */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.project-url=https://example.org/lastfm-mcp",
                       "lastfm.retry.initial-delay-ms=50", "lastfm.retry.max-retries=3",
                       "lastfm.timeout-ms=3500", "lastfm.breaker.open-seconds=60", "lastfm.connect-timeout-ms=200",
                       "lastfm.http.response-timeout-ms=800", "lastfm.throttle.max-queue-wait=2500ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LastfmClientRouteTest extends UpstreamTestSupport {

    @BeforeEach
    void reset() {
        LASTFM.resetAll();
        if (context != null) {
            context.getRegistry().lookupByNameAndType("lastfmCaches", LastfmCaches.class).answers().invalidateAll();
            context.getRegistry().lookupByNameAndType("lastfmCaches", LastfmCaches.class).stale().invalidateAll();
            breaker().getCircuitBreaker().reset();
            // a fresh request budget: the slots earlier tests took (within the last second) count for no test but theirs
            context.getRegistry().lookupByNameAndType("lastfmPacer", dev.lastfmmcp.upstream.Pacer.class).reset();
        }
    }

    private ResilienceProcessor breaker() {
        return context.getProcessor("lastfm-breaker", ResilienceProcessor.class);
    }

    private Exchange call(LastfmRequest request) {
        ProducerTemplate template = context.createProducerTemplate();
        return template.send("direct:lastfm-call", exchange -> {
            exchange.setVariable("lastfm", request);
            exchange.getMessage().setHeader("Authorization", "Bearer inbound-secret");
            exchange.getMessage().setHeader("CamelHttpPath", "/evil");
            exchange.getMessage().setHeader("CamelHttpUri", "http://evil.example.com/");
        });
    }

    private LastfmResult ok(LastfmRequest request) {
        Exchange exchange = call(request);
        assertThat(exchange.getException()).as("exception").isNull();
        return exchange.getMessage().getBody(LastfmResult.class);
    }

    private LastfmException failure(LastfmRequest request) {
        Exchange exchange = call(request);
        assertThat(exchange.getException()).isInstanceOf(LastfmException.class);
        return (LastfmException) exchange.getException();
    }

    private static void stub(String method, String fixture) {
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo(method))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.lastfm(fixture))));
    }

    private static int upstreamCalls() {
        return LASTFM.getAllServeEvents().size();
    }

    @Test
    void sendsKeyFormatAndUserAgentAndNothingFromTheInboundRequest() {
        stub("artist.getInfo", "artist.getInfo__the-weeknd.json");
        ArtistInfo info = ok(LastfmRequest.of("artist.getInfo", "artist", "The Weeknd")).as(ArtistInfo.class);
        assertThat(info.name()).isEqualTo("The Weeknd");
        assertThat(info.listeners()).isPositive();
        LASTFM.verify(getRequestedFor(urlPathEqualTo("/2.0/"))
                .withQueryParam("api_key", equalTo(WireMockUpstreams.API_KEY))
                .withQueryParam("format", equalTo("json"))
                .withQueryParam("artist", equalTo("The Weeknd"))
                .withQueryParam("api_sig", absent())
                .withHeader("User-Agent", equalTo("lastfm-mcp/" + ServerIdentity.load().version()
                                                  + " (https://example.org/lastfm-mcp)"))
                .withHeader("Authorization", absent()));
    }

    @Test
    void signsSessionCallsExactlyAsLastfmDoes() {
        java.util.Map<String, String> signed = new java.util.LinkedHashMap<>();
        signed.put("method", "user.getInfo");
        signed.put("api_key", WireMockUpstreams.API_KEY);
        signed.put("sk", "session-key-1");
        String expected = LastfmSigner.sign(signed, WireMockUpstreams.SHARED_SECRET);
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("api_sig", equalTo(expected))
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.lastfm("user.getInfo__TyphoonsNotABot.json"))));
        assertThat(ok(LastfmRequest.of("user.getInfo").withSessionKey("session-key-1")).data()).isNotNull();
        LASTFM.verify(1, getRequestedFor(urlPathEqualTo("/2.0/")).withQueryParam("sk", equalTo("session-key-1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Simon & Garfunkel", "AC/DC", "Florence + the Machine", "Sigur Rós", "坂本龍一",
            "Guns N' Roses", "100% Pure #1"})
    void awkwardNamesArriveIntact(String name) {
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("artist", equalTo(name))
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.lastfm("artist.getInfo__the-weeknd.json"))));
        assertThat(ok(LastfmRequest.of("artist.getInfo", "artist", name)).data()).isNotNull();
    }

    @Test
    void hundredConcurrentIdenticalColdCallsMakeOneUpstreamCallAndTheNextIsCached() throws Exception {
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(200).withFixedDelay(400)
                .withBody(Fixtures.lastfm("artist.getSimilar__metallica.json"))));
        LastfmRequest request = LastfmRequest.of("artist.getSimilar", "artist", "Metallica", "limit", "30");
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            List<Callable<LastfmResult>> tasks = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                tasks.add(() -> ok(request));
            }
            for (Future<LastfmResult> future : pool.invokeAll(tasks)) {
                assertThat(future.get().data()).isNotNull();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(upstreamCalls()).isEqualTo(1);
        ok(request);
        assertThat(upstreamCalls()).isEqualTo(1);
    }

    @Test
    void noMoreThanFiveUpstreamRequestsInAnySecond() throws Exception {
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/"))
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.lastfm("artist.getInfo__the-weeknd.json"))));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<LastfmResult>> tasks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String name = "Artist " + i;
                tasks.add(() -> ok(LastfmRequest.of("artist.getInfo", "artist", name)));
            }
            for (Future<LastfmResult> future : pool.invokeAll(tasks)) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> times = LASTFM.findAll(getRequestedFor(urlPathEqualTo("/2.0/"))).stream()
                .map(LoggedRequest::getLoggedDate).map(Date::getTime).sorted().toList();
        assertThat(times).hasSize(12);
        // the 6th request after any request comes a full second later (WireMock logs arrival, a few ms after the
        // throttle lets a request go, hence the tolerance)
        for (int i = 0; i + 5 < times.size(); i++) {
            assertThat(times.get(i + 5) - times.get(i)).as("gap between request %d and %d", i, i + 5)
                    .isGreaterThanOrEqualTo(950);
        }
    }

    @Test
    void transientFailuresAreRetriedHonouringRetryAfter() {
        String scenario = "flaky";
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).inScenario(scenario).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("<html>down</html>")).willSetStateTo("s1"));
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).inScenario(scenario).whenScenarioStateIs("s1")
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.lastfm("error__11-service-offline.json")))
                .willSetStateTo("s2"));
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).inScenario(scenario).whenScenarioStateIs("s2")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody(Fixtures.lastfm("error__29-rate-limit-exceeded.json"))).willSetStateTo("s3"));
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).inScenario(scenario).whenScenarioStateIs("s3")
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.lastfm("user.getInfo__TyphoonsNotABot.json"))));
        long start = System.nanoTime();
        assertThat(ok(LastfmRequest.of("user.getInfo", "user", "TyphoonsNotABot")).stale()).isFalse();
        assertThat(upstreamCalls()).isEqualTo(4);
        List<Long> times = LASTFM.findAll(getRequestedFor(urlPathEqualTo("/2.0/"))).stream()
                .map(LoggedRequest::getLoggedDate).map(Date::getTime).sorted().toList();
        assertThat(times.get(3) - times.get(2)).as("Retry-After: 1 honoured").isGreaterThanOrEqualTo(900);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(breaker().getCircuitBreakerState()).isEqualTo("CLOSED");
    }

    @Test
    void notFoundIsNotRetriedNeverOpensTheBreakerAndIsRememberedBriefly() {
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(404)
                .withBody(Fixtures.lastfm("artist.getInfo__unknown-artist-error6.json"))));
        for (int i = 0; i < 8; i++) {
            LastfmException error = failure(LastfmRequest.of("artist.getInfo", "artist", "Nobody " + i));
            assertThat(error.kind()).isEqualTo(LastfmErrorKind.NOT_FOUND);
            assertThat(error.getMessage()).startsWith("Artist not found: Nobody " + i);
        }
        assertThat(upstreamCalls()).isEqualTo(8);
        assertThat(breaker().getCircuitBreakerState()).isEqualTo("CLOSED");
        failure(LastfmRequest.of("artist.getInfo", "artist", "Nobody 3"));
        assertThat(upstreamCalls()).as("negative cache").isEqualTo(8);
    }

    @Test
    void fiveTransientFailuresOpenTheBreakerAndThenNothingGoesUpstream() {
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.lastfm("error__16-temporary-error.json"))));
        for (int i = 0; i < 5; i++) {
            LastfmException error = failure(LastfmRequest.of("artist.getInfo", "artist", "Flaky " + i));
            assertThat(error.kind()).isEqualTo(LastfmErrorKind.UNAVAILABLE);
        }
        assertThat(upstreamCalls()).as("5 calls x 4 attempts").isEqualTo(20);
        assertThat(breaker().getCircuitBreakerState()).isEqualTo("OPEN");
        LastfmException open = failure(LastfmRequest.of("artist.getInfo", "artist", "Anyone"));
        assertThat(open.getMessage()).isEqualTo("Last.fm is unavailable right now (its circuit breaker is open "
                                                + "after repeated failures); try again in a minute.");
        assertThat(upstreamCalls()).isEqualTo(20);
    }

    @Test
    void aRateLimitThatOutlastsTheRetriesSaysWhenToTryAgain() {
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "120").withBody(Fixtures.lastfm("error__29-rate-limit-exceeded.json"))));
        LastfmException error = failure(LastfmRequest.of("user.getInfo", "user", "someone"));
        assertThat(error.kind()).isEqualTo(LastfmErrorKind.RATE_LIMITED);
        assertThat(error.getMessage()).isEqualTo("Last.fm is rate-limiting this server; try again in 120 s.");
        assertThat(upstreamCalls()).as("a 120 s Retry-After is not waited for").isEqualTo(1);
    }

    @Test
    void aHangingUpstreamEndsWithinTheTimeout() {
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(200).withFixedDelay(20_000)
                .withBody(Fixtures.lastfm("user.getInfo__TyphoonsNotABot.json"))));
        long start = System.nanoTime();
        LastfmException error = failure(LastfmRequest.of("user.getInfo", "user", "slowpoke"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        assertThat(error.kind()).isEqualTo(LastfmErrorKind.UNAVAILABLE);
        assertThat(error.getMessage()).contains("no answer in time");
    }

    @Test
    void staleIfErrorServesTheLastGoodAnswerAndNeverCachesIt() {
        LastfmRequest request = LastfmRequest.of("user.getTopArtists", "user", "aidan-", "period", "overall");
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.lastfm("user.getTopArtists__aidan-_limit3.json"))));
        assertThat(ok(request).stale()).isFalse();
        // the answer expires (as after its TTL); then Last.fm goes down
        context.getRegistry().lookupByNameAndType("lastfmCaches", LastfmCaches.class).answers().invalidateAll();
        LASTFM.resetAll();
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(503)));
        LastfmResult stale = ok(request);
        assertThat(stale.stale()).isTrue();
        assertThat(stale.staleAgeSeconds()).isBetween(0L, 60L);
        assertThat(stale.as(TopArtists.class).artists()).isNotEmpty();
        // Last.fm is back: the stale answer was not cached, so the next call goes upstream again
        LASTFM.resetAll();
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.lastfm("user.getTopArtists__aidan-_limit3.json"))));
        assertThat(ok(request).stale()).isFalse();
        assertThat(upstreamCalls()).isEqualTo(1);
    }

    @Test
    void aSaturatedRequestBudgetServesTheStaleCopyInsteadOfQueueingAndSaysBusyWithoutOne() {
        LastfmRequest request = LastfmRequest.of("user.getTopArtists", "user", "aidan-", "period", "overall");
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.lastfm("user.getTopArtists__aidan-_limit3.json"))));
        assertThat(ok(request).stale()).isFalse();
        context.getRegistry().lookupByNameAndType("lastfmCaches", LastfmCaches.class).answers().invalidateAll();
        // the next request slot is 30 s away, beyond lastfm.throttle.max-queue-wait (2.5 s here)
        dev.lastfmmcp.upstream.Pacer pacer = context.getRegistry().lookupByNameAndType("lastfmPacer",
                dev.lastfmmcp.upstream.Pacer.class);
        pacer.pause(Duration.ofSeconds(30));
        try {
            long start = System.nanoTime();
            LastfmResult stale = ok(request);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not queued").isLessThan(Duration.ofSeconds(2));
            assertThat(stale.stale()).isTrue();
            assertThat(stale.staleAgeSeconds()).isBetween(0L, 60L);
            assertThat(stale.as(TopArtists.class).artists()).isNotEmpty();
            // nothing without a copy: busy at once, with when to retry
            LastfmException busy = failure(LastfmRequest.of("user.getTopArtists", "user", "someone-else",
                    "period", "overall"));
            assertThat(busy.kind()).isEqualTo(LastfmErrorKind.RATE_LIMITED);
            assertThat(busy.getMessage()).startsWith("Last.fm is busy").matches(".*retry in (29|30) s\\.");
            assertThat(busy.retryAfterSeconds()).isBetween(29L, 30L);
            assertThat(upstreamCalls()).as("nothing sent while busy").isEqualTo(1);
            assertThat(breaker().getCircuitBreaker().getMetrics().getNumberOfFailedCalls())
                    .as("busy is no upstream failure").isZero();
        } finally {
            pacer.reset();
        }
        assertThat(ok(request).stale()).as("a free slot again: fresh").isFalse();
        assertThat(upstreamCalls()).isEqualTo(2);
    }

    @Test
    void aFetchThatFailedAfterTheBreakersFallbackFreesItsKey() {
        // regression: the fallback left CamelExceptionHandled on the exchange, so the single-flight doCatch never
        // ran, the key stayed taken, and every later identical call waited for a leader that was gone
        SingleFlight flights = context.getRegistry().lookupByNameAndType("singleFlight", SingleFlight.class);
        LastfmRequest request = LastfmRequest.of("user.getInfo", "user", "TyphoonsNotABot");
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(503)));
        assertThat(failure(request).kind()).isEqualTo(LastfmErrorKind.UNAVAILABLE);
        assertThat(flights.inFlight()).isZero();
        LASTFM.resetAll();
        stub("user.getInfo", "user.getInfo__TyphoonsNotABot.json");
        assertThat(ok(request).stale()).isFalse();
        assertThat(upstreamCalls()).isEqualTo(1);
    }
}
