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
 * line) costs on the hot path of a cached {@code tools/call} over HTTP, counted two ways:
 * <ul>
 * <li>counted: route entries per call (Camel's route statistics, JMX on as in production) times what one entry and
 * exit costs on its own (timed in a loop), and the bytes it allocates (none for a nested entry, the MDC map's
 * nodes once per exchange); steady whatever else the machine does;</li>
 * <li>measured: CPU time of this JVM per call with the context on and off, in alternating rounds (on, off, off,
 * on ...) so a machine shared with other work, or a JIT still warming up, loads both alike; the spread of the
 * pairs' differences is printed with it, since on a busy 2-core machine it is far wider than the cost itself (with
 * on-then-off pairs only, an earlier version read +7 to +12 %: the order, not the context).</li>
 * </ul>
 * Run by {@code scripts/benchmark.sh}; the figures go to {@code target/benchmark-report.txt}.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class, useJmx = true, properties = {"camel.server.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogContextBenchmark extends ToolTestSupport {

    private static final int ROUNDS = 10;
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
        calls(http, request, 6_000);
        long[] cpu = new long[2];
        long[] wall = new long[2];
        double[] differences = new double[ROUNDS];
        long[] pair = new long[2];
        // on, off, off, on, on, off ...: each pair has one round of each, and which goes first alternates, so a
        // machine (or JIT) that speeds up or slows down during the run favours neither
        for (int round = 0; round < 2 * ROUNDS; round++) {
            int on = round % 4 == 0 || round % 4 == 3 ? 1 : 0;
            logContext.setEnabled(on == 1);
            long cpuBefore = cpuNanos();
            long started = System.nanoTime();
            calls(http, request, CALLS_PER_ROUND);
            wall[on] += System.nanoTime() - started;
            long used = cpuNanos() - cpuBefore;
            cpu[on] += used;
            pair[on] = used;
            if (round % 2 == 1) {
                differences[round / 2] = (pair[1] - pair[0]) * 100.0 / pair[0];
            }
        }
        logContext.setEnabled(true);
        long entriesBefore = routeExchanges();
        calls(http, request, 400);
        double entriesPerCall = (routeExchanges() - entriesBefore) / 400.0;
        double nanosPerCall = nanosPerExchange(logContext, entriesPerCall);
        long[] allocated = allocatedBytes(logContext);
        double calls = (double) ROUNDS * CALLS_PER_ROUND;
        double onMs = cpu[1] / 1e6 / calls;
        double offMs = cpu[0] / 1e6 / calls;
        java.util.Arrays.sort(differences);
        String line = String.format(Locale.ROOT, "log context on every line, counted: %.1f route entries per cached "
                + "tools/call, %.2f µs of work per call (%.2f %% of the %.3f ms CPU per call); %d bytes allocated per "
                + "nested entry, %d per exchange (the MDC map's entries)", entriesPerCall, nanosPerCall / 1e3,
                nanosPerCall / 1e6 / offMs * 100, offMs, allocated[0], allocated[1]);
        line += String.format(Locale.ROOT, "%nlog context, measured (%d clients, %d calls each way in alternating "
                + "rounds): %.3f ms CPU per call with it, %.3f ms without (%+.1f %%; rounds from %+.1f %% to %+.1f %%, "
                + "median %+.1f %%); %.0f vs %.0f calls/s", CLIENTS, (int) calls, onMs, offMs,
                (onMs - offMs) / offMs * 100, differences[0], differences[ROUNDS - 1],
                (differences[ROUNDS / 2 - 1] + differences[ROUNDS / 2]) / 2, calls / (wall[1] / 1e9),
                calls / (wall[0] / 1e9));
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

    /**
     * What the context costs a signed-in tools/call exchange entering {@code entries} routes, in nanoseconds: its
     * first entry and exit (the keys set, then removed) with one nested route, plus a nested entry and exit (the route
     * id put and restored) per further route; the least of 10 rounds after warming up.
     */
    private static double nanosPerExchange(LogContext logContext, double entries) {
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
        long exchange = Long.MAX_VALUE;
        long nested = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < 200_000; i++) {
                String outer = logContext.enter("mcp-exchange", request, null, null);
                logContext.leave(logContext.enter("tool-ping", request, call, null));
                logContext.leave(outer);
            }
            exchange = Math.min(exchange, System.nanoTime() - start);
            String outer = logContext.enter("mcp-exchange", request, null, null);
            logContext.leave(logContext.enter("tool-ping", request, call, null));
            start = System.nanoTime();
            for (int i = 0; i < 200_000; i++) {
                logContext.leave(logContext.enter("lastfm-call", request, call, null));
            }
            nested = Math.min(nested, System.nanoTime() - start);
            logContext.leave(outer);
        }
        return exchange / 200_000.0 + Math.max(0, entries - 2) * nested / 200_000.0;
    }

    /** Bytes allocated by 20,000 nested entries and exits, and per whole exchange (least of 5 tries). */
    private static long[] allocatedBytes(LogContext logContext) {
        dev.lastfmmcp.mcp.McpRequest request = new dev.lastfmmcp.mcp.McpRequest("bench-2", System.nanoTime(),
                java.time.Instant.now(), "POST", "/mcp");
        request.setCaller(dev.lastfmmcp.mcp.Caller.lastfmUser("bench-user"));
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long nested = Long.MAX_VALUE;
        long exchange = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 5; attempt++) {
            String outer = logContext.enter("mcp-exchange", request, null, null);
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 20_000; i++) {
                logContext.leave(logContext.enter("tool-ping", request, null, null));
            }
            nested = Math.min(nested, threads.getThreadAllocatedBytes(thread) - before);
            logContext.leave(outer);
            before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 20_000; i++) {
                logContext.leave(logContext.enter("mcp-exchange", request, null, null));
            }
            exchange = Math.min(exchange, (threads.getThreadAllocatedBytes(thread) - before) / 20_000);
        }
        return new long[] {nested / 20_000, exchange};
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
