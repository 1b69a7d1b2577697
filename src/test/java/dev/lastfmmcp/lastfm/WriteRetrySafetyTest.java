package dev.lastfmmcp.lastfm;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import dev.lastfmmcp.upstream.Pacer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which failures a scrobble (not repeatable) may be retried after, and what a lost answer becomes. */
class WriteRetrySafetyTest {

    @Test
    void onlyFailuresThatShowLastfmDidNotTakeTheRequestAllowARepeat() {
        assertThat(Attempts.notTaken(new TransientLastfmException(503, 0, null, "x"))).isTrue();
        assertThat(Attempts.notTaken(new TransientLastfmException(429, 0, null, "x"))).isTrue();
        assertThat(Attempts.notTaken(new TransientLastfmException(200, 11, null, "x"))).isTrue();
        assertThat(Attempts.notTaken(new TransientLastfmException(200, 16, null, "x"))).isTrue();
        assertThat(Attempts.notTaken(new TransientLastfmException(429, 29, null, "x"))).isTrue();
        assertThat(Attempts.notTaken(new ConnectException("refused"))).isTrue();
        assertThat(Attempts.notTaken(new TransientLastfmException(500, 8, null, "x"))).isFalse();
        assertThat(Attempts.notTaken(new TransientLastfmException(200, 0, null, "unexpected JSON"))).isFalse();
        assertThat(Attempts.notTaken(new SocketTimeoutException())).isFalse();
        assertThat(Attempts.notTaken(new IOException("reset"))).isFalse();
        assertThat(Attempts.notTaken(null)).isFalse();
    }

    private static Attempts attempts(boolean repeatable) {
        Attempts attempts = new Attempts(2, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(5),
                System.nanoTime() + 10_000_000_000L, new Pacer(100, Duration.ofSeconds(1), 10,
                Duration.ofSeconds(10)), Duration.ZERO, repeatable);
        attempts.firstSlot();
        return attempts;
    }

    @Test
    void aScrobbleIsNotRetriedAfterATimeoutButARepeatableCallIs() throws Exception {
        Attempts scrobble = attempts(false);
        assertThatThrownBy(() -> scrobble.failed(new SocketTimeoutException())).isInstanceOf(
                SocketTimeoutException.class);
        assertThat(scrobble.isAgain()).isFalse();
        Attempts love = attempts(true);
        love.failed(new SocketTimeoutException());
        assertThat(love.isAgain()).isTrue();
        Attempts scrobble503 = attempts(false);
        scrobble503.failed(new TransientLastfmException(503, 0, null, "x"));
        assertThat(scrobble503.isAgain()).isTrue();
    }

    @Test
    void aLostAnswerIsUnconfirmedNotUnavailable() {
        LastfmException lost = LastfmErrors.unavailable(new UpstreamFailure(LastfmErrorKind.UNCONFIRMED, null,
                "no answer in time", true));
        assertThat(lost.kind()).isEqualTo(LastfmErrorKind.UNCONFIRMED);
        assertThat(lost.getMessage()).contains("may or may not have been recorded", "not sent again");
        assertThat(LastfmErrors.unavailable(new UpstreamFailure(LastfmErrorKind.UNAVAILABLE, null, "HTTP 503"))
                .kind()).isEqualTo(LastfmErrorKind.UNAVAILABLE);
        assertThat(new LastfmRequest("track.scrobble", java.util.Map.of(), null).repeatable()).isFalse();
        assertThat(LastfmRequest.of("track.love").repeatable()).isTrue();
    }

    @Test
    void aWriteLeavesEveryCachedReadAboutItsUserBehind() {
        UserWrites writes = new UserWrites();
        LastfmRequest loved = LastfmRequest.of("user.getLovedTracks", "user", "Alice", "limit", "50");
        LastfmRequest info = LastfmRequest.of("track.getInfo", "artist", "Cher", "track", "Believe", "username",
                "alice");
        LastfmRequest other = LastfmRequest.of("user.getLovedTracks", "user", "Bob");
        assertThat(writes.suffix(loved)).isEmpty();
        writes.wrote("ALICE");
        String first = writes.suffix(loved);
        assertThat(first).startsWith("|w=").isEqualTo(writes.suffix(info));
        assertThat(writes.suffix(other)).isEmpty();
        assertThat(writes.suffix(LastfmRequest.of("track.love", "user", "alice"))).isEmpty();
        writes.wrote("alice");
        assertThat(writes.suffix(loved)).isNotEqualTo(first);
    }
}
