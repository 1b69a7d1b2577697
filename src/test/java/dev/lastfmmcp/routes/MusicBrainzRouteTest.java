package dev.lastfmmcp.routes;

import java.util.Date;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.musicbrainz.ArtistDetails;
import dev.lastfmmcp.musicbrainz.Enrichment;
import dev.lastfmmcp.musicbrainz.MusicBrainzRequest;
import dev.lastfmmcp.musicbrainz.ReleaseGroupDetails;
import dev.lastfmmcp.support.UpstreamTestSupport;
import dev.lastfmmcp.support.Fixtures;
import org.apache.camel.Exchange;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** direct:musicbrainz-lookup against a WireMock MusicBrainz: lookups, confident search, throttle, failures. */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "musicbrainz.contact=ops@example.org", "musicbrainz.timeout-ms=4000",
                       "musicbrainz.connect-timeout-ms=500", "musicbrainz.http.response-timeout-ms=1000"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MusicBrainzRouteTest extends UpstreamTestSupport {

    static final String KINKS = "17b53d9f-5c63-4a09-a593-dde4608e0db9";
    static final String COHEN = "65314b12-0e08-43fa-ba33-baaa7b874c15";
    static final String RELEASE = "a1b2c3d4-0000-4000-8000-00000000e001";

    @BeforeEach
    void reset() {
        MUSICBRAINZ.resetAll();
        if (context != null) {
            context.getRegistry().lookupByNameAndType("musicbrainz-enrichment",
                    com.github.benmanes.caffeine.cache.Cache.class).invalidateAll();
        }
    }

    private Enrichment lookup(MusicBrainzRequest request) {
        Exchange exchange = context.createProducerTemplate().send("direct:musicbrainz-lookup",
                e -> e.setVariable("musicbrainz", request));
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(Enrichment.class);
    }

    private static void stubJson(String pathRegex, String body) {
        MUSICBRAINZ.stubFor(get(urlPathMatching(pathRegex)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private double meter(String name, String outcome) {
        io.micrometer.core.instrument.MeterRegistry registry = context.getRegistry().lookupByNameAndType(
                org.apache.camel.component.micrometer.MicrometerConstants.METRICS_REGISTRY_NAME,
                io.micrometer.core.instrument.MeterRegistry.class);
        return outcome == null ? registry.get(name).timer().count()
                : registry.get(name).tag("outcome", outcome).counter().count();
    }

    @Test
    void looksUpAnArtistByMbidWithAnIdentifyingUserAgentAndCachesIt() {
        stubJson("/ws/2/artist/" + KINKS, Fixtures.musicbrainz("artist.lookup__the-kinks-inc-aliases-url-rels.json"));
        double ok = meter("musicbrainz_requests_total", "ok");
        double waits = meter("musicbrainz.throttle.wait", null);
        Enrichment enrichment = lookup(MusicBrainzRequest.artist(KINKS, "The Kinks"));
        assertThat(meter("musicbrainz_requests_total", "ok")).isEqualTo(ok + 1);
        assertThat(meter("musicbrainz.throttle.wait", null)).isEqualTo(waits + 1);
        ArtistDetails kinks = enrichment.as(ArtistDetails.class);
        assertThat(kinks.name()).isEqualTo("The Kinks");
        assertThat(kinks.country()).isEqualTo("GB");
        MUSICBRAINZ.verify(getRequestedFor(urlPathEqualTo("/ws/2/artist/" + KINKS))
                .withQueryParam("inc", equalTo("url-rels tags genres")) // "+" as MusicBrainz documents it
                .withQueryParam("fmt", equalTo("json"))
                .withHeader("User-Agent", matching("lastfm-mcp/\\S+ \\( ops@example\\.org \\)")));
        lookup(MusicBrainzRequest.artist(KINKS, "The Kinks"));
        assertThat(MUSICBRAINZ.getAllServeEvents()).hasSize(1);
    }

    @Test
    void withoutAnMbidItSearchesThenLooksUpAtOneRequestPerSecond() {
        stubJson("/ws/2/artist", Fixtures.musicbrainz("artist.search__leonard-cohen-limit1.json"));
        stubJson("/ws/2/artist/" + COHEN, "{\"id\":\"" + COHEN + "\",\"name\":\"Leonard Cohen\",\"type\":\"Person\","
                                          + "\"country\":\"CA\",\"life-span\":{\"begin\":\"1934-09-21\","
                                          + "\"end\":\"2016-11-07\",\"ended\":true},\"genres\":[{\"name\":\"folk\","
                                          + "\"count\":5}],\"relations\":[]}");
        ArtistDetails cohen = lookup(MusicBrainzRequest.artist(null, "Leonard Cohen")).as(ArtistDetails.class);
        assertThat(cohen.mbid()).isEqualTo(COHEN);
        assertThat(cohen.genres()).containsExactly("folk");
        MUSICBRAINZ.verify(getRequestedFor(urlPathEqualTo("/ws/2/artist"))
                .withQueryParam("query", equalTo("artist:\"Leonard Cohen\"")));
        List<Long> times = MUSICBRAINZ.findAll(getRequestedFor(urlPathMatching("/ws/2/.*"))).stream()
                .map(LoggedRequest::getLoggedDate).map(Date::getTime).sorted().toList();
        assertThat(times).hasSize(2);
        assertThat(times.get(1) - times.get(0)).as("1 request per second").isGreaterThanOrEqualTo(950);
    }

    @Test
    void anUnsureSearchGivesNoEnrichmentAndNoLookup() {
        stubJson("/ws/2/artist", Fixtures.musicbrainz("artist.search__leonard-cohen-limit1.json"));
        Enrichment enrichment = lookup(MusicBrainzRequest.artist(null, "Leonard Cohn"));
        assertThat(enrichment.isFound()).isFalse();
        assertThat(enrichment.note()).contains("no confident match for Leonard Cohn");
        assertThat(MUSICBRAINZ.getAllServeEvents()).hasSize(1);
    }

    @Test
    void anOutageGivesANoteAndIsNotCached() {
        MUSICBRAINZ.stubFor(get(urlPathMatching("/ws/2/.*")).willReturn(aResponse().withStatus(503)
                .withBody(Fixtures.musicbrainz("error__503-rate-limited.json"))));
        double limited = meter("musicbrainz_requests_total", "rate_limited");
        Enrichment enrichment = lookup(MusicBrainzRequest.artist(KINKS, "The Kinks"));
        assertThat(meter("musicbrainz_requests_total", "rate_limited")).isGreaterThan(limited);
        assertThat(enrichment.isFound()).isFalse();
        assertThat(enrichment.note()).contains("unavailable");
        lookup(MusicBrainzRequest.artist(KINKS, "The Kinks"));
        assertThat(MUSICBRAINZ.getAllServeEvents()).as("not cached").hasSize(2);
    }

    @Test
    void findsTheReleaseGroupOfAnAlbumRelease() {
        stubJson("/ws/2/release/" + RELEASE, "{\"id\":\"" + RELEASE + "\",\"title\":\"Lures\",\"release-group\":"
                                        + Fixtures.musicbrainz("release-group.lookup__basic.json") + "}");
        ReleaseGroupDetails group = lookup(MusicBrainzRequest.album(RELEASE, "Lures", "Lures"))
                .as(ReleaseGroupDetails.class);
        assertThat(group.firstReleaseDate()).isEqualTo("2014-10-07");
        assertThat(group.primaryType()).isEqualTo("Album");
        MUSICBRAINZ.verify(getRequestedFor(urlPathEqualTo("/ws/2/release/" + RELEASE))
                .withQueryParam("inc", equalTo("release-groups")));
    }

    @Test
    void unknownMbidIsANoteNotAFailure() {
        MUSICBRAINZ.stubFor(get(urlPathMatching("/ws/2/.*")).willReturn(aResponse().withStatus(404)
                .withBody(Fixtures.musicbrainz("error__404-not-found.json"))));
        double notFound = meter("musicbrainz_requests_total", "not_found");
        Enrichment enrichment = lookup(MusicBrainzRequest.artist("00000000-0000-0000-0000-000000000000", "Ghost"));
        assertThat(meter("musicbrainz_requests_total", "not_found")).isEqualTo(notFound + 1);
        assertThat(enrichment.isFound()).isFalse();
        assertThat(enrichment.note()).contains("no entry");
    }
}
