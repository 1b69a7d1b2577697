package dev.lastfmmcp.unit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.lastfmmcp.config.ClusterTransport;
import dev.lastfmmcp.config.InfinispanStores;
import dev.lastfmmcp.observe.Probes;
import dev.lastfmmcp.support.ClusterView;
import dev.lastfmmcp.support.FreePorts;
import dev.lastfmmcp.web.Health;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ClusteringConfiguration;
import org.infinispan.manager.EmbeddedCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two clustered cache managers in one JVM, JGroups TCP on 127.0.0.1 with free ports and a short join timeout: what
 * one node writes the other reads, the survivor keeps it when the first stops, and the first gets the state again
 * (including a sign-in deleted while it was down) when it restarts.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterStoresTest {

    private static final InfinispanStores.Limits LIMITS = new InfinispanStores.Limits(Duration.ofHours(1), 1000,
            Duration.ofDays(1), 1000, Duration.ofMinutes(1));

    @TempDir
    Path data;

    private final List<EmbeddedCacheManager> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(EmbeddedCacheManager::stop);
    }

    @Test
    void writesReplicateSurviveANodeAndReachARestartedNode() throws IOException {
        int[] ports = FreePorts.cluster(2);
        String members = "127.0.0.1[" + ports[0] + "],127.0.0.1[" + ports[1] + "]";
        EmbeddedCacheManager one = node("node-1", ports[0], members);
        EmbeddedCacheManager two = node("node-2", ports[1], members);
        await().atMost(Duration.ofSeconds(30)).until(() -> two.getMembers().size() == 2
                                                          && one.getMembers().size() == 2);
        // the view readiness and server_info show: members by node name, the coordinator, this node
        ClusterView seenByTwo = InfinispanStores.view(two, transport("node-2", ports[1], members));
        assertThat(seenByTwo.members()).containsExactlyInAnyOrder("node-1", "node-2");
        assertThat(seenByTwo.node()).isEqualTo("node-2");
        assertThat(seenByTwo.coordinator()).isEqualTo("node-1");
        assertThat(seenByTwo.coordinator()).isEqualTo(InfinispanStores.view(one, transport("node-1", ports[0],
                members)).coordinator());
        assertThat(seenByTwo.complete()).isTrue();
        assertThat(Probes.cluster(seenByTwo).status()).isEqualTo(Health.Status.UP);

        assertThat(one.getCache(InfinispanStores.SESSIONS).getCacheConfiguration().clustering().cacheMode())
                .isEqualTo(CacheMode.REPL_SYNC);
        assertThat(one.getCache(InfinispanStores.SIGN_INS).getCacheConfiguration().clustering().cacheMode())
                .isEqualTo(CacheMode.REPL_SYNC);
        assertThat(one.getCache(InfinispanStores.USED_TOKENS).getCacheConfiguration().clustering().cacheMode())
                .isEqualTo(CacheMode.REPL_SYNC);
        for (String replicated : List.of(InfinispanStores.OAUTH_CLIENTS, InfinispanStores.OAUTH_TOKENS,
                InfinispanStores.OAUTH_PENDING)) {
            assertThat(one.getCache(replicated).getCacheConfiguration().clustering().cacheMode()).as(replicated)
                    .isEqualTo(CacheMode.REPL_SYNC);
        }
        assertThat(one.getCache(InfinispanStores.AUDIT).getCacheConfiguration().clustering().cacheMode())
                .isEqualTo(CacheMode.DIST_SYNC);
        assertThat(one.getCache(InfinispanStores.AUDIT).getCacheConfiguration().clustering().hash().numOwners())
                .isEqualTo(2);
        // a request waiting on a silent member is retried without it only if the member is dropped within this
        for (String name : List.of(InfinispanStores.SESSIONS, InfinispanStores.AUDIT, InfinispanStores.SIGN_INS,
                InfinispanStores.USED_TOKENS, InfinispanStores.OAUTH_CLIENTS, InfinispanStores.OAUTH_TOKENS,
                InfinispanStores.OAUTH_PENDING)) {
            ClusteringConfiguration clustering = one.getCache(name).getCacheConfiguration().clustering();
            assertThat(clustering.remoteTimeout()).as(name).isEqualTo(ClusterTransport.REMOTE_TIMEOUT.toMillis());
            // set by the store, not left to Infinispan's default
            assertThat(clustering.attributes().attribute(ClusteringConfiguration.REMOTE_TIMEOUT).isModified())
                    .as(name).isTrue();
        }

        // write on 1, read on 2
        one.<String, String> getCache(InfinispanStores.SESSIONS).put("s1", "{\"id\":\"s1\"}");
        one.<String, String> getCache(InfinispanStores.SIGN_INS).put("k1", "{\"user\":\"AliceListens\"}");
        one.<String, String> getCache(InfinispanStores.SIGN_INS).put("k2", "{\"user\":\"BobScrobbles\"}");
        one.<String, String> getCache(InfinispanStores.USED_TOKENS).put("t1", "used");
        one.<String, String> getCache(InfinispanStores.AUDIT).put("a1", "{\"tool\":\"ping\"}");
        one.<String, String> getCache(InfinispanStores.OAUTH_CLIENTS).put("c1", "{\"client\":\"c1\"}");
        assertThat(two.<String, String> getCache(InfinispanStores.SESSIONS).get("s1")).isEqualTo("{\"id\":\"s1\"}");
        assertThat(two.<String, String> getCache(InfinispanStores.SIGN_INS).get("k1"))
                .isEqualTo("{\"user\":\"AliceListens\"}");
        assertThat(two.<String, String> getCache(InfinispanStores.USED_TOKENS).get("t1")).isEqualTo("used");
        assertThat(two.<String, String> getCache(InfinispanStores.AUDIT).get("a1")).isEqualTo("{\"tool\":\"ping\"}");
        assertThat(two.<String, String> getCache(InfinispanStores.OAUTH_CLIENTS).get("c1"))
                .isEqualTo("{\"client\":\"c1\"}");

        // stop 1, read on 2 (and write while 1 is away: a new session, a sign-out)
        one.stop();
        started.remove(one);
        await().atMost(Duration.ofSeconds(30)).until(() -> two.getMembers().size() == 1);
        ClusterView alone = InfinispanStores.view(two, transport("node-2", ports[1], members));
        assertThat(alone.members()).containsExactly("node-2");
        assertThat(alone.coordinator()).isEqualTo("node-2");
        assertThat(Probes.cluster(alone).status()).as("a member missing: degraded, still ready")
                .isEqualTo(Health.Status.DEGRADED);
        assertThat(Probes.cluster(alone).detail()).isEqualTo("1 of 2 configured members in view: node-2 "
                                                              + "(coordinator); this node node-2");
        assertThat(two.<String, String> getCache(InfinispanStores.SESSIONS).get("s1")).isEqualTo("{\"id\":\"s1\"}");
        assertThat(two.<String, String> getCache(InfinispanStores.AUDIT).get("a1")).isEqualTo("{\"tool\":\"ping\"}");
        assertThat(two.<String, String> getCache(InfinispanStores.SIGN_INS).get("k1"))
                .isEqualTo("{\"user\":\"AliceListens\"}");
        two.<String, String> getCache(InfinispanStores.SESSIONS).put("s2", "{\"id\":\"s2\"}");
        two.<String, String> getCache(InfinispanStores.AUDIT).put("a2", "{\"tool\":\"server_info\"}");
        two.<String, String> getCache(InfinispanStores.SIGN_INS).remove("k2");

        // start 1 again: the state is transferred; its own file store (which still has k2) does not bring k2 back.
        // It waits up to 5 s for node 2's answer: with the 300 ms of the first start, a busy machine made it form a
        // cluster of its own (a CI run), and the merge that follows can take longer than this test waits
        EmbeddedCacheManager again = node("node-1", ports[0], members, Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(30)).until(() -> again.getMembers().size() == 2);
        assertThat(again.<String, String> getCache(InfinispanStores.SESSIONS).get("s2"))
                .isEqualTo("{\"id\":\"s2\"}");
        assertThat(again.<String, String> getCache(InfinispanStores.SESSIONS).get("s1"))
                .isEqualTo("{\"id\":\"s1\"}");
        assertThat(again.<String, String> getCache(InfinispanStores.AUDIT).get("a2"))
                .isEqualTo("{\"tool\":\"server_info\"}");
        assertThat(again.<String, String> getCache(InfinispanStores.SIGN_INS).get("k1"))
                .isEqualTo("{\"user\":\"AliceListens\"}");
        assertThat(again.<String, String> getCache(InfinispanStores.SIGN_INS).get("k2")).isNull();
        assertThat(again.<String, String> getCache(InfinispanStores.SIGN_INS).getAdvancedCache()
                .withFlags(org.infinispan.context.Flag.CACHE_MODE_LOCAL).get("k2")).isNull();
    }

    @Test
    void offByDefaultTheCachesAreLocal() {
        EmbeddedCacheManager manager = InfinispanStores.start(LIMITS, ClusterTransport.off());
        started.add(manager);
        InfinispanStores.defineSignIns(manager, data.resolve("single"), 100);
        assertThat(InfinispanStores.isClustered(manager)).isFalse();
        assertThat(manager.getAddress()).isNull();
        assertThat(InfinispanStores.view(manager, ClusterTransport.off()))
                .isEqualTo(ClusterView.single("local"));
        assertThat(manager.getCache(InfinispanStores.SESSIONS).getCacheConfiguration().clustering().cacheMode())
                .isEqualTo(CacheMode.LOCAL);
        assertThat(manager.getCache(InfinispanStores.SIGN_INS).getCacheConfiguration().clustering().cacheMode())
                .isEqualTo(CacheMode.LOCAL);
    }

    private static ClusterTransport transport(String name, int port, String members) {
        return transport(name, port, members, Duration.ofMillis(300));
    }

    private static ClusterTransport transport(String name, int port, String members, Duration joinTimeout) {
        return new ClusterTransport(true, "127.0.0.1", port, members, name, joinTimeout);
    }

    private EmbeddedCacheManager node(String name, int port, String members) throws IOException {
        return node(name, port, members, Duration.ofMillis(300));
    }

    private EmbeddedCacheManager node(String name, int port, String members, Duration joinTimeout)
            throws IOException {
        ClusterTransport cluster = transport(name, port, members, joinTimeout);
        EmbeddedCacheManager manager = InfinispanStores.start(LIMITS, cluster);
        started.add(manager);
        Path dir = Files.createDirectories(data.resolve(name));
        InfinispanStores.defineSignIns(manager, dir, 100);
        InfinispanStores.defineOAuth(manager, dir, 100);
        assertThat(manager.getAddress().toString()).isEqualTo(name);
        return manager;
    }
}
