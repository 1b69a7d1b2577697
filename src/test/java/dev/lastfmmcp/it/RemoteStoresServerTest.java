package dev.lastfmmcp.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.audit.AuditStore;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.config.InfinispanStores;
import dev.lastfmmcp.config.RemoteStores;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.Session;
import dev.lastfmmcp.mcp.SessionStore;
import dev.lastfmmcp.observe.AuditQuery;
import dev.lastfmmcp.ratelimit.HotRodBuckets;
import dev.lastfmmcp.ratelimit.RateLimits;
import dev.lastfmmcp.signin.SecretBox;
import dev.lastfmmcp.signin.SignIn;
import dev.lastfmmcp.signin.SignIns;
import dev.lastfmmcp.stream.RemoteSessionEnds;
import dev.lastfmmcp.support.FreePorts;
import dev.lastfmmcp.web.Health;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.commons.api.BasicCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The remote stores ({@code INFINISPAN_HOSTS}) against a real Hot Rod server: Infinispan 15.0.4's Hot Rod endpoint in
 * a JVM of its own ({@code src/test/hotrod-server}: the newest server module that resolves here; no Infinispan Server
 * distribution can run on these machines), with Bucket4j's server task on its class path as a server's
 * {@code server/lib} would have it. Two Hot Rod clients play two nodes of this service: the caches are created from
 * the declarations, the stores work through them, a rate limit is one limit for both, a session deleted through one
 * ends on the other's listener, audit records written by one are read by the other.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteStoresServerTest {

    private static final InfinispanStores.Limits LIMITS = new InfinispanStores.Limits(Duration.ofMinutes(30), 2000,
            Duration.ofDays(7), 20_000, Duration.ofSeconds(30));
    private static final ObjectMapper JSON = AppConfiguration.objectMapper();

    private Process server;
    private File serverOutput;
    private RemoteStores remote;
    private final List<RemoteCacheManager> clients = new ArrayList<>();

    @BeforeAll
    void startServer() throws Exception {
        Path classpath = Path.of("target", "hotrod-server.classpath");
        assertThat(classpath).as("written by the build (exec execution hotrod-test-server, generate-test-resources)")
                .exists();
        int port = FreePorts.one();
        int jgroups = FreePorts.one();
        serverOutput = File.createTempFile("hotrod-server", ".log");
        serverOutput.deleteOnExit();
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        server = new ProcessBuilder(java, "-Djava.net.preferIPv4Stack=true", "-Xmx256m", "-cp",
                Files.readString(classpath).trim(), "src/test/hotrod-server/HotRodTestServer.java",
                Integer.toString(port), Integer.toString(jgroups),
                Files.createDirectories(Path.of("target", "hotrod-server-state")).resolve("run-" + port).toString())
                .redirectErrorStream(true).redirectOutput(serverOutput).start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> output().contains("READY " + port) || !server.isAlive());
        assertThat(server.isAlive()).as(output()).isTrue();
        remote = new RemoteStores("127.0.0.1:" + port, "", "", Duration.ofSeconds(10));
    }

    @AfterAll
    void stop() throws InterruptedException {
        clients.forEach(RemoteCacheManager::stop);
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private String output() throws IOException {
        return Files.readString(serverOutput.toPath(), StandardCharsets.UTF_8);
    }

    /** One node of this service: a Hot Rod client, as AppConfiguration builds it. */
    private RemoteCacheManager client() {
        RemoteCacheManager client = remote.start(RemoteStores.declarations(LIMITS, 1000, 1000, Duration.ofHours(1)));
        clients.add(client);
        return client;
    }

    @Test
    void theStoresWorkThroughTheServerAndTwoNodesShareThem() throws Exception {
        RemoteCacheManager nodeA = client();
        RemoteCacheManager nodeB = client();
        List<String> endedOnB = new CopyOnWriteArrayList<>();
        Function<String, BasicCache<String, String>> cachesA = RemoteStores.caches(() -> nodeA,
                new RemoteSessionEnds(List.of(id -> { })));
        Function<String, BasicCache<String, String>> cachesB = RemoteStores.caches(() -> nodeB,
                new RemoteSessionEnds(List.<Consumer<String>> of(endedOnB::add)));
        assertThat(RemoteStores.check(nodeA).status()).isEqualTo(Health.Status.UP);
        assertThat(remote.view(nodeA, "node-a").servers()).isNotEmpty();

        // MCP sessions: made on A, found on B, deleted on B (remove's answer: forced return values), ended on B
        SessionStore sessionsA = new SessionStore(() -> cachesA.apply(InfinispanStores.SESSIONS), JSON,
                Clock.systemUTC());
        SessionStore sessionsB = new SessionStore(() -> cachesB.apply(InfinispanStores.SESSIONS), JSON,
                Clock.systemUTC());
        Session session = sessionsA.create("2025-11-25", "remote-test", "1", Map.of());
        assertThat(sessionsB.find(session.id())).map(Session::clientName).contains("remote-test");
        assertThat(sessionsB.delete(session.id())).isTrue();
        assertThat(sessionsA.find(session.id())).isEmpty();
        assertThat(sessionsB.delete(session.id())).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> endedOnB.contains(session.id()));

        // sign-ins: sealed on A, opened on B, signed out on A
        SecretBox box = new SecretBox(new byte[32], List.of());
        SignIns signInsA = new SignIns(() -> cachesA.apply(InfinispanStores.SIGN_INS), box, JSON, Clock.systemUTC(),
                Duration.ofDays(30));
        SignIns signInsB = new SignIns(() -> cachesB.apply(InfinispanStores.SIGN_INS), box, JSON, Clock.systemUTC(),
                Duration.ofDays(30));
        SignIns.Created created = signInsA.create("AliceListens", "0123456789abcdef0123456789abcdef", "session-url");
        Optional<SignIn> onB = signInsB.find(created.id());
        assertThat(onB).map(SignIn::user).contains("AliceListens");
        assertThat(onB).map(SignIn::sessionKey).contains("0123456789abcdef0123456789abcdef");
        assertThat(signInsA.delete(created.id())).isTrue();
        assertThat(signInsB.find(created.id())).isEmpty();
        // what is stored holds neither the id nor the session key
        assertThat(cachesB.apply(InfinispanStores.SIGN_INS).values().toString()).doesNotContain(created.id())
                .doesNotContain("0123456789abcdef0123456789abcdef");

        // a Last.fm token is used once across nodes (putIfAbsent's answer), a rotation is a conditional replace
        assertThat(cachesA.apply(InfinispanStores.USED_TOKENS).putIfAbsent("token-hash", "used")).isNull();
        assertThat(cachesB.apply(InfinispanStores.USED_TOKENS).putIfAbsent("token-hash", "used")).isEqualTo("used");
        BasicCache<String, String> tokensA = cachesA.apply(InfinispanStores.OAUTH_TOKENS);
        tokensA.put("f:family", "{\"refresh\":\"one\"}", 1, TimeUnit.HOURS);
        assertThat(cachesB.apply(InfinispanStores.OAUTH_TOKENS).replace("f:family", "{\"refresh\":\"one\"}",
                "{\"refresh\":\"two\"}", 1, TimeUnit.HOURS)).isTrue();
        assertThat(tokensA.replace("f:family", "{\"refresh\":\"one\"}", "{\"refresh\":\"three\"}", 1,
                TimeUnit.HOURS)).as("a refresh token used twice").isFalse();
        assertThat(tokensA.get("f:family")).isEqualTo("{\"refresh\":\"two\"}");

        // audit: written by A's sink, read by B's query
        new AuditStore(() -> cachesA.apply(InfinispanStores.AUDIT)).put(System.currentTimeMillis() + "-remote-1",
                "{\"user\":\"AliceListens\",\"method\":\"tools/call\",\"outcome\":\"ok\"}");
        String listed = new AuditQuery(() -> cachesB.apply(InfinispanStores.AUDIT), JSON)
                .list(AuditQuery.Filter.of(Map.of("user", "AliceListens")));
        assertThat(JSON.readTree(listed).get("count").asInt()).isEqualTo(1);
    }

    @Test
    void aRateLimitIsOneLimitForTwoNodesThroughBucket4jsServerTask() {
        RemoteCacheManager nodeA = client();
        RemoteCacheManager nodeB = client();
        RateLimits.Settings tenPerMinute = new RateLimits.Settings(10, 1000, List.of(), 100, true);
        List<RateLimits> nodes = List.of(
                new RateLimits(tenPerMinute, new HotRodBuckets(() -> nodeA.getCache(InfinispanStores.RATE_BUCKETS))),
                new RateLimits(tenPerMinute, new HotRodBuckets(() -> nodeB.getCache(InfinispanStores.RATE_BUCKETS))));
        JsonRpcCodec codec = new JsonRpcCodec(new ObjectMapper());
        DefaultCamelContext camel = new DefaultCamelContext();
        int admitted = 0;
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            McpRequest request = new McpRequest("c" + i, 0, Instant.EPOCH, "POST", "/mcp");
            McpCall call = new McpCall(codec.classify(codec.parse(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"ping\"}}")));
            try {
                nodes.get(i % 2).spend(call, request, Caller.lastfmUser("AliceListens"),
                        new DefaultExchange(camel));
                admitted++;
            } catch (JsonRpcException e) {
                refused.add(e.getMessage());
            }
        }
        assertThat(admitted).isEqualTo(10);
        assertThat(refused).hasSize(6).allMatch(message -> message.startsWith(
                "Rate limit exceeded: 10 requests per minute for user AliceListens; retry in"));
    }
}
