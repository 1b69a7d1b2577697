package dev.lastfmmcp.unit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.config.ConformanceProfile;
import dev.lastfmmcp.tools.ToolCatalogue;
import dev.lastfmmcp.tools.ToolDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Parity between the route files, application.properties, the tool catalogue and the README. */
class RouteFilesTest {

    private static final Path ROUTES = Path.of("src/main/resources/routes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> routeFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROUTES)) {
            return files.filter(p -> p.toString().endsWith(".camel.yaml"))
                    .map(p -> "classpath:routes/" + ROUTES.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void everyRouteFileIsLoadedAndEveryLoadedFileExists() throws IOException {
        String properties = read(Path.of("application.properties")).replace("\\\n", "");
        Matcher m = Pattern.compile("camel\\.main\\.routesIncludePattern\\s*=\\s*(.*)").matcher(properties);
        assertThat(m.find()).isTrue();
        Set<String> listed = Arrays.stream(m.group(1).split(",")).map(String::trim)
                .collect(Collectors.toCollection(TreeSet::new));
        // the conformance profile's routes are added by AppConfiguration when it is on
        listed.add(ConformanceProfile.ROUTES);
        assertThat(listed).isEqualTo(routeFiles());
    }

    @Test
    void everyToolHasItsRouteAndEveryToolRouteHasATool() throws IOException {
        Set<String> declared = new TreeSet<>();
        Pattern from = Pattern.compile("uri:\\s*direct:tool-([A-Za-z0-9_.-]+)");
        for (String file : routeFiles()) {
            Matcher m = from.matcher(read(ROUTES.resolve(file.substring("classpath:routes/".length()))));
            while (m.find()) {
                declared.add(m.group(1));
            }
        }
        Set<String> catalogued = ToolCatalogue.load(AppConfiguration.objectMapper(), 100,
                        List.of(ConformanceProfile.NAME)).all().stream()
                .map(ToolDefinition::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).isEqualTo(catalogued);
    }

    @Test
    void everyRouteHasAnIdAndADescription() throws IOException {
        for (String file : routeFiles()) {
            String yaml = read(ROUTES.resolve(file.substring("classpath:routes/".length())));
            assertThat(yaml).as("%s starts with a comment saying what it is", file).startsWith("# ");
            int routes = yaml.split("\n- route:", -1).length - 1;
            int ids = yaml.split("\n    id: ", -1).length - 1;
            int descriptions = yaml.split("\n    description: ", -1).length - 1;
            assertThat(ids).as("route ids in %s", file).isGreaterThanOrEqualTo(routes);
            assertThat(descriptions).as("route descriptions in %s", file).isGreaterThanOrEqualTo(routes);
        }
    }

    @Test
    void theReadmeToolTableMatchesTheCatalogue() {
        String all = read(Path.of("README.md"));
        // the Tools section only (the Monitoring section's meter table has rows of the same shape)
        String readme = all.substring(all.indexOf("## Tools"), all.indexOf("\n## ", all.indexOf("## Tools") + 1));
        Set<String> inReadme = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z0-9_]+)` \\|").matcher(readme);
        while (m.find()) {
            inReadme.add(m.group(1));
        }
        Set<String> catalogued = ToolCatalogue.load(AppConfiguration.objectMapper(), 100).all().stream()
                .map(ToolDefinition::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(inReadme).as("tools in the README table").isEqualTo(catalogued);
    }

    @Test
    void theReadmeConfigurationTableMatchesApplicationProperties() {
        String properties = read(Path.of("application.properties"));
        Set<String> configured = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^([a-zA-Z.-]+)\\s*=\\s*\\{\\{env:([A-Z_]+):").matcher(properties);
        while (m.find()) {
            configured.add(m.group(1) + " " + m.group(2));
        }
        String readme = read(Path.of("README.md"));
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-zA-Z.-]+)` \\| `([A-Z_]+)` \\|").matcher(readme);
        while (row.find()) {
            documented.add(row.group(1) + " " + row.group(2));
        }
        assertThat(documented).as("README configuration table").isEqualTo(configured);
    }

    @Test
    void theReadmeLimitsTableNamesEveryBoundAndOnlyRealProperties() {
        String properties = read(Path.of("application.properties"));
        Set<String> configured = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^([a-zA-Z.-]+)\\s*=").matcher(properties);
        while (m.find()) {
            configured.add(m.group(1));
        }
        String readme = read(Path.of("README.md"));
        String limits = readme.substring(readme.indexOf("## Limits"), readme.indexOf("## Architecture"));
        Set<String> named = new TreeSet<>();
        for (String line : limits.split("\n")) {
            String[] cells = line.split("\\|");
            if (line.startsWith("| ") && cells.length > 2) {
                Matcher property = Pattern.compile("`([a-zA-Z-]+\\.[a-zA-Z.-]+)`").matcher(cells[2]);
                while (property.find()) {
                    named.add(property.group(1));
                }
            }
        }
        assertThat(configured).as("Limits table names only real properties").containsAll(named);
        Set<String> bounds = configured.stream()
                .filter(name -> name.startsWith("mcp.") || name.startsWith("lastfm.") || name.startsWith("musicbrainz.")
                                || name.startsWith("camel.server."))
                .filter(name -> name.matches(".*(max|timeout|per-second|interval-ms|ttl).*")
                                && !name.equals("mcp.cors.max-age") && !name.contains("retry")
                                && !name.matches(".*cache.*ttl.*") && !name.equals("mcp.subscriptions.poll-interval-ms"))
                .collect(Collectors.toCollection(TreeSet::new));
        bounds.add("mcp.http.worker-threads");
        assertThat(named).as("every bound is in the README's Limits table").containsAll(bounds);
    }

    @Test
    void theReadmeRouteTableNamesEveryRouteOfEveryFile() throws IOException {
        String readme = read(Path.of("README.md"));
        Map<String, Set<String>> documented = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z/-]+\\.camel\\.yaml)` \\| (.*) \\|$").matcher(readme);
        while (row.find()) {
            documented.put(row.group(1), backticked(row.group(2)));
        }
        Map<String, Set<String>> declared = new TreeMap<>();
        for (String file : routeFiles()) {
            String name = file.substring("classpath:routes/".length());
            declared.put(name, routeIds(ROUTES.resolve(name)));
        }
        // files of route configurations only (no routes) are described in words
        declared.values().removeIf(Set::isEmpty);
        documented.values().removeIf(Set::isEmpty);
        assertThat(documented).as("README route table (file -> route ids)").isEqualTo(declared);
    }

    private static Set<String> routeIds(Path file) throws IOException {
        Set<String> ids = new TreeSet<>();
        for (JsonNode entry : YAML.readTree(file.toFile())) {
            if (entry.has("route")) {
                ids.add(entry.path("route").path("id").asText());
            }
        }
        return ids;
    }

    private static Set<String> backticked(String cell) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("`([^`]+)`").matcher(cell);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
