package dev.lastfmmcp.unit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.config.ClusterTransport;
import dev.lastfmmcp.config.InfinispanStores;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.ratelimit.InfinispanBuckets;
import dev.lastfmmcp.ratelimit.RateLimits;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ClusteringConfiguration;
import org.infinispan.manager.EmbeddedCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In a cluster the rate-limit buckets are shared: two nodes (cache managers on 127.0.0.1) spending from one identity
 * admit exactly the limit in total, the survivor of a stopped node still refuses, and so does the stopped node once
 * it has restarted and rejoined.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterRateLimitsTest {

    private static final InfinispanStores.Limits LIMITS = new InfinispanStores.Limits(Duration.ofHours(1), 1000,
            Duration.ofDays(1), 1000, Duration.ofMinutes(1));
    private static final RateLimits.Settings TEN_PER_MINUTE = new RateLimits.Settings(10, 1000, List.of(), 100,
            true);

    private final List<EmbeddedCacheManager> started = new ArrayList<>();
    private final JsonRpcCodec codec = new JsonRpcCodec(new ObjectMapper());
    private final DefaultCamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stopAll() {
        started.forEach(EmbeddedCacheManager::stop);
    }

    @Test
    void twoNodesSpendFromOneBucketAndTheLimitHoldsInTotal() throws Exception {
        int[] ports = dev.lastfmmcp.support.FreePorts.cluster(2);
        String members = "127.0.0.1[" + ports[0] + "],127.0.0.1[" + ports[1] + "]";
        EmbeddedCacheManager one = node("rate-1", ports[0], members);
        EmbeddedCacheManager two = node("rate-2", ports[1], members);
        await().atMost(Duration.ofSeconds(30)).until(() -> one.getMembers().size() == 2
                                                          && two.getMembers().size() == 2);
        ClusteringConfiguration clustering = one.getCache(InfinispanStores.RATE_BUCKETS).getCacheConfiguration()
                .clustering();
        assertThat(clustering.cacheMode()).isEqualTo(CacheMode.REPL_SYNC);
        assertThat(clustering.remoteTimeout()).isEqualTo(ClusterTransport.REMOTE_TIMEOUT.toMillis());
        assertThat(clustering.attributes().attribute(ClusteringConfiguration.REMOTE_TIMEOUT).isModified()).isTrue();
        List<RateLimits> nodes = List.of(limits(one), limits(two));

        int admitted = 0;
        List<JsonRpcException> refused = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            try {
                spend(nodes.get(i % 2));
                admitted++;
            } catch (JsonRpcException e) {
                refused.add(e);
            }
        }
        assertThat(admitted).isEqualTo(10);
        assertThat(refused).hasSize(6);
        assertThat(refused.get(0).getMessage())
                .startsWith("Rate limit exceeded: 10 requests per minute for user AliceListens; retry in");

        // node 1 stops: node 2 keeps the spent bucket
        one.stop();
        started.remove(one);
        await().atMost(Duration.ofSeconds(30)).until(() -> two.getMembers().size() == 1);
        try {
            spend(nodes.get(1));
            throw new AssertionError("node 2 admitted an 11th request");
        } catch (JsonRpcException expected) {
            assertThat(expected.getMessage()).contains("10 requests per minute");
        }
        // another identity has its own bucket
        spend(nodes.get(1), Caller.lastfmUser("BobScrobbles"));

        // node 1 restarts and rejoins: the buckets come back by state transfer, so it refuses AliceListens too
        // (a limit holds across the restart of one node; only a whole-cluster restart forgets, being in memory)
        // (it waits up to 5 s for the other member's answer, as in ClusterStoresTest: not a cluster of its own)
        EmbeddedCacheManager again = node("rate-1", ports[0], members, Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(30)).until(() -> again.getMembers().size() == 2
                                                            && two.getMembers().size() == 2);
        try {
            spend(limits(again));
            throw new AssertionError("the restarted node 1 admitted an 11th request");
        } catch (JsonRpcException expected) {
            assertThat(expected.getMessage()).contains("10 requests per minute for user AliceListens");
        }
    }

    private void spend(RateLimits limits) {
        spend(limits, Caller.lastfmUser("AliceListens"));
    }

    private void spend(RateLimits limits, Caller caller) {
        McpRequest request = new McpRequest("c", 0, Instant.EPOCH, "POST", "/mcp");
        McpCall call = new McpCall(codec.classify(codec.parse(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"ping\"}}")));
        limits.spend(call, request, caller, new DefaultExchange(camel));
    }

    private static RateLimits limits(EmbeddedCacheManager manager) {
        return new RateLimits(TEN_PER_MINUTE,
                new InfinispanBuckets(() -> manager.<String, byte[]> getCache(InfinispanStores.RATE_BUCKETS)));
    }

    private EmbeddedCacheManager node(String name, int port, String members) {
        return node(name, port, members, Duration.ofMillis(300));
    }

    private EmbeddedCacheManager node(String name, int port, String members, Duration joinTimeout) {
        EmbeddedCacheManager manager = InfinispanStores.start(LIMITS,
                new ClusterTransport(true, "127.0.0.1", port, members, name, joinTimeout));
        started.add(manager);
        InfinispanStores.defineRateBuckets(manager, Duration.ofHours(1));
        return manager;
    }
}
