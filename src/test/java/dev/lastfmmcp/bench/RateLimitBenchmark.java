package dev.lastfmmcp.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.config.ClusterTransport;
import dev.lastfmmcp.config.InfinispanStores;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.ratelimit.BucketStore;
import dev.lastfmmcp.ratelimit.InfinispanBuckets;
import dev.lastfmmcp.ratelimit.RateLimits;
import dev.lastfmmcp.signin.SignIn;
import dev.lastfmmcp.support.FreePorts;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.infinispan.manager.EmbeddedCacheManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The latency the rate-limit check adds to a counted request ({@code RateLimits.spend}: one token from the user's
 * and the sign-in's bucket), on a single node (buckets in memory) and in a cluster (two cache managers on 127.0.0.1,
 * buckets in the replicated {@code mcp-rate-buckets} cache: each spend is two synchronous read-modify-writes), beside
 * the exempt path (an anonymous loopback client). Prints the figures and appends them to
 * {@code target/benchmark-report.txt}; asserts only that the limits were not hit and the buckets are shared.
 */
class RateLimitBenchmark {

    /** High enough that no spend is refused: the figure is the check, not the refusal. */
    private static final RateLimits.Settings SETTINGS = new RateLimits.Settings(1_000_000_000L, 1_000_000_000L,
            List.of(), 100_000, true);
    private static final InfinispanStores.Limits LIMITS = new InfinispanStores.Limits(Duration.ofHours(1), 1000,
            Duration.ofDays(1), 1000, Duration.ofMinutes(1));

    private final JsonRpcCodec codec = new JsonRpcCodec(new ObjectMapper());
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final StringBuilder report = new StringBuilder();
    private final McpCall call = new McpCall(codec.classify(codec.parse(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"ping\"}}")));

    private void print(String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }

    @Test
    void run() throws Exception {
        print("Rate-limit check (" + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors()
              + " cores): the time RateLimits.spend adds to one counted request");
        Caller signedIn = Caller.signedIn(new SignIn("AliceListens", "session-key", SignIn.VIA_SESSION_URL,
                Instant.EPOCH, Instant.EPOCH, "0123456789abcdef"));

        RateLimits local = new RateLimits(SETTINGS, BucketStore.local(SETTINGS.maxIdentities()));
        time(local, Caller.ANONYMOUS, 20_000);
        print(summary("exempt (anonymous loopback client, no bucket)", time(local, Caller.ANONYMOUS, 50_000)));
        time(local, signedIn, 20_000);
        print(summary("single node, in-memory buckets (user + sign-in)", time(local, signedIn, 50_000)));

        int[] ports = FreePorts.cluster(2);
        String members = "127.0.0.1[" + ports[0] + "],127.0.0.1[" + ports[1] + "]";
        List<EmbeddedCacheManager> nodes = new ArrayList<>();
        try {
            nodes.add(node("bench-1", ports[0], members));
            nodes.add(node("bench-2", ports[1], members));
            await().atMost(Duration.ofSeconds(60)).until(() -> nodes.get(0).getMembers().size() == 2
                                                               && nodes.get(1).getMembers().size() == 2);
            RateLimits one = clustered(nodes.get(0));
            RateLimits two = clustered(nodes.get(1));
            time(one, signedIn, 1_000);
            time(two, signedIn, 1_000);
            print(summary("2-node cluster on loopback, replicated buckets (user + sign-in), node 1",
                    time(one, signedIn, 5_000)));
            print(summary("2-node cluster on loopback, replicated buckets (user + sign-in), node 2",
                    time(two, signedIn, 5_000)));
            // one bucket per identity for both nodes, held by each (replicated)
            for (EmbeddedCacheManager node : nodes) {
                assertThat(node.getCache(InfinispanStores.RATE_BUCKETS).keySet())
                        .containsExactlyInAnyOrder("u:alicelistens", "s:0123456789abcdef");
            }
        } finally {
            nodes.forEach(EmbeddedCacheManager::stop);
        }

        Path out = Path.of("target", "benchmark-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private long[] time(RateLimits limits, Caller caller, int count) {
        long[] nanos = new long[count];
        McpRequest request = new McpRequest("bench", 0, Instant.EPOCH, "POST", "/mcp", McpRequest.STREAMABLE_HTTP,
                "127.0.0.1");
        for (int i = 0; i < count; i++) {
            DefaultExchange exchange = new DefaultExchange(camel);
            long start = System.nanoTime();
            limits.spend(call, request, caller, exchange);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static RateLimits clustered(EmbeddedCacheManager manager) {
        return new RateLimits(SETTINGS,
                new InfinispanBuckets(() -> manager.<String, byte[]> getCache(InfinispanStores.RATE_BUCKETS)));
    }

    private static EmbeddedCacheManager node(String name, int port, String members) {
        EmbeddedCacheManager manager = InfinispanStores.start(LIMITS,
                new ClusterTransport(true, "127.0.0.1", port, members, name, Duration.ofMillis(300)));
        InfinispanStores.defineRateBuckets(manager, Duration.ofHours(1));
        return manager;
    }

    private static String summary(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        return String.format(Locale.ROOT, "%s, %,d checks: p50 %s, p90 %s, p99 %s, mean %s", what, sorted.length,
                time(sorted[sorted.length / 2]), time(sorted[(int) (sorted.length * 0.9)]),
                time(sorted[(int) (sorted.length * 0.99)]), time(mean));
    }

    private static String time(double nanos) {
        return nanos < 1_000_000 ? String.format(Locale.ROOT, "%.1f µs", nanos / 1e3)
                : String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
}
