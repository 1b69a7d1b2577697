package dev.lastfmmcp.it;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.lastfmmcp.support.AppProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What an operator sees on a real start: a few INFO lines, no warnings when the configuration is sound, a warning
 * when the API key is missing, and exactly one final line saying where the server is ready.
 */
class StartupOutputTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final Pattern READY = Pattern.compile(
            "Last\\.fm MCP server ready at http://127\\.0\\.0\\.1:(\\d+)/mcp \\(Streamable HTTP; .*/sse.*/health.*\\)$");

    @Test
    void aNormalStartIsShortAndEndsWithTheReadyLine() throws Exception {
        try (AppProcess app = AppProcess.start(Map.of("LASTFM_API_KEY", KEY, "PORT", "0"), Map.of())) {
            String output = app.awaitLine(READY.asPredicate());
            assertNormalStart(output);
        }
    }

    @Test
    void aMissingApiKeyIsOneWarningAndTheServerStillGetsReady() throws Exception {
        try (AppProcess app = AppProcess.start(Map.of("PORT", "0"), Map.of())) {
            String output = app.awaitLine(READY.asPredicate());
            List<String> warnings = output.lines().filter(line -> line.contains(" WARN ")).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).contains("LASTFM_API_KEY is not set");
            assertThat(lines(output).get(lines(output).size() - 1)).containsPattern(READY);
        }
    }

    /**
     * JDK 25 warns about sun.misc.Unsafe (Netty) unless the server avoids it, and about Infinispan's restricted
     * MemorySegment calls unless native access is enabled. Runs when the machine has a JDK 25.
     */
    @Test
    void onJdk25TheStartPrintsNoJvmWarnings() throws Exception {
        Optional<Path> jdk25 = jdk25();
        assumeTrue(jdk25.isPresent(), "no JDK 25 under /usr/lib/jvm (or JAVA25_HOME)");
        // java -jar gets this from the jar's manifest (Enable-Native-Access); a class-path start needs the option.
        // Netty's Unsafe use has no such switch: the server itself turns it off (Application.avoidUnsafeWarnings)
        try (AppProcess app = AppProcess.start(jdk25.get().toString(), Map.of("LASTFM_API_KEY", KEY, "PORT", "0"),
                Map.of(), List.of("--enable-native-access=ALL-UNNAMED"))) {
            String output = app.awaitLine(READY.asPredicate());
            assertThat(output).doesNotContain("WARNING:").doesNotContain("sun.misc.Unsafe");
            assertNormalStart(output);
        }
    }

    private static void assertNormalStart(String output) throws Exception {
        List<String> lines = lines(output);
        assertThat(output).as("no SLF4J replay notes").doesNotContain("SLF4J");
        assertThat(lines).as("no warnings or errors").noneMatch(line -> line.matches(".* (WARN|ERROR) .*"));
        assertThat(lines).as("every line is a log line").allMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*"));
        assertThat(lines.stream().filter(line -> line.contains(" INFO ")).count()).as("INFO lines").isLessThan(15);
        assertThat(lines.stream().filter(READY.asPredicate()).count()).as("ready lines").isEqualTo(1);
        Matcher ready = READY.matcher(lines.get(lines.size() - 1));
        assertThat(ready.find()).as("the last line is the ready line: %s", lines.get(lines.size() - 1)).isTrue();
        assertThat(output).doesNotContain("0.0.0.0");
        // the URL it prints is the one it serves
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ready.group(1) + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"status\"");
    }

    private static List<String> lines(String output) {
        return output.lines().filter(line -> !line.isBlank()).toList();
    }

    private static Optional<Path> jdk25() throws Exception {
        String configured = System.getenv("JAVA25_HOME");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> home.getFileName().toString().matches(".*-25(-.*)?"))
                    .filter(home -> new File(home.toFile(), "bin/java").canExecute()).findFirst();
        }
    }
}
