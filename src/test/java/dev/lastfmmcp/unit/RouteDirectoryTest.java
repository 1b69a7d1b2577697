package dev.lastfmmcp.unit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.lastfmmcp.config.RouteFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** MCP_ROUTES_DIR's files: the checks of --validate-routes, start-up and reload, and the include pattern. */
class RouteDirectoryTest {

    @TempDir
    Path dir;

    private final RouteFiles routeFiles = RouteFiles.shipped();

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String route(String id, String step) {
        return "# test\n- route:\n    id: " + id + "\n    description: \"a test route\"\n    from:\n      uri: direct:" + id
               + "\n      steps:\n        - " + step + "\n";
    }

    @Test
    void theProtocolAndSecurityRoutesAreReserved() {
        assertThat(routeFiles.reservedIds()).contains("mcp-intake", "mcp-exchange", "mcp-post", "web-login",
                "web-callback", "oauth-token", "oauth-authorize").doesNotContain("audit", "tool-get_artist_info");
    }

    @Test
    void eachProblemHasItsFileAndLine() throws Exception {
        assertThat(routeFiles.check(write("good.camel.yaml", route("ops-extra", "log: hello")))).isEmpty();
        assertThat(routeFiles.check(write("taken.camel.yaml", route("mcp-exchange", "log: hi"))))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.message()).contains("'mcp-exchange' is reserved");
                });
        assertThat(routeFiles.check(write("typo.camel.yaml", route("ops-typo", "lgo: hi"))))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(8);
                    assertThat(p.message()).contains("Camel cannot read it").contains("lgo");
                });
        assertThat(routeFiles.check(write("broken.camel.yaml", "- route:\n    id: x\n   description: [x\n")))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.message()).startsWith("not valid YAML").doesNotContain("\n");
                });
        assertThat(routeFiles.check(write("map.camel.yaml", "route: {}\n"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("a YAML list"));
        assertThat(routeFiles.check(write("noid.camel.yaml", "- route:\n    from:\n      uri: direct:a\n")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("without an id"));
        assertThat(routeFiles.check(write("nodesc.camel.yaml", "- route:\n    id: ops-nodesc\n    from:\n"
                + "      uri: direct:a\n      steps:\n        - log: x\n"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'ops-nodesc' has no description"));
        assertThat(routeFiles.check(write("oauth.camel.yaml", route("x", "log: x")))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("cannot be replaced"));
        assertThat(routeFiles.check(dir.resolve("missing.camel.yaml"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("cannot be read"));
    }

    @Test
    void aDirectoryFileReplacesTheShippedFileOfItsName() throws Exception {
        Path audit = write("audit.camel.yaml", route("audit", "log: x"));
        Path extra = write("ops-extra.camel.yaml", route("ops-extra", "log: x"));
        write("notes.txt", "not a route file");
        List<Path> files = RouteFiles.filesOf(dir);
        assertThat(files).containsExactly(audit, extra);
        String pattern = routeFiles.includePattern(files);
        assertThat(pattern).doesNotContain("classpath:routes/audit.camel.yaml")
                .contains("classpath:routes/mcp-intake.camel.yaml", "classpath:routes/tools/tools-artists.camel.yaml")
                .endsWith(",file:" + audit.toAbsolutePath() + ",file:" + extra.toAbsolutePath());
        assertThat(RouteFiles.routeIds(extra)).containsExactly("ops-extra");
        assertThat(RouteFiles.routeIds(dir.resolve("none.camel.yaml"))).isEmpty();
    }

    @Test
    void validateRoutesPrintsEveryProblemAndExitsOneOrZero() throws Exception {
        write("good.camel.yaml", route("ops-extra", "log: hello"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(RouteFiles.validate(dir, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("good.camel.yaml: OK (ops-extra)")
                .contains("1 route file(s) in " + dir + ", 0 problem(s)");
        write("taken.camel.yaml", route("oauth-token", "log: hi"));
        out.reset();
        assertThat(RouteFiles.validate(dir, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(dir.resolve("taken.camel.yaml") + ":3: route id "
                + "'oauth-token' is reserved").contains("2 route file(s) in " + dir + ", 1 problem(s)");
        out.reset();
        assertThat(RouteFiles.validate(dir.resolve("nothing"), new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("not a directory");
    }

    @Test
    void theShippedExamplesAreValid() {
        assertThat(RouteFiles.validate(Path.of("ops/routes-examples"), new PrintStream(new ByteArrayOutputStream())))
                .isZero();
    }
}
