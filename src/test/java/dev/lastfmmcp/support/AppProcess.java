package dev.lastfmmcp.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real application ({@code dev.lastfmmcp.Application.main}) in its own JVM, on the test class path, with the
 * environment and system properties a test gives it; everything it prints (stdout and stderr) goes to one file the
 * test reads. For what only a real start shows: start-up output, exit codes, what reaches the log.
 */
public final class AppProcess implements AutoCloseable {

    /** 32 bytes, base64: the encryption key app processes get unless the test gives its own. */
    public static final String TEST_ENCRYPTION_KEY = "dGVzdC1lbmNyeXB0aW9uLWtleS0zMi1ieXRlcy0hISE=";

    /** The one line a started server prints when it is ready, with its port. */
    private static final Pattern READY = Pattern.compile("ready at http://127\\.0\\.0\\.1:(\\d+)/mcp");

    private final Process process;
    private final File output;

    private AppProcess(Process process, File output) {
        this.process = process;
        this.output = output;
    }

    /** Starts the server with these environment variables (added to the test's) and {@code -D} properties. */
    public static AppProcess start(Map<String, String> environment, Map<String, String> properties) {
        return start(environment, properties, List.of());
    }

    /** As {@link #start(Map, Map)}, with extra JVM options (before the main class). */
    public static AppProcess start(Map<String, String> environment, Map<String, String> properties,
                                   List<String> jvmOptions) {
        return start(System.getProperty("java.home"), environment, properties, jvmOptions);
    }

    /** As {@link #start(Map, Map, List)}, on the JDK or JRE installed at {@code javaHome}. */
    public static AppProcess start(String javaHome, Map<String, String> environment, Map<String, String> properties,
                                   List<String> jvmOptions) {
        try {
            File output = File.createTempFile("app-process", ".log");
            output.deleteOnExit();
            String java = javaHome + File.separator + "bin" + File.separator + "java";
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
            // no -Dlogback.configurationFile: the server logs with its own set-up (observe.LoggingSetup), not the tests'
            command.addAll(jvmOptions);
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("dev.lastfmmcp.Application");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
            // the test JVM's own settings must not leak into the child (a LOG_LEVEL, a real key)
            builder.environment().keySet().removeIf(name -> name.startsWith("LASTFM_") || name.startsWith("MCP_")
                                                            || name.equals("PORT") || name.equals("LOG_LEVEL"));
            builder.environment().putAll(environment);
            // its own data directory under target/, and a fixed key (no generated-key warning) unless a test says
            Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "app-data")), "run");
            builder.environment().putIfAbsent("MCP_DATA_DIR", data.toString());
            builder.environment().putIfAbsent("MCP_ENCRYPTION_KEY", TEST_ENCRYPTION_KEY);
            return new AppProcess(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything printed so far. */
    public String output() {
        try {
            return Files.readString(output.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (up to 90 s) until the output holds a line that satisfies the condition, and returns the output. */
    public String awaitLine(Predicate<String> line) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> output().lines().anyMatch(line) || !process.isAlive());
        return output();
    }

    /** Waits (up to 90 s) for the ready line and returns the server's base URL ({@code http://127.0.0.1:<port>}). */
    public String awaitBaseUrl() {
        Matcher ready = READY.matcher(awaitLine(READY.asPredicate()));
        assertThat(ready.find()).as(output()).isTrue();
        return "http://127.0.0.1:" + ready.group(1);
    }

    /** Waits (up to 90 s) for the process to end by itself; -1 when it did not. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /** Stops the server as an operator does (SIGTERM), waits for it, and returns everything it printed. */
    public String stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return output();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
