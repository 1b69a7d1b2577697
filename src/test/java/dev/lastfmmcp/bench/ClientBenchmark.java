package dev.lastfmmcp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.support.ToolTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the Last.fm client path and prints the figures (not a timed test: it asserts only correctness). Run with
 * {@code scripts/benchmark.sh}; the report is also written to {@code target/benchmark-report.txt}.
 */
// the cold burst queues all 25 calls for the 5/s budget (about 5 s) instead of answering "busy" beyond the queue
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "lastfm.throttle.max-queue=30",
                             "lastfm.throttle.max-queue-wait=6s", "lastfm.timeout-ms=14000"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientBenchmark extends ToolTestSupport {

    private final StringBuilder report = new StringBuilder();

    private void print(String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }

    private Exchange call(ProducerTemplate template, LastfmRequest request) {
        return template.send("direct:lastfm-call", e -> e.setVariable("lastfm", request));
    }

    @Test
    void run() throws Exception {
        print("Last.fm client benchmark (" + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors()
              + " cores)");
        lastfm("artist.getInfo", "artist.getInfo__the-weeknd.json");
        lastfm("artist.getSimilar", "artist.getSimilar__metallica.json");
        ProducerTemplate template = context.createProducerTemplate();

        // 1. a cached call through direct:lastfm-call
        LastfmRequest cached = LastfmRequest.of("artist.getInfo", "artist", "The Weeknd", "autocorrect", "1");
        assertThat(call(template, cached).getException()).isNull();
        for (int i = 0; i < 5_000; i++) {
            call(template, cached);
        }
        long[] direct = new long[20_000];
        for (int i = 0; i < direct.length; i++) {
            long start = System.nanoTime();
            Exchange exchange = call(template, cached);
            direct[i] = System.nanoTime() - start;
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
        }
        print(summary("cached direct:lastfm-call (1 thread, 20,000 calls)", direct));

        // 2. a full cached tools/call over HTTP (intake, session, validation, tool route, formatting, audit)
        String session = session();
        URI mcp = URI.create(mcp().base() + "/mcp");
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                      + "\"get_similar_artists\",\"arguments\":{\"artist\":\"Metallica\",\"limit\":10}}}";
        HttpRequest request = HttpRequest.newBuilder(mcp).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("Mcp-Session-Id", session)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).contains("Megadeth");
        for (int i = 0; i < 1_000; i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        long[] serial = timeHttp(http, request, 3_000, 1);
        print(summary("cached tools/call over HTTP (1 client, 3,000 calls)", serial));
        long started = System.nanoTime();
        long cpuBefore = processCpuNanos();
        long[] parallel = timeHttp(http, request, 8_000, 8);
        double seconds = (System.nanoTime() - started) / 1e9;
        // CPU time of this JVM (server and client together) per call: steadier than calls/s on a shared machine
        double cpuPerCall = (processCpuNanos() - cpuBefore) / 1e6 / parallel.length;
        print(summary("cached tools/call over HTTP (8 clients, 8,000 calls)", parallel)
              + String.format(Locale.ROOT, ", %.0f calls/s, %.3f ms CPU per call", parallel.length / seconds,
                cpuPerCall));

        // 3. bursts: identical cold calls share one upstream request; distinct ones go at 5 per second
        LASTFM.resetAll();
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(200).withFixedDelay(100)
                .withBody(dev.lastfmmcp.support.Fixtures.lastfm("artist.getInfo__the-weeknd.json"))));
        LastfmRequest identical = LastfmRequest.of("artist.getInfo", "artist", "Burst", "autocorrect", "1");
        burst(template, 200, i -> identical);
        print("burst of 200 identical cold calls: " + LASTFM.getAllServeEvents().size() + " upstream call(s)");
        LASTFM.resetRequests();
        long burstStart = System.nanoTime();
        burst(template, 25, i -> LastfmRequest.of("artist.getInfo", "artist", "Distinct " + i));
        print(String.format(Locale.ROOT, "burst of 25 distinct cold calls: %d upstream calls in %.1f s "
                                         + "(throttle: 5 per second)", LASTFM.getAllServeEvents().size(),
                (System.nanoTime() - burstStart) / 1e9));

        // 4. one cold tools/call at a time over HTTP: cache miss, throttle (idle: no wait), signed upstream call to a
        // stand-in that answers at once, normalising, caching, rendering
        LASTFM.resetAll();
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(200)
                .withBody(dev.lastfmmcp.support.Fixtures.lastfm("artist.getSimilar__metallica.json"))));
        long[] cold = new long[20];
        for (int i = 0; i < cold.length; i++) {
            HttpRequest coldCall = HttpRequest.newBuilder(mcp).header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream").header("Mcp-Session-Id", session)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                          + "\"tools/call\",\"params\":{\"name\":\"get_similar_artists\",\"arguments\":"
                          + "{\"artist\":\"Cold " + i + "\",\"limit\":10}}}")).build();
            Thread.sleep(250); // below the 5/s budget: the throttle never queues
            long start = System.nanoTime();
            String answer = http.send(coldCall, HttpResponse.BodyHandlers.ofString()).body();
            cold[i] = System.nanoTime() - start;
            assertThat(answer).contains("\"result\"").doesNotContain("\"isError\":true");
        }
        print(summary("cold tools/call over HTTP through the throttle (1 client, 20 distinct artists)", cold)
              + ", " + LASTFM.getAllServeEvents().size() + " upstream calls");

        Path out = Path.of("target", "benchmark-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long[] timeHttp(HttpClient http, HttpRequest request, int calls, int threads) throws Exception {
        long[] times = new long[calls];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                tasks.add(() -> {
                    for (int i = first; i < calls; i += threads) {
                        long start = System.nanoTime();
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        times[i] = System.nanoTime() - start;
                        if (response.statusCode() != 200) {
                            throw new IOException("HTTP " + response.statusCode());
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> future : pool.invokeAll(tasks)) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return times;
    }

    private void burst(ProducerTemplate template, int size, java.util.function.IntFunction<LastfmRequest> requests)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(size);
        try {
            List<Callable<LastfmResult>> tasks = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                LastfmRequest request = requests.apply(i);
                tasks.add(() -> {
                    Exchange exchange = call(template, request);
                    if (exchange.getException() != null) {
                        throw exchange.getException();
                    }
                    return exchange.getMessage().getBody(LastfmResult.class);
                });
            }
            for (Future<LastfmResult> future : pool.invokeAll(tasks)) {
                assertThat(future.get()).isNotNull();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String summary(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        return String.format(Locale.ROOT, "%s: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, mean %.3f ms", what,
                ms(sorted[sorted.length / 2]), ms(sorted[(int) (sorted.length * 0.9)]),
                ms(sorted[(int) (sorted.length * 0.99)]), mean / 1e6);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
