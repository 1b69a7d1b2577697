package dev.lastfmmcp.lastfm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.lastfmmcp.config.AppConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The settled outcome {@code lastfm-fetch} chooses on, and the steps of its branches, on plain values (no
 * CamelContext): what the circuit breaker returned (the attempts' outcome or the fallback's failure) becomes exactly
 * one of FRESH, NOT_FOUND, UNAVAILABLE, ERROR with what that branch needs.
 */
class LastfmFetchTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private final LastfmCaches caches = new LastfmCaches(Map.of(DataClass.REFERENCE, Duration.ofHours(24)),
            Duration.ofMinutes(5), Duration.ofHours(24), 100);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final LastfmCalls calls = new LastfmCalls("key", "secret",
            new LastfmErrors(AppConfiguration.objectMapper(), clock), caches, clock,
            new LastfmCalls.RetrySettings(2, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(5),
                    Duration.ofSeconds(10)), new SingleFlight(Duration.ofSeconds(5)));
    private final LastfmCall call = calls.prepare(LastfmRequest.of("artist.getInfo", "artist", "Cher"), null, null);

    private static final LastfmException NOT_FOUND = new LastfmException(LastfmErrorKind.NOT_FOUND, 6,
            "Last.fm has no artist called Chre.");
    private static final LastfmException PRIVATE = new LastfmException(LastfmErrorKind.PRIVATE, 17,
            "rj keeps their listening history private.");

    @Test
    void anAnswerIsFreshWithItsBody() {
        JsonNode body = JsonNodeFactory.instance.objectNode().put("artist", "Cher");
        LastfmFetch fetch = calls.settle(LastfmOutcome.succeeded(body), null);
        assertThat(fetch.outcome()).isEqualTo(LastfmFetch.Outcome.FRESH);
        assertThat(fetch.body()).isSameAs(body);
        assertThat(fetch.error()).isNull();
        assertThat(fetch.failure()).isNull();
    }

    @Test
    void notFoundIsRememberedForTheNegativeTtlAndRaised() {
        LastfmFetch fetch = calls.settle(LastfmOutcome.failedWith(NOT_FOUND), null);
        assertThat(fetch.outcome()).isEqualTo(LastfmFetch.Outcome.NOT_FOUND);
        CachedValue entry = calls.notFoundEntry(fetch);
        assertThat(entry.isNotFound()).isTrue();
        assertThat(entry.notFound()).isSameAs(NOT_FOUND);
        assertThat(entry.ttl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(entry.storedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> calls.raise(fetch, null, null)).isSameAs(NOT_FOUND);
    }

    @Test
    void anyOtherPermanentErrorIsRaisedAsItIs() {
        LastfmFetch fetch = calls.settle(LastfmOutcome.failedWith(PRIVATE), null);
        assertThat(fetch.outcome()).isEqualTo(LastfmFetch.Outcome.ERROR);
        assertThatThrownBy(() -> calls.raise(fetch, null, null)).isSameAs(PRIVATE);
    }

    @Test
    void theFallbacksFailureIsUnavailableAndServesTheStaleCopyWithItsAge() {
        UpstreamFailure failure = new UpstreamFailure(LastfmErrorKind.UNAVAILABLE, null, "HTTP 503");
        LastfmFetch fetch = calls.settle(failure, null);
        assertThat(fetch.outcome()).isEqualTo(LastfmFetch.Outcome.UNAVAILABLE);
        assertThat(fetch.failure()).isSameAs(failure);
        CachedValue stale = CachedValue.of("the answer", NOW.minusSeconds(90), Duration.ofHours(24));
        LastfmResult result = calls.staleOrFail(stale, fetch, call, null);
        assertThat(result.data()).isEqualTo("the answer");
        assertThat(result.stale()).isTrue();
        assertThat(result.staleAgeSeconds()).isEqualTo(90L);
    }

    @Test
    void unavailableWithoutAStaleCopyFailsClearly() {
        LastfmFetch fetch = calls.settle(new UpstreamFailure(LastfmErrorKind.RATE_LIMITED, 12L, "rate limited"),
                null);
        assertThatThrownBy(() -> calls.staleOrFail(null, fetch, call, null))
                .isInstanceOfSatisfying(LastfmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LastfmErrorKind.RATE_LIMITED);
                    assertThat(e.retryAfterSeconds()).isEqualTo(12L);
                    assertThat(e.getMessage()).contains("try again in 12 s");
                });
        // a remembered "not found" is no stale answer
        CachedValue negative = CachedValue.notFound(NOT_FOUND, NOW, Duration.ofMinutes(5));
        assertThatThrownBy(() -> calls.staleOrFail(negative, fetch, call, null))
                .isInstanceOfSatisfying(LastfmException.class,
                        e -> assertThat(e.kind()).isEqualTo(LastfmErrorKind.RATE_LIMITED));
    }

    @Test
    void aCacheHitIsTheAnswerOrTheRememberedNotFound() {
        assertThat(calls.fromCache(CachedValue.of("cached", NOW, Duration.ofHours(1)), call))
                .isEqualTo(LastfmResult.fresh("cached"));
        assertThatThrownBy(() -> calls.fromCache(CachedValue.notFound(NOT_FOUND, NOW, Duration.ofMinutes(5)), call))
                .isSameAs(NOT_FOUND);
    }

    @Test
    void anythingElseIsNoOutcome() {
        assertThatThrownBy(() -> LastfmFetch.settle("HTTP 200")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> LastfmFetch.settle(null)).isInstanceOf(IllegalStateException.class);
    }
}
