package dev.lastfmmcp.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.stream.SessionStreams;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.RawMcp;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Opens 200 concurrent GET /mcp streams against the app on loopback and prints what they cost: live threads, busy
 * Vert.x worker threads, heap after GC, and the latency of a POST while they are open. Run with
 * {@code scripts/benchmark.sh}; the report is appended to {@code target/benchmark-report.txt}.
 */
// all 200 streams come from one loopback address: raise the per-address bounds on sessions and connections
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.session.max-per-client=300",
                             "mcp.http.max-connections-per-client=500"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamLoadBenchmark extends AppTestSupport {

    private static final int STREAMS = 200;

    @Test
    void run() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        SessionStreams streams = context.getRegistry().lookupByNameAndType("sessionStreams", SessionStreams.class);

        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            sessions.add(mcp().initialize("2025-11-25"));
        }
        long pingBefore = pingMillis();
        long heapBefore = heapAfterGc(memory);
        int threadsBefore = threads.getThreadCount();

        // the 200 clients run in another JVM, so only the server's threads and heap are measured here
        Path sessionFile = Files.createTempFile("sessions", ".txt");
        Files.write(sessionFile, sessions);
        Process clients = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StreamClients.class.getName(), mcp().base(),
                sessionFile.toString())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(clients.getInputStream()))) {
            assertThat(lines.readLine()).isEqualTo("open " + STREAMS);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> streams.openStreams() == STREAMS);

        long heapWith = heapAfterGc(memory);
        int threadsWith = threads.getThreadCount();
        long busyWorkers = Arrays.stream(threads.dumpAllThreads(false, false))
                .filter(t -> t.getThreadName().startsWith("vert.x-worker-thread"))
                .filter(t -> t.getThreadState() == Thread.State.RUNNABLE).count();
        long pingWith = pingMillis();
        for (String session : sessions) {
            streams.publish(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":"
                                     + "{\"level\":\"info\",\"data\":\"hello\"}}");
        }

        String report = String.format(Locale.ROOT, "%d open GET streams: live threads %d -> %d (%+d), busy Vert.x "
                                                   + "worker threads %d, heap after GC %.1f MB -> %.1f MB (%+.1f MB, "
                                                   + "%.1f KB per stream), POST ping %d ms before / %d ms with the "
                                                   + "streams open",
                STREAMS, threadsBefore, threadsWith, threadsWith - threadsBefore, busyWorkers, heapBefore / 1e6,
                heapWith / 1e6, (heapWith - heapBefore) / 1e6, (heapWith - heapBefore) / 1e3 / STREAMS, pingBefore,
                pingWith);
        System.out.println(report);
        Path out = Path.of("target", "benchmark-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        clients.getOutputStream().close();
        clients.waitFor();
        assertThat(threadsWith - threadsBefore).as("streams hold no threads").isLessThan(20);
    }

    private long pingMillis() {
        String session = session();
        long start = System.nanoTime();
        RawMcp.Reply reply = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", session);
        assertThat(reply.status()).isEqualTo(200);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
