package dev.lastfmmcp.ratelimit;

import java.time.Instant;
import java.util.List;

import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.signin.SignIn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which identities a request spends from, without a CamelContext. */
class RateLimitsTest {

    private final RateLimits limits = new RateLimits(new RateLimits.Settings(50, 1000, List.of("10.0.0.1",
            "10.0.0.2"), 100, true));

    @Test
    void aSignedInRequestSpendsFromTheUserAndTheSignIn() {
        Caller caller = Caller.signedIn(new SignIn("AliceListens", "sk", SignIn.VIA_SESSION_URL, Instant.EPOCH,
                Instant.EPOCH, "0123456789abcdef"));
        assertThat(limits.identities(caller, "127.0.0.1", null)).extracting(RateLimits.Identity::key)
                .containsExactly("u:alicelistens", "s:0123456789abcdef");
        assertThat(limits.identities(caller, "127.0.0.1", null).get(0).shown()).isEqualTo("user AliceListens");
    }

    /** An OAuth request spends from the user and its client, keyed by the client id (names are not unique). */
    @Test
    void anOAuthRequestSpendsFromTheUserAndTheClientId() {
        SignIn signIn = new SignIn("AliceListens", "sk", "oauth", Instant.EPOCH, Instant.EPOCH, "0123456789abcdef");
        Caller caller = Caller.oauth(signIn, "Inspector", "client-7", java.util.Set.of("lastfm:read"));
        assertThat(limits.identities(caller, "127.0.0.1", null)).extracting(RateLimits.Identity::key)
                .containsExactly("u:alicelistens", "c:client-7");
        assertThat(limits.identities(caller, "127.0.0.1", null).get(1).shown()).isEqualTo("client Inspector");
        Caller namesake = Caller.oauth(signIn, "Inspector", "client-8", java.util.Set.of("lastfm:read"));
        assertThat(limits.identities(namesake, "127.0.0.1", null).get(1).key()).isEqualTo("c:client-8");
    }

    @Test
    void anAnonymousRequestSpendsFromItsAddressAndForwardedForCountsOnlyFromATrustedProxy() {
        assertThat(limits.identities(Caller.ANONYMOUS, "192.0.2.7", "203.0.113.9")).extracting(
                RateLimits.Identity::key).containsExactly("a:192.0.2.7");
        assertThat(limits.clientAddress("10.0.0.1", "198.51.100.4, 203.0.113.9, 10.0.0.2"))
                .isEqualTo("203.0.113.9");
        assertThat(limits.clientAddress("10.0.0.1", "10.0.0.2")).isEqualTo("10.0.0.1");
        assertThat(limits.clientAddress(null, null)).isEqualTo("unknown");
    }

    @Test
    void anonymousRequestsFromThisMachineAreNotLimitedByAddressButSignedInOnesAre() {
        assertThat(limits.identities(Caller.ANONYMOUS, "127.0.0.1", null)).isEmpty();
        assertThat(limits.identities(Caller.ANONYMOUS, "0:0:0:0:0:0:0:1", null)).isEmpty();
        assertThat(limits.identities(Caller.lastfmUser("rj"), "127.0.0.1", null)).hasSize(1);
        RateLimits strict = new RateLimits(new RateLimits.Settings(50, 1000, List.of("127.0.0.1"), 100, true));
        // behind a trusted local proxy, the forwarded client counts
        assertThat(strict.identities(Caller.ANONYMOUS, "127.0.0.1", "203.0.113.9")).extracting(
                RateLimits.Identity::key).containsExactly("a:203.0.113.9");
    }

    @Test
    void zeroForBothWindowsTurnsLimitsOff() {
        assertThat(new RateLimits(new RateLimits.Settings(0, 0, List.of(), 10, true)).enabled()).isFalse();
        assertThat(limits.enabled()).isTrue();
    }
}
