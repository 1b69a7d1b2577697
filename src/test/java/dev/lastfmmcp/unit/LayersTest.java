package dev.lastfmmcp.unit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each package on its own floor: a lower layer never names a class of a higher one (imports and fully qualified
 * names, comments aside). Where a lower layer must talk upwards it owns a small interface (a port) that the higher
 * layer implements: {@code upstream.Cancellation}, {@code upstream.UpstreamLog}, {@code mcp.ReplyStream},
 * {@code mcp.SessionPublisher}.
 */
class LayersTest {

    private static final Path MAIN = Path.of("src/main/java/dev/lastfmmcp");
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.lastfmmcp\\.([a-z]+)\\.");
    private static final Pattern COMMENTS = Pattern.compile("//[^\\n]*|/\\*[\\s\\S]*?\\*/");

    private static final Set<String> PACKAGES = Set.of("format", "support", "jsonrpc", "upstream", "lastfm",
            "musicbrainz", "signin", "oauth", "mcp", "tools", "stream", "resources", "prompts", "completion", "audit",
            "web", "edge", "observe", "ratelimit", "stateless", "config");

    private static final Set<String> FEATURES = Set.of("tools", "stream", "resources", "prompts", "completion", "audit",
            "web", "edge", "observe", "ratelimit", "stateless", "config");

    /** What each package may not name. */
    private static final Map<String, Set<String>> FORBIDDEN = Map.ofEntries(
            Map.entry("format", all()),
            Map.entry("support", all()),
            Map.entry("jsonrpc", without("format")),
            Map.entry("upstream", without("format", "jsonrpc", "support")),
            Map.entry("lastfm", without("format", "jsonrpc", "support", "upstream")),
            Map.entry("musicbrainz", without("format", "jsonrpc", "support", "upstream")),
            // sign-ins (store, encryption): below the MCP context that carries the signed-in caller
            Map.entry("signin", without("format", "jsonrpc", "support", "upstream")),
            // OAuth (discovery documents, challenges; next: clients, codes, tokens): below the MCP context that
            // resolves a bearer token into the caller, beside the sign-in store it builds on
            Map.entry("oauth", without("format", "jsonrpc", "support", "upstream", "signin")),
            Map.entry("mcp", union(FEATURES, Set.of("lastfm", "musicbrainz"))),
            Map.entry("tools", union(FEATURES, Set.of())),
            Map.entry("audit", Set.of("tools", "stream", "resources", "prompts", "completion", "web", "edge",
                    "config", "lastfm", "musicbrainz")),
            // the management server and the service's meters: they read the request context and the health checks
            Map.entry("observe", Set.of("tools", "stream", "resources", "prompts", "completion", "edge",
                    "config")));

    private static Set<String> all() {
        return PACKAGES;
    }

    private static Set<String> without(String... allowed) {
        Set<String> forbidden = new TreeSet<>(PACKAGES);
        List.of(allowed).forEach(forbidden::remove);
        return forbidden;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** "file -> package" for every reference from {@code pkg} to another project package. */
    static Set<String> references(Path root, String pkg) throws IOException {
        Set<String> found = new TreeSet<>();
        Path dir = root.resolve(pkg);
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = COMMENTS.matcher(Files.readString(file)).replaceAll("");
                String own = pkg + file.getParent().toString().substring(dir.toString().length()).replace('/', '.');
                Matcher m = REFERENCE.matcher(code);
                while (m.find()) {
                    if (!m.group(1).equals(pkg) && !own.startsWith(m.group(1))) {
                        found.add(root.relativize(file) + " -> " + m.group(1));
                    }
                }
            }
        }
        return found;
    }

    @Test
    void noLowerLayerNamesAHigherOne() throws IOException {
        Set<String> violations = new TreeSet<>();
        for (Map.Entry<String, Set<String>> rule : FORBIDDEN.entrySet()) {
            for (String reference : references(MAIN, rule.getKey())) {
                String target = reference.substring(reference.lastIndexOf(' ') + 1);
                if (rule.getValue().contains(target)) {
                    violations.add(reference);
                }
            }
        }
        assertThat(violations).as("references that run up a layer").isEmpty();
    }

    @Test
    void nothingButTheWiringNamesConfig() throws IOException {
        Set<String> violations = new TreeSet<>();
        for (String pkg : PACKAGES) {
            if (!pkg.equals("config")) {
                references(MAIN, pkg).stream().filter(r -> r.endsWith("-> config")).forEach(violations::add);
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyPackageHasARule() throws IOException {
        Set<String> present = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(MAIN)) {
            dirs.filter(Files::isDirectory).forEach(d -> present.add(d.getFileName().toString()));
        }
        assertThat(PACKAGES).as("a new package gets its place in the layers").containsAll(present);
    }

    @Test
    void theScanSeesAViolation(@org.junit.jupiter.api.io.TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("lastfm"));
        Files.writeString(root.resolve("lastfm/Bad.java"), "package dev.lastfmmcp.lastfm;\n"
                                                            + "// dev.lastfmmcp.tools.InAComment is fine\n"
                                                            + "import dev.lastfmmcp.mcp.McpRequest;\n"
                                                            + "class Bad { dev.lastfmmcp.stream.PostStream s; }\n");
        assertThat(references(root, "lastfm")).containsExactly("lastfm/Bad.java -> mcp", "lastfm/Bad.java -> stream");
    }
}
