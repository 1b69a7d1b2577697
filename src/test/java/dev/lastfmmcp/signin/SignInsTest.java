package dev.lastfmmcp.signin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.config.InfinispanStores;
import dev.lastfmmcp.support.Fingerprint;
import dev.lastfmmcp.support.TestClock;
import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sign-in store on a real embedded Infinispan with its file store in a temporary data directory. */
class SignInsTest {

    private static final String KEY = "d580d57f32848f5dcf574d1ce18d78b2";

    @TempDir
    Path data;

    private final TestClock clock = new TestClock("2026-12-01T10:00:00Z");
    private EmbeddedCacheManager manager;

    private EmbeddedCacheManager start() {
        EmbeddedCacheManager started = InfinispanStores.start(new InfinispanStores.Limits(Duration.ofHours(1), 100,
                Duration.ofDays(1), 100, Duration.ofMinutes(1)));
        InfinispanStores.defineSignIns(started, data, 100);
        return started;
    }

    private SignIns signIns(EmbeddedCacheManager on, SecretBox box) {
        return new SignIns(() -> on.<String, String>getCache(InfinispanStores.SIGN_INS), box,
                AppConfiguration.objectMapper(), clock, Duration.ofDays(30));
    }

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.stop();
        }
    }

    @Test
    void aSignInIsFoundByItsIdAndTheStoreHoldsNeitherTheIdNorTheKey() {
        manager = start();
        SignIns store = signIns(manager, new SecretBox(SecretBoxTest.key(1), List.of()));
        String id = store.create("AliceListens", KEY, SignIn.VIA_SESSION_URL).id();
        assertThat(id).matches("[A-Za-z0-9_-]{43}");
        SignIn found = store.find(id).orElseThrow();
        assertThat(found.user()).isEqualTo("AliceListens");
        assertThat(found.sessionKey()).isEqualTo(KEY);
        assertThat(found.hash()).isEqualTo(Fingerprint.of(id));
        assertThat(found.toString()).doesNotContain(KEY);
        Cache<String, String> cache = manager.getCache(InfinispanStores.SIGN_INS);
        assertThat(cache.keySet()).hasSize(1).noneMatch(k -> k.contains(id));
        assertThat(cache.values().iterator().next()).doesNotContain(KEY).doesNotContain(id).contains("AliceListens");
        assertThat(store.find("nope")).isEmpty();
        assertThat(store.find(id.substring(1) + "A")).isEmpty();
        assertThat(store.find(null)).isEmpty();
    }

    @Test
    void signOutDeletesAtOnce() {
        manager = start();
        SignIns store = signIns(manager, new SecretBox(SecretBoxTest.key(1), List.of()));
        String id = store.create("AliceListens", KEY, SignIn.VIA_SESSION_URL).id();
        assertThat(store.delete(id)).isTrue();
        assertThat(store.find(id)).isEmpty();
        assertThat(store.delete(id)).isFalse();
        assertThat(manager.getCache(InfinispanStores.SIGN_INS).isEmpty()).isTrue();
    }

    @Test
    void aSignInWhoseSessionKeyLastfmRejectedIsMarkedInvalidAndNoLongerFound() {
        manager = start();
        SignIns store = signIns(manager, new SecretBox(SecretBoxTest.key(1), List.of()));
        String id = store.create("AliceListens", KEY, SignIn.VIA_OAUTH).id();
        String other = store.create("AliceListens", "another-session-key", SignIn.VIA_SESSION_URL).id();
        SignIn found = store.find(id).orElseThrow();
        assertThat(found.storeKey()).isEqualTo(Fingerprint.sha256(id)).startsWith(found.hash());
        assertThat(store.rejected(id)).isFalse();

        assertThat(store.invalidate(found.storeKey())).hasValue(SignIn.VIA_OAUTH);

        assertThat(store.find(id)).isEmpty();
        assertThat(store.rejected(id)).isTrue();
        // the marker keeps no key: the session key is gone from the store at once
        assertThat(manager.<String, String>getCache(InfinispanStores.SIGN_INS).get(found.storeKey()))
                .contains("AliceListens", "invalid").doesNotContain("\"key\"");
        // again: still invalid, still how it was made
        assertThat(store.invalidate(found.storeKey())).hasValue(SignIn.VIA_OAUTH);
        assertThat(store.find(id)).isEmpty();
        // the user's other sign-in is not touched
        assertThat(store.find(other)).isPresent();
        assertThat(store.rejected(other)).isFalse();
        // unknown, malformed or missing keys and ids change nothing
        assertThat(store.invalidate(Fingerprint.sha256("nobody"))).isEmpty();
        assertThat(store.invalidate("not a key")).isEmpty();
        assertThat(store.invalidate(null)).isEmpty();
        assertThat(store.rejected("nope")).isFalse();
        assertThat(store.rejected(null)).isFalse();
        // signing out removes the marker too
        assertThat(store.delete(id)).isTrue();
        assertThat(store.rejected(id)).isFalse();
    }

    @Test
    void anUnreadableEntryIsRemovedWhenItsSignInIsRejected() {
        manager = start();
        SignIns store = signIns(manager, new SecretBox(SecretBoxTest.key(1), List.of()));
        String id = "A".repeat(43);
        Cache<String, String> cache = manager.getCache(InfinispanStores.SIGN_INS);
        cache.put(Fingerprint.sha256(id), "not json");
        assertThat(store.rejected(id)).isFalse();
        assertThat(store.invalidate(Fingerprint.sha256(id))).hasValue(SignIn.VIA_SESSION_URL);
        assertThat(cache.containsKey(Fingerprint.sha256(id))).isFalse();
    }

    @Test
    void rejectionsSayHowToSignInAgainByHowTheSignInWasMade() {
        manager = start();
        SignIns store = signIns(manager, new SecretBox(SecretBoxTest.key(1), List.of()));
        String urlId = store.create("AliceListens", KEY, SignIn.VIA_SESSION_URL).id();
        SignIn url = store.find(urlId).orElseThrow();
        SignIn oauth = store.find(store.create("BobListens", KEY, SignIn.VIA_OAUTH).id()).orElseThrow();
        SignInRejections rejections = new SignInRejections(store, () -> "https://mcp.example/login");
        assertThat(rejections.rejected(account(url))).startsWith("Last.fm no longer accepts AliceListens's sign-in "
                + "(error 9").contains("marked the sign-in invalid",
                "Sign in again at https://mcp.example/login and use the new personal MCP URL");
        assertThat(rejections.rejected(account(oauth))).contains("BobListens's", "through your MCP client")
                .doesNotContain("/login");
        assertThat(store.find(urlId)).isEmpty();
        assertThat(store.rejected(urlId)).isTrue();
        assertThat(new SignInRejections(store, () -> null).rejected(account(url))).endsWith("Sign in to Last.fm again.");
        assertThat(new SignInRejections(store, null).rejected(new dev.lastfmmcp.upstream.LastfmAccount() {
            @Override
            public String lastfmUser() {
                return null;
            }

            @Override
            public String lastfmSessionKey() {
                return KEY;
            }
        })).contains("accepts this sign-in").endsWith("Sign in to Last.fm again.");
    }

    private static dev.lastfmmcp.upstream.LastfmAccount account(SignIn signIn) {
        return new dev.lastfmmcp.upstream.LastfmAccount() {
            @Override
            public String lastfmUser() {
                return signIn.user();
            }

            @Override
            public String lastfmSessionKey() {
                return signIn.sessionKey();
            }

            @Override
            public String signInKey() {
                return signIn.storeKey();
            }
        };
    }

    @Test
    void aSignInLivesTheTtlAfterItsLastUse() {
        manager = start();
        SignIns store = signIns(manager, new SecretBox(SecretBoxTest.key(1), List.of()));
        String id = store.create("AliceListens", KEY, SignIn.VIA_SESSION_URL).id();
        clock.advance(Duration.ofDays(20));
        assertThat(store.find(id)).isPresent();
        clock.advance(Duration.ofDays(20));
        // 40 days after creation, 20 after the last use: alive
        await().atMost(Duration.ofSeconds(5)).until(() -> store.find(id).isPresent());
        clock.advance(Duration.ofDays(31));
        assertThat(store.find(id)).isEmpty();
    }

    @Test
    void aValueSealedUnderThePreviousKeyIsReSealedOnUse() {
        manager = start();
        String id = signIns(manager, new SecretBox(SecretBoxTest.key(1), List.of()))
                .create("AliceListens", KEY, SignIn.VIA_SESSION_URL).id();
        SecretBox rotated = new SecretBox(SecretBoxTest.key(2), List.of(SecretBoxTest.key(1)));
        assertThat(signIns(manager, rotated).find(id).orElseThrow().sessionKey()).isEqualTo(KEY);
        Cache<String, String> cache = manager.getCache(InfinispanStores.SIGN_INS);
        await().atMost(Duration.ofSeconds(5)).until(() -> cache.values().iterator().next()
                .contains("\"keyId\":\"" + rotated.activeKeyId() + "\""));
        // the old key can go now
        SecretBox newOnly = new SecretBox(SecretBoxTest.key(2), List.of());
        assertThat(signIns(manager, newOnly).find(id).orElseThrow().sessionKey()).isEqualTo(KEY);
        // without any key that opens it, the sign-in is treated as signed out
        assertThat(signIns(manager, new SecretBox(SecretBoxTest.key(3), List.of())).find(id)).isEmpty();
    }

    @Test
    void signInsSurviveARestartOnTheSameDataDirectory() {
        manager = start();
        SecretBox box = new SecretBox(SecretBoxTest.key(1), List.of());
        String id = signIns(manager, box).create("AliceListens", KEY, SignIn.VIA_SESSION_URL).id();
        manager.stop();
        manager = start();
        assertThat(signIns(manager, box).find(id).orElseThrow().user()).isEqualTo("AliceListens");
    }
}
