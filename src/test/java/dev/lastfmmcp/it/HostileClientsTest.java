package dev.lastfmmcp.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.config.InfinispanStores;
import dev.lastfmmcp.edge.ConnectionLimits;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.RawMcp;
import dev.lastfmmcp.support.ToolTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.infinispan.manager.EmbeddedCacheManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bounded hostile suite (issue: hardening), on loopback against the real app and a WireMock Last.fm: idle,
 * slow-loris and stalled-body sockets are closed and capped, a 150-call burst leaves {@code /health} and ping answering
 * within a second, a flood of 1 MB initializes keeps each session small and refuses sessions beyond the per-address
 * bound, one session cannot run more than its share of tool calls, and batches are bounded. Every part is bounded in
 * count and time and stops by itself.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.http.idle-timeout=4s", "mcp.http.header-timeout=1s",
                             "mcp.http.body-timeout=1s", "mcp.http.max-connections-per-client=60",
                             "mcp.http.worker-threads=16", "mcp.tools.max-concurrent=8", "mcp.tools.max-per-session=4",
                             "mcp.session.max-per-client=40", "mcp.max-batch-size=10"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileClientsTest extends ToolTestSupport {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private int port() {
        return URI.create(mcp().base()).getPort();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port());
        socket.setSoTimeout(5000);
        return socket;
    }

    /** Whether the server closed the socket within the socket's read timeout (reads until EOF or a reset). */
    private static boolean closedByServer(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
                // a response to what was sent may come first; the close follows it
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private long healthMillis() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(mcp().base() + "/health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isIn(200, 503);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Test
    void idleConnectionsAreClosedAndCappedPerClient() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 120; i++) {
                sockets.add(connect());
            }
            ConnectionLimits limits = context.getRegistry().lookupByNameAndType("connectionLimits",
                    ConnectionLimits.class);
            await().atMost(Duration.ofSeconds(3)).until(() -> limits.open() <= 60);
            assertThat(healthMillis()).as("health answers while the flood holds sockets").isLessThan(1000);
            // the header timeout (1 s) closes every socket that never sent a request
            long closed = sockets.stream().filter(HostileClientsTest::closedByServer).count();
            assertThat(closed).isEqualTo(120);
            await().atMost(Duration.ofSeconds(3)).until(() -> limits.open() == 0);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void slowLorisHeadersAndStalledBodiesAreCut() throws Exception {
        Socket loris = connect();
        OutputStream out = loris.getOutputStream();
        out.write("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(closedByServer(loris)).as("a request head that never ends").isTrue();

        Socket stalled = connect();
        stalled.getOutputStream().write(("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                         + "Accept: application/json, text/event-stream\r\nContent-Length: 500\r\n\r\n"
                                         + "{\"jsonrpc\":").getBytes(StandardCharsets.US_ASCII));
        stalled.getOutputStream().flush();
        assertThat(closedByServer(stalled)).as("a body that never arrives").isTrue();
    }

    @Test
    void aBurstOfColdToolCallsLeavesHealthAndPingAnswering() throws Exception {
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("artist.getSimilar"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withFixedDelay(800).withBody(Fixtures.lastfm("artist.getSimilar__metallica.json"))));
        String session = mcp().initialize("2025-11-25");
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sessions.add(mcp().initialize("2025-11-25"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<RawMcp.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                String args = "{\"artist\":\"Burst " + i + "\"}";
                String caller = sessions.get(i % sessions.size());
                calls.add(pool.submit(() -> mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                                                       + "\"params\":{\"name\":\"get_similar_artists\",\"arguments\":"
                                                       + args + "}}", caller)));
            }
            AtomicLong slowest = new AtomicLong();
            for (int probe = 0; probe < 5; probe++) {
                slowest.accumulateAndGet(healthMillis(), Math::max);
                long start = System.nanoTime();
                assertThat(mcp().post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}", session).status())
                        .isEqualTo(200);
                slowest.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), Math::max);
            }
            assertThat(slowest.get()).as("slowest /health or ping during the burst (ms)").isLessThan(1000);
            int answered = 0;
            int busy = 0;
            for (Future<RawMcp.Reply> call : calls) {
                RawMcp.Reply reply = call.get(30, TimeUnit.SECONDS);
                assertThat(reply.status()).isEqualTo(200);
                JsonNode result = reply.json().get("result");
                assertThat(result).as(reply.body()).isNotNull();
                answered++;
                if (result.path("isError").asBoolean()) {
                    assertThat(result.at("/content/0/text").asText()).containsIgnoringCase("busy");
                    busy++;
                }
            }
            assertThat(answered).isEqualTo(150);
            assertThat(busy).as("calls beyond the slots are told to retry").isPositive().isLessThan(150);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneSessionRunsAtMostItsShareOfToolCalls() throws Exception {
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("artist.getSimilar"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withFixedDelay(1500).withBody(Fixtures.lastfm("artist.getSimilar__metallica.json"))));
        String session = mcp().initialize("2025-11-25");
        List<CompletableFuture<RawMcp.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String args = "{\"artist\":\"Share " + i + "\"}";
            calls.add(CompletableFuture.supplyAsync(() -> mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                                                                     + "\"tools/call\",\"params\":{\"name\":"
                                                                     + "\"get_similar_artists\",\"arguments\":" + args
                                                                     + "}}", session)));
        }
        long refused = calls.stream().map(CompletableFuture::join)
                .filter(reply -> reply.json().at("/result/content/0/text").asText()
                        .contains("already runs 4 tool calls at once")).count();
        assertThat(refused).isEqualTo(2);
    }

    @Test
    void aFloodOfMegabyteInitializesKeepsSessionsSmallAndBounded() throws Exception {
        String filler = "x".repeat(1_000_000);
        ConcurrentHashMap<Integer, Integer> statuses = new ConcurrentHashMap<>();
        for (int i = 0; i < 60; i++) {
            RawMcp.Reply reply = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
                                            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"roots\":{"
                                            + "\"listChanged\":true,\"junk\":\"" + filler + "\"}},\"clientInfo\":{"
                                            + "\"name\":\"flood\",\"version\":\"1\"}}}", null);
            statuses.merge(reply.status(), 1, Integer::sum);
        }
        assertThat(statuses.getOrDefault(503, 0)).as("refused beyond the per-address bound").isPositive();
        EmbeddedCacheManager manager = context.getRegistry().lookupByNameAndType("infinispanCacheManager",
                EmbeddedCacheManager.class);
        manager.<String, String> getCache(InfinispanStores.SESSIONS).values()
                .forEach(json -> assertThat(json.length()).isLessThan(6_000));
        manager.<String, String> getCache(InfinispanStores.AUDIT).values()
                .forEach(json -> assertThat(json.length()).isLessThanOrEqualTo(4_096));
        manager.<String, String> getCache(InfinispanStores.SESSIONS).keySet()
                .forEach(id -> mcp().send("DELETE", "/mcp", null, java.util.Map.of("Mcp-Session-Id", id)));
    }

    @Test
    void batchesAreBounded() {
        String session = mcp().initialize("2025-03-26");
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 11; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(i)
                    .append(",\"method\":\"ping\"}");
        }
        RawMcp.Reply reply = mcp().post(batch.append("]").toString(), session,
                java.util.Map.of("MCP-Protocol-Version", "2025-03-26"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/message").asText()).contains("at most 10 messages");
    }
}
