package dev.lastfmmcp.unit;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.lastfmmcp.config.ClusterTransport;
import dev.lastfmmcp.config.InfinispanStores;
import dev.lastfmmcp.config.RemoteStores;
import dev.lastfmmcp.observe.Probes;
import dev.lastfmmcp.ratelimit.HotRodBuckets;
import dev.lastfmmcp.stream.RemoteSessionEnds;
import dev.lastfmmcp.support.ClusterView;
import dev.lastfmmcp.support.FreePorts;
import dev.lastfmmcp.web.Health;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.client.hotrod.configuration.Configuration;
import org.infinispan.client.hotrod.event.ClientCacheEntryExpiredEvent;
import org.infinispan.client.hotrod.event.ClientCacheEntryRemovedEvent;
import org.infinispan.client.hotrod.event.ClientEvent;
import org.infinispan.client.hotrod.exceptions.TransportException;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.parsing.ConfigurationBuilderHolder;
import org.infinispan.configuration.parsing.ParserRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The remote stores ({@code INFINISPAN_HOSTS}) without an Infinispan Server (none can run here): the host list and
 * its refusals, the Hot Rod client configuration, each cache's server-side declaration parsed by Infinispan's own
 * parser, the client against a port where nothing listens (health DOWN, bounded, no secret), the remote view, the
 * session-end listener and the Hot Rod bucket store up to the wire.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RemoteStoresTest {

    private static final InfinispanStores.Limits LIMITS = new InfinispanStores.Limits(Duration.ofMinutes(30), 2000,
            Duration.ofDays(7), 20_000, Duration.ofSeconds(30));

    private static RemoteStores hosts(String hosts) {
        return new RemoteStores(hosts, "", "", Duration.ofSeconds(5));
    }

    @Test
    void hostsAreHostAndOptionalPortSeparatedBySemicolonsOrCommas() {
        assertThat(hosts("").enabled()).isFalse();
        assertThat(new RemoteStores(null, null, null, null).enabled()).isFalse();
        assertThat(hosts("ispn-1:11300; ispn-2 ,10.0.0.7:11222,[::1]:11400,ispn-1:11300").servers())
                .extracting(Object::toString)
                .containsExactly("ispn-1:11300", "ispn-2:11222", "10.0.0.7:11222", "[::1]:11400");
        assertThat(hosts("infinispan.example.org").servers()).singleElement()
                .isEqualTo(new RemoteStores.Server("infinispan.example.org", RemoteStores.DEFAULT_PORT));
    }

    @Test
    void badHostListsAreRefusedWithTheVariableNamed() {
        for (String bad : List.of(";", " , ", "ispn-1:0", "ispn-1:70000", "ispn 1", "http://ispn-1:11222",
                "ispn-1:port", "-ispn", "[zz::1]:11222")) {
            assertThatThrownBy(() -> hosts(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("INFINISPAN_HOSTS");
        }
        assertThatThrownBy(() -> hosts("239.1.2.3:11222")).hasMessageContaining("multicast");
        assertThatThrownBy(() -> hosts("[ff02::1]")).hasMessageContaining("multicast");
        assertThatThrownBy(() -> new RemoteStores("ispn-1", "app", "", Duration.ofSeconds(5)))
                .hasMessageContaining("INFINISPAN_PASSWORD");
        assertThatThrownBy(() -> new RemoteStores("ispn-1", "", "", Duration.ZERO))
                .hasMessageContaining("INFINISPAN_TIMEOUT");
        ClusterTransport clustered = new ClusterTransport(true, "127.0.0.1", 7800, "", "a", Duration.ofSeconds(2));
        assertThatThrownBy(() -> hosts("ispn-1").checkNotBoth(clustered))
                .hasMessageContaining("MCP_CLUSTER=true and INFINISPAN_HOSTS exclude each other");
        hosts("").checkNotBoth(clustered);
        hosts("ispn-1").checkNotBoth(ClusterTransport.off());
    }

    @Test
    void theClientConfigurationNamesTheServersForcesReturnValuesAndAuthenticatesWhenAUserIsSet() {
        Map<String, String> declarations = RemoteStores.declarations(LIMITS, 10_000, 10_000, Duration.ofHours(1));
        Configuration anonymous = new RemoteStores("ispn-1:11300;[::1]", "", "", Duration.ofMillis(1500))
                .configuration(declarations);
        assertThat(anonymous.servers()).extracting(server -> server.host() + ":" + server.port())
                .containsExactly("ispn-1:11300", "::1:11222");
        assertThat(anonymous.connectionTimeout()).isEqualTo(1500);
        assertThat(anonymous.socketTimeout()).isEqualTo(1500);
        // SessionStore.delete, SignIns.delete and the one-use sign-in token read what remove/putIfAbsent return,
        // which Hot Rod sends only when asked
        assertThat(anonymous.forceReturnValues()).isTrue();
        assertThat(anonymous.security().authentication().enabled()).isFalse();
        assertThat(anonymous.remoteCaches()).containsOnlyKeys(declarations.keySet());
        anonymous.remoteCaches().forEach((name, cache) -> {
            assertThat(cache.configuration()).as(name).isEqualTo(declarations.get(name));
            assertThat(cache.forceReturnValues()).as(name).isTrue();
        });

        Configuration user = new RemoteStores("ispn-1", " app ", "s3cret-Password", Duration.ofSeconds(5))
                .configuration(declarations);
        assertThat(user.security().authentication().enabled()).isTrue();
        assertThat(user.security().authentication().saslMechanism()).isEqualTo("SCRAM-SHA-512");
        assertThat(user.security().authentication().callbackHandler()).isNotNull();
        assertThat(user.toString()).doesNotContain("s3cret-Password");
    }

    @Test
    void eachCacheIsDeclaredForTheServerAsTheEmbeddedClusterHasIt() {
        Map<String, String> declarations = RemoteStores.declarations(LIMITS, 10_000, 5_000, Duration.ofHours(1));
        assertThat(declarations).containsOnlyKeys(InfinispanStores.SESSIONS, InfinispanStores.AUDIT,
                InfinispanStores.SIGN_INS, InfinispanStores.USED_TOKENS, InfinispanStores.OAUTH_CLIENTS,
                InfinispanStores.OAUTH_TOKENS, InfinispanStores.OAUTH_PENDING, InfinispanStores.RATE_BUCKETS);
        ParserRegistry parser = new ParserRegistry();
        for (Map.Entry<String, String> cache : declarations.entrySet()) {
            // the server parses the declaration the client sends in the cache's own element, named by the client
            ConfigurationBuilderHolder holder = parser.parse("<infinispan><cache-container>"
                    + cache.getValue().replaceFirst("-cache ", "-cache name=\"" + cache.getKey() + "\" ")
                    + "</cache-container></infinispan>", null);
            org.infinispan.configuration.cache.Configuration parsed = holder.getNamedConfigurationBuilders()
                    .get(cache.getKey()).build();
            String name = cache.getKey();
            assertThat(parsed.encoding().valueDataType().mediaType().toString()).as(name)
                    .isEqualTo("application/x-protostream");
            if (name.equals(InfinispanStores.AUDIT)) {
                assertThat(parsed.clustering().cacheMode()).isEqualTo(CacheMode.DIST_SYNC);
                assertThat(parsed.clustering().hash().numOwners()).isEqualTo(2);
                assertThat(parsed.expiration().lifespan()).isEqualTo(Duration.ofDays(7).toMillis());
                assertThat(parsed.memory().maxCount()).isEqualTo(20_000);
            } else {
                assertThat(parsed.clustering().cacheMode()).as(name).isEqualTo(CacheMode.REPL_SYNC);
            }
            boolean persisted = List.of(InfinispanStores.SIGN_INS, InfinispanStores.OAUTH_CLIENTS,
                    InfinispanStores.OAUTH_TOKENS).contains(name);
            assertThat(parsed.persistence().stores()).as(name).hasSize(persisted ? 1 : 0);
        }
        org.infinispan.configuration.cache.Configuration sessions = parse(parser, declarations,
                InfinispanStores.SESSIONS);
        assertThat(sessions.expiration().maxIdle()).isEqualTo(Duration.ofMinutes(30).toMillis());
        assertThat(sessions.expiration().wakeUpInterval()).isEqualTo(30_000);
        assertThat(sessions.memory().maxCount()).isEqualTo(2000);
        assertThat(parse(parser, declarations, InfinispanStores.RATE_BUCKETS).expiration().maxIdle())
                .isEqualTo(Duration.ofMinutes(61).toMillis());
        assertThat(parse(parser, declarations, InfinispanStores.USED_TOKENS).expiration().lifespan())
                .isEqualTo(Duration.ofHours(1).toMillis());
        assertThat(parse(parser, declarations, InfinispanStores.OAUTH_TOKENS).memory().maxCount())
                .isEqualTo(20_000);
    }

    private static org.infinispan.configuration.cache.Configuration parse(ParserRegistry parser,
            Map<String, String> declarations, String name) {
        return parser.parse("<infinispan><cache-container>" + declarations.get(name)
                .replaceFirst("-cache ", "-cache name=\"" + name + "\" ") + "</cache-container></infinispan>", null)
                .getNamedConfigurationBuilders().get(name).build();
    }

    @Test
    void withNoServerListeningTheHealthCheckIsDownNamingTheServersWithinTheTimeout() throws IOException {
        int closed = FreePorts.one();
        RemoteStores remote = new RemoteStores("127.0.0.1:" + closed, "app", "s3cret-Password",
                Duration.ofMillis(500));
        RemoteCacheManager manager = remote.start(RemoteStores.declarations(LIMITS, 100, 100, Duration.ofHours(1)));
        try {
            long started = System.nanoTime();
            Health.Check check = RemoteStores.check(manager);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
            assertThat(check.status()).isEqualTo(Health.Status.DOWN);
            assertThat(check.detail()).startsWith("Infinispan Server not reachable at ").contains(":" + closed)
                    .doesNotContain("s3cret");
            ClusterView view = remote.view(manager, "node-a");
            assertThat(view.remote()).isTrue();
            assertThat(view.node()).isEqualTo("node-a");
            assertThat(view.toMap()).containsEntry("clustered", true).containsKey("infinispanServers");
            assertThat(Probes.cluster(view).status()).isEqualTo(Health.Status.UP);

            // the Hot Rod bucket store reaches for its cache on first use, not when it is made
            HotRodBuckets buckets = new HotRodBuckets(() -> manager.getCache(InfinispanStores.RATE_BUCKETS));
            BucketConfiguration configuration = BucketConfiguration.builder().addLimit(Bandwidth.builder()
                    .capacity(50).refillGreedy(50, Duration.ofMinutes(1)).build()).build();
            assertThatThrownBy(() -> buckets.bucket("u:alicelistens", configuration))
                    .isInstanceOf(TransportException.class);
        } finally {
            manager.stop();
        }
        assertThat(RemoteStores.check(manager).status()).isEqualTo(Health.Status.DOWN);
        assertThat(remote.view(manager, "").node()).isEqualTo("local");
        assertThat(remote.view(manager, "").describe()).contains("(not connected)");
    }

    @Test
    void theRemoteViewShowsTheServersAndThisNode() {
        ClusterView view = ClusterView.remote("node-b", List.of("10.0.0.7:11222", "10.0.0.8:11222"));
        assertThat(view.describe())
                .isEqualTo("stores on the Infinispan Server cluster at 10.0.0.7:11222, 10.0.0.8:11222; this node node-b");
        assertThat(view.members()).containsExactly("node-b");
        assertThat(view.complete()).isTrue();
        assertThat(view.toMap().get("infinispanServers")).isEqualTo(List.of("10.0.0.7:11222", "10.0.0.8:11222"));
        assertThat(new ClusterView(true, "a", "a", List.of("a"), 1).remote()).isFalse();
        assertThat(new ClusterView(true, "a", "a", List.of("a"), 1).toMap()).doesNotContainKey("infinispanServers");
    }

    @Test
    void aSessionDeletedOrExpiredOnTheServerEndsHere() {
        List<String> ended = new ArrayList<>();
        List<Consumer<String>> actions = new ArrayList<>(List.of(ended::add));
        RemoteSessionEnds listener = new RemoteSessionEnds(actions);
        listener.removed(new ClientCacheEntryRemovedEvent<>() {
            @Override
            public String getKey() {
                return "deleted-session";
            }

            @Override
            public boolean isCommandRetried() {
                return false;
            }

            @Override
            public ClientEvent.Type getType() {
                return ClientEvent.Type.CLIENT_CACHE_ENTRY_REMOVED;
            }
        });
        listener.expired(new ClientCacheEntryExpiredEvent<>() {
            @Override
            public String getKey() {
                return "idle-session";
            }

            @Override
            public ClientEvent.Type getType() {
                return ClientEvent.Type.CLIENT_CACHE_ENTRY_EXPIRED;
            }
        });
        listener.expired(new ClientCacheEntryExpiredEvent<String>() {
            @Override
            public String getKey() {
                return null;
            }

            @Override
            public ClientEvent.Type getType() {
                return ClientEvent.Type.CLIENT_CACHE_ENTRY_EXPIRED;
            }
        });
        assertThat(ended).containsExactly("deleted-session", "idle-session");
    }
}
