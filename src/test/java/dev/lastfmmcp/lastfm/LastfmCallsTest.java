package dev.lastfmmcp.lastfm;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import dev.lastfmmcp.config.AppConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LastfmCallsTest {

    private final LastfmCaches caches = new LastfmCaches(Map.of(DataClass.RECENT, Duration.ofMinutes(5)),
            Duration.ofMinutes(5), Duration.ofHours(24), 100);

    private LastfmCalls calls(String key, String secret) {
        return new LastfmCalls(key, secret, new LastfmErrors(AppConfiguration.objectMapper(), Clock.systemUTC()),
                caches, Clock.systemUTC(), new LastfmCalls.RetrySettings(2, Duration.ofMillis(100),
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)), new SingleFlight(Duration.ofSeconds(5)));
    }

    private static Map<String, String> decode(String query) {
        return Arrays.stream(query.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    @Test
    void withoutAnApiKeyNothingIsCalled() {
        assertThatThrownBy(() -> calls("", "").prepare(LastfmRequest.of("user.getInfo", "user", "rj"), null, null))
                .isInstanceOfSatisfying(LastfmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LastfmErrorKind.NOT_CONFIGURED);
                    assertThat(e.getMessage()).contains("no Last.fm API key configured").contains("LASTFM_API_KEY");
                });
    }

    @Test
    void signedCallsNeedTheSharedSecret() {
        LastfmRequest signed = LastfmRequest.of("user.getInfo").withSessionKey("sk-1");
        assertThatThrownBy(() -> calls("key", "").prepare(signed, null, null)).hasMessageContaining("LASTFM_SHARED_SECRET");
    }

    @Test
    void readCallsCarryKeyAndFormatButNoSignature() {
        LastfmCall call = calls("key", "secret").prepare(LastfmRequest.of("artist.getInfo", "artist", "AC/DC"), null, null);
        Map<String, String> sent = decode(call.query());
        assertThat(sent).containsEntry("method", "artist.getInfo").containsEntry("artist", "AC/DC")
                .containsEntry("api_key", "key").containsEntry("format", "json").doesNotContainKey("api_sig");
        assertThat(call.dataClass()).isEqualTo(DataClass.REFERENCE);
        assertThat(call.toString()).doesNotContain("key=").doesNotContain("api_key");
    }

    @Test
    void sessionCallsAreSignedOverEverythingButFormat() {
        LastfmCall call = calls("key", "secret").prepare(LastfmRequest.of("track.love", "artist", "Cher",
                "track", "Believe").withSessionKey("sk-1"), null, null);
        Map<String, String> sent = decode(call.query());
        assertThat(sent).containsEntry("sk", "sk-1");
        Map<String, String> signedPart = new java.util.HashMap<>(sent);
        signedPart.remove("api_sig");
        assertThat(sent.get("api_sig")).isEqualTo(LastfmSigner.sign(signedPart, "secret"));
        assertThat(call.isCacheable()).isFalse();
        assertThat(call.isWrite()).isTrue();
    }

    @Test
    void cacheKeysIgnoreParameterOrderAndCaseButNotValues() {
        String a = LastfmCalls.cacheKey(LastfmRequest.of("artist.getInfo", "artist", "Cher", "autocorrect", "1"));
        String b = LastfmCalls.cacheKey(LastfmRequest.of("Artist.getinfo", "autocorrect", "1", "artist", " cher "));
        String c = LastfmCalls.cacheKey(LastfmRequest.of("artist.getInfo", "artist", "Chet", "autocorrect", "1"));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        String signedIn = LastfmCalls.cacheKey(LastfmRequest.of("user.getInfo").withSessionKey("secret-sk"));
        assertThat(signedIn).doesNotContain("secret-sk").contains("|as=");
    }

    @Test
    void dataClassesFollowTheReferenceServer() {
        assertThat(DataClass.of(LastfmRequest.of("user.getRecentTracks"))).isEqualTo(DataClass.RECENT);
        assertThat(DataClass.of(LastfmRequest.of("user.getLovedTracks"))).isEqualTo(DataClass.LOVED);
        assertThat(DataClass.of(LastfmRequest.of("user.getTopArtists"))).isEqualTo(DataClass.TOP);
        assertThat(DataClass.of(LastfmRequest.of("user.getFriends", "user", "rj"))).isEqualTo(DataClass.TOP);
        // friends' latest tracks age like recent tracks, not like top lists
        assertThat(DataClass.of(LastfmRequest.of("user.getFriends", "user", "rj", "recenttracks", "1")))
                .isEqualTo(DataClass.RECENT);
        assertThat(DataClass.of(LastfmRequest.of("user.getInfo"))).isEqualTo(DataClass.USER);
        assertThat(DataClass.of(LastfmRequest.of("user.getWeeklyChartList"))).isEqualTo(DataClass.REFERENCE);
        assertThat(DataClass.of(LastfmRequest.of("artist.getSimilar"))).isEqualTo(DataClass.SIMILAR);
        assertThat(DataClass.of(LastfmRequest.of("auth.getSession"))).isEqualTo(DataClass.UNCACHED);
    }

    @Test
    void theHttpTimeoutsMustEndBeforeTheCallsDeadlineCheckedAtStart() {
        assertThat(LastfmCalls.attemptBudget(Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(4),
                Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(7));
        // the old configuration: the HTTP response timeout equal to the deadline (issue 11.3)
        assertThatThrownBy(() -> LastfmCalls.attemptBudget(Duration.ofSeconds(10), Duration.ofSeconds(3),
                Duration.ofSeconds(10), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lastfm.http.response-timeout-ms").hasMessageContaining("lastfm.timeout-ms");
        assertThatThrownBy(() -> LastfmCalls.attemptBudget(Duration.ofSeconds(10), Duration.ofSeconds(3),
                Duration.ofSeconds(4), Duration.ofSeconds(4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lastfm.throttle.max-queue-wait");
    }

    /** A client with a 10 s deadline and a 1 s attempt budget, on {@code pacer}. */
    private LastfmCalls pacedBy(dev.lastfmmcp.upstream.Pacer pacer) {
        return new LastfmCalls("key", "", new LastfmErrors(AppConfiguration.objectMapper(), Clock.systemUTC()), caches,
                Clock.systemUTC(), new LastfmCalls.RetrySettings(2, Duration.ofMillis(100), Duration.ofSeconds(2),
                        Duration.ofSeconds(5), Duration.ofSeconds(10)),
                new SingleFlight(Duration.ofSeconds(5)), new LastfmCalls.Pacing(pacer, Duration.ofSeconds(1)));
    }

    @Test
    void aFullRequestQueueIsBusyAtOnceWithWhenToRetry() {
        LastfmCalls calls = pacedBy(new dev.lastfmmcp.upstream.Pacer(1, Duration.ofSeconds(1), 1,
                Duration.ofSeconds(5)));
        assertThat(calls.attempts(null, null).getDelayMillis()).isZero();
        assertThat(calls.attempts(null, null).getDelayMillis()).isBetween(900L, 1000L);
        // the queue is full: nothing is queued or sent; the fetch settles as busy (no breaker, no attempt)
        Attempts busy = calls.attempts(null, null);
        assertThat(busy.isBusy()).isTrue();
        assertThat(busy.isAgain()).isFalse();
        assertThat(busy.busyRetryAfterSeconds()).isEqualTo(2);
        LastfmFetch fetch = calls.settle(null, busy);
        assertThat(fetch.outcome()).isEqualTo(LastfmFetch.Outcome.UNAVAILABLE);
        assertThat(fetch.failure().busy()).isTrue();
        // with no stale copy: "busy, retry in N s"
        assertThatThrownBy(() -> calls.staleOrFail(null, fetch, calls.prepare(LastfmRequest.of("artist.getInfo",
                "artist", "Cher"), null, null), null)).isInstanceOfSatisfying(LastfmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LastfmErrorKind.RATE_LIMITED);
                    assertThat(e.getMessage()).startsWith("Last.fm is busy").endsWith("retry in 2 s.");
                    assertThat(e.retryAfterSeconds()).isEqualTo(2);
                });
        // a fetch that got its slot settles on the breaker's result as before
        Attempts granted = pacedBy(new dev.lastfmmcp.upstream.Pacer(1, Duration.ofSeconds(1), 1,
                Duration.ofSeconds(5))).attempts(null, null);
        assertThat(granted.isBusy()).isFalse();
        assertThat(granted.busyRetryAfterSeconds()).isZero();
        assertThat(calls.settle(new UpstreamFailure(LastfmErrorKind.UNAVAILABLE, null, "HTTP 503"), granted)
                .failure().busy()).isFalse();
    }

    @Test
    void noCallStartsThatCouldNotEndBeforeTheRequestsDeadline() {
        LastfmCalls calls = pacedBy(new dev.lastfmmcp.upstream.Pacer(5, Duration.ofSeconds(1), 10,
                Duration.ofSeconds(3)));
        // half a second left of the request: one attempt (1 s) could not end in it
        assertThatThrownBy(() -> calls.attempts(System.nanoTime() + 500_000_000L, null))
                .isInstanceOfSatisfying(LastfmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LastfmErrorKind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("This request has used the time it may take");
                });
        // plenty left: the call runs, its deadline the earlier of its own and the request's
        assertThat(calls.attempts(System.nanoTime() + 20_000_000_000L, null).getDelayMillis()).isZero();
    }
}
