package dev.lastfmmcp.lastfm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.upstream.LastfmAccount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Error 9 (invalid session key) on a call made with the signed-in account's own session key marks that sign-in
 * invalid (through the port) and says how to sign in again; any other error, or a call made with another key (or none),
 * is raised as it is and marks nothing.
 */
class RejectedSessionKeyTest {

    private static final String SK = "d580d57f32848f5dcf574d1ce18d78b2";
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);
    private final LastfmErrors errors = new LastfmErrors(AppConfiguration.objectMapper(), clock);
    private final LastfmCalls calls = new LastfmCalls("key", "secret", errors,
            new LastfmCaches(Map.of(DataClass.REFERENCE, Duration.ofHours(24)), Duration.ofMinutes(5),
                    Duration.ofHours(24), 100), clock,
            new LastfmCalls.RetrySettings(2, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(5),
                    Duration.ofSeconds(10)), new SingleFlight(Duration.ofSeconds(5)));
    private final List<LastfmAccount> rejected = new CopyOnWriteArrayList<>();

    private static LastfmAccount account(String sessionKey, String signInKey) {
        return new LastfmAccount() {
            @Override
            public String lastfmUser() {
                return "AliceListens";
            }

            @Override
            public String lastfmSessionKey() {
                return sessionKey;
            }

            @Override
            public String signInKey() {
                return signInKey;
            }
        };
    }

    private LastfmFetch failed(LastfmRequest request, int code, String message) {
        LastfmOutcome outcome = errors.classify(request, 403, "{\"error\":" + code + ",\"message\":\"" + message
                                                               + "\"}", null);
        return calls.settle(outcome, null);
    }

    @Test
    void errorNineWithTheAccountsOwnKeyMarksItsSignInInvalidAndSaysHowToSignInAgain() {
        calls.setRejectedSignIns(account -> {
            rejected.add(account);
            return "Last.fm no longer accepts the sign-in: sign in again at /login.";
        });
        LastfmAccount alice = account(SK, "a".repeat(64));
        LastfmRequest love = LastfmRequest.of("track.love", "artist", "Cher", "track", "Believe").withSessionKey(SK);
        LastfmCall call = calls.prepare(love, null, alice);
        LastfmFetch fetch = failed(love, 9, "Invalid session key - Please re-authenticate");

        assertThatThrownBy(() -> calls.raise(fetch, call, alice)).isInstanceOfSatisfying(LastfmException.class, e -> {
            assertThat(e.kind()).isEqualTo(LastfmErrorKind.AUTH_FAILED);
            assertThat(e.code()).isEqualTo(9);
            assertThat(e.getMessage()).isEqualTo("Last.fm no longer accepts the sign-in: sign in again at /login.");
        });
        assertThat(rejected).containsExactly(alice);
    }

    @Test
    void anythingElseIsRaisedAsItIsAndMarksNothing() {
        calls.setRejectedSignIns(account -> {
            rejected.add(account);
            return "marked";
        });
        LastfmAccount alice = account(SK, "a".repeat(64));
        LastfmRequest love = LastfmRequest.of("track.love", "artist", "Cher", "track", "Believe").withSessionKey(SK);
        LastfmCall call = calls.prepare(love, null, alice);
        // another error
        LastfmFetch four = failed(love, 4, "Authentication Failed");
        assertThatThrownBy(() -> calls.raise(four, call, alice)).isSameAs(four.error());
        LastfmFetch nine = failed(love, 9, "Invalid session key");
        // no account, an account without a sign-in, or one whose key the call did not carry
        assertThatThrownBy(() -> calls.raise(nine, call, null)).isSameAs(nine.error());
        assertThatThrownBy(() -> calls.raise(nine, call, account(SK, null))).isSameAs(nine.error());
        assertThatThrownBy(() -> calls.raise(nine, call, account(null, "a".repeat(64)))).isSameAs(nine.error());
        LastfmAccount other = account("another-key", "b".repeat(64));
        assertThatThrownBy(() -> calls.raise(nine, call, other)).isSameAs(nine.error());
        LastfmCall anonymous = calls.prepare(LastfmRequest.of("artist.getInfo", "artist", "Cher"), null, null);
        assertThatThrownBy(() -> calls.raise(nine, anonymous, alice)).isSameAs(nine.error());
        assertThatThrownBy(() -> calls.raise(nine, null, alice)).isSameAs(nine.error());
        assertThat(rejected).isEmpty();
        // without the port (no sign-in store): raised as it is
        calls.setRejectedSignIns(null);
        assertThatThrownBy(() -> calls.raise(nine, call, alice)).isSameAs(nine.error());
    }
}
