package dev.lastfmmcp.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lastfmmcp.support.AppProcess;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.FreePorts;
import dev.lastfmmcp.support.WireMockUpstreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit log keeps up with the benchmark's rate: the server in its own JVM (as deployed, audit store in embedded
 * Infinispan), 8 clients sending 8,000 cached {@code tools/call} as fast as it answers, then the records of that time
 * window counted through {@code GET /observe/audit/summary} (with {@code MCP_ADMIN_TOKEN}): records == requests, and
 * how long after the last answer the last record was stored. The whole run, warm-up included, writes about 10,000
 * records, half the store's bound ({@code MCP_AUDIT_MAX_ENTRIES}, 20,000), so none is evicted. Run by
 * {@code scripts/benchmark.sh}; the figures go to {@code target/benchmark-report.txt}.
 */
class AuditLoadBenchmark {

    private static final String TOKEN = "audit-benchmark-admin-token";
    private static final int CLIENTS = 8;
    private static final int CALLS = 8_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void run() throws Exception {
        WireMockServer lastfm = WireMockUpstreams.start();
        lastfm.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("artist.getSimilar"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.lastfm("artist.getSimilar__metallica.json"))));
        int management = FreePorts.one();
        try (AppProcess app = AppProcess.start(Map.of("LASTFM_API_KEY", WireMockUpstreams.API_KEY,
                "LASTFM_API_URL", "http://127.0.0.1:" + lastfm.port() + "/2.0/", "MUSICBRAINZ_ENABLED", "false",
                "PORT", "0", "MANAGEMENT_PORT", Integer.toString(management), "MCP_ADMIN_TOKEN", TOKEN), Map.of())) {
            URI mcp = URI.create(app.awaitBaseUrl() + "/mcp");
            HttpRequest call = HttpRequest.newBuilder(mcp).header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream").header("Mcp-Session-Id", initialize(mcp))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                            + "\"tools/call\",\"params\":{\"name\":\"get_similar_artists\",\"arguments\":"
                            + "{\"artist\":\"Metallica\",\"limit\":10}}}")).build();
            assertThat(http.send(call, HttpResponse.BodyHandlers.ofString()).body()).contains("Megadeth");
            calls(call, 2_000);

            // arrival times are whole milliseconds: the window opens a millisecond before the first request
            Instant since = Instant.now().minusMillis(1);
            long started = System.nanoTime();
            int answered = calls(call, CALLS);
            long loadNanos = System.nanoTime() - started;
            Instant until = Instant.now().plusMillis(1);
            long lastAnswer = System.nanoTime();
            int[] seen = {-1, 0};
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
                int count = summary(management, since, until).get("records").asInt();
                seen[1] = count == seen[0] ? seen[1] + 1 : 0;
                seen[0] = count;
                return count >= answered || seen[1] >= 30;
            });
            double caughtUp = (System.nanoTime() - lastAnswer) / 1e9;
            JsonNode summary = summary(management, since, until);
            int records = summary.get("records").asInt();
            String line = String.format(Locale.ROOT, "audit under load (server in its own JVM, %d clients, %,d cached "
                    + "tools/call at %.0f calls/s): %,d audit records for %,d answered requests (%d lost), all stored "
                    + "within %.1f s of the last answer; the summary's latency p50 %d ms, p95 %d ms", CLIENTS, CALLS,
                    CALLS / (loadNanos / 1e9), records, answered, answered - records, caughtUp,
                    summary.at("/latencyMs/p50").asLong(), summary.at("/latencyMs/p95").asLong());
            System.out.println(line);
            Path out = Path.of("target", "benchmark-report.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            assertThat(records).as(app.output()).isEqualTo(answered);
            assertThat(summary.at("/byTool/get_similar_artists").asInt()).isEqualTo(answered);
        } finally {
            lastfm.stop();
        }
    }

    private String initialize(URI mcp) throws Exception {
        HttpResponse<String> init = http.send(HttpRequest.newBuilder(mcp).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"audit-benchmark\","
                        + "\"version\":\"1\"}}}")).build(), HttpResponse.BodyHandlers.ofString());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        http.send(HttpRequest.newBuilder(mcp).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("Mcp-Session-Id", session)
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":"
                        + "\"notifications/initialized\"}")).build(), HttpResponse.BodyHandlers.discarding());
        return session;
    }

    private JsonNode summary(int management, Instant since, Instant until) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management
                        + "/observe/audit/summary?since=" + since + "&until=" + until))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** {@code count} calls from {@link #CLIENTS} threads; the number answered 200 (anything else fails the run). */
    private int calls(HttpRequest request, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Callable<Integer>> clients = new ArrayList<>();
            for (int t = 0; t < CLIENTS; t++) {
                clients.add(() -> {
                    int answered = 0;
                    for (int i = 0; i < count / CLIENTS; i++) {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("HTTP " + response.statusCode());
                        }
                        answered++;
                    }
                    return answered;
                });
            }
            int answered = 0;
            for (Future<Integer> client : pool.invokeAll(clients)) {
                answered += client.get();
            }
            return answered;
        } finally {
            pool.shutdownNow();
        }
    }
}
