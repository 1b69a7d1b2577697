package dev.lastfmmcp.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.observe.LogContext;
import dev.lastfmmcp.support.ToolTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the per-exchange log context (correlation id, route, method, tool, session and user fingerprints on every
 * line) costs on the hot path: CPU time of this JVM per cached {@code tools/call} over HTTP, with the context on and
 * off in alternating rounds (so a machine shared with other work loads both alike). Run by {@code
 * scripts/benchmark.sh}; the figures go to {@code target/benchmark-report.txt}.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class, properties = {"camel.server.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogContextBenchmark extends ToolTestSupport {

    private static final int ROUNDS = 8;
    private static final int CALLS_PER_ROUND = 1_000;
    private static final int CLIENTS = 4;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void run() throws Exception {
        lastfm("artist.getSimilar", "artist.getSimilar__metallica.json");
        LogContext logContext = context.getRegistry().lookupByNameAndType("logContext", LogContext.class);
        String session = session();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(mcp().base() + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", session).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                        + "\"get_similar_artists\",\"arguments\":{\"artist\":\"Metallica\",\"limit\":10}}}"))
                .build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).contains("Megadeth");
        calls(http, request, 3_000);
        long[] cpu = new long[2];
        long[] wall = new long[2];
        for (int round = 0; round < 2 * ROUNDS; round++) {
            int on = round % 2 == 0 ? 1 : 0;
            logContext.setEnabled(on == 1);
            long cpuBefore = cpuNanos();
            long started = System.nanoTime();
            calls(http, request, CALLS_PER_ROUND);
            wall[on] += System.nanoTime() - started;
            cpu[on] += cpuNanos() - cpuBefore;
        }
        logContext.setEnabled(true);
        // the same cost counted, steadier than CPU time on a busy machine: route entries per call (Camel's route
        // statistics) times what one entry and exit costs (timed in a loop on this thread)
        long entriesBefore = routeExchanges();
        calls(http, request, 400);
        double entriesPerCall = (routeExchanges() - entriesBefore) / 400.0;
        double nanosPerEntry = nanosPerEntry(logContext);
        double calls = (double) ROUNDS * CALLS_PER_ROUND;
        double onMs = cpu[1] / 1e6 / calls;
        double offMs = cpu[0] / 1e6 / calls;
        String line = String.format(Locale.ROOT, "log context on every line (cached tools/call over HTTP, %d clients,"
                + " %d calls each way in alternating rounds): %.3f ms CPU per call with it, %.3f ms without "
                + "(%+.1f %%); %.0f vs %.0f calls/s", CLIENTS, (int) calls, onMs, offMs,
                (onMs - offMs) / offMs * 100, calls / (wall[1] / 1e9), calls / (wall[0] / 1e9));
        line += String.format(Locale.ROOT, "%nlog context per call counted: %.1f route entries x %.0f ns = %.2f µs "
                + "(%.2f %% of the CPU per call above)", entriesPerCall, nanosPerEntry,
                entriesPerCall * nanosPerEntry / 1e3, entriesPerCall * nanosPerEntry / 1e6 / offMs * 100);
        System.out.println(line);
        Path out = Path.of("target", "benchmark-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private long routeExchanges() throws Exception {
        org.apache.camel.api.management.ManagedCamelContext managed = context.getCamelContextExtension()
                .getContextPlugin(org.apache.camel.api.management.ManagedCamelContext.class);
        long total = 0;
        for (org.apache.camel.Route route : context.getRoutes()) {
            total += managed.getManagedRoute(route.getRouteId()).getExchangesTotal();
        }
        return total;
    }

    /** One route entry and exit of a signed-in tools/call exchange, in nanoseconds (after warming up). */
    private static double nanosPerEntry(LogContext logContext) {
        dev.lastfmmcp.mcp.McpRequest request = new dev.lastfmmcp.mcp.McpRequest("bench-1", System.nanoTime(),
                java.time.Instant.now(), "POST", "/mcp");
        request.bind(new dev.lastfmmcp.mcp.Session("session-id", "2025-11-25", "b", "1", java.util.Map.of(),
                java.time.Instant.now(), null, null), "2025-11-25");
        request.setCaller(dev.lastfmmcp.mcp.Caller.lastfmUser("bench-user"));
        dev.lastfmmcp.jsonrpc.JsonRpcCodec codec = new dev.lastfmmcp.jsonrpc.JsonRpcCodec(
                new com.fasterxml.jackson.databind.ObjectMapper());
        dev.lastfmmcp.mcp.McpCall call = new dev.lastfmmcp.mcp.McpCall(codec.classify(codec.parse(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"ping\"}}")));
        call.setName("ping");
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < 200_000; i++) {
                String outer = logContext.enter("mcp-exchange", request, null, null);
                logContext.leave(logContext.enter("tool-ping", request, call, null));
                logContext.leave(outer);
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        return best / 400_000.0;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void calls(HttpClient http, HttpRequest request, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < CLIENTS; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < count / CLIENTS; i++) {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("HTTP " + response.statusCode());
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
    }
}
