package dev.lastfmmcp.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Route files an operator keeps in {@code MCP_ROUTES_DIR}: {@code *.camel.yaml} files loaded at start-up beside the
 * shipped ones, a file with a shipped file's name replacing it. The protocol and security routes (the files
 * {@link #PROTECTED_FILES}: intake, dispatch, web sign-in, OAuth) cannot be replaced, and their route ids are reserved.
 * {@link #check} is what {@code --validate-routes}, the start-up and a reload run on a file: YAML syntax, a list of
 * routes each with an id and a description, no reserved id, and Camel's own YAML DSL reading it (unknown EIPs and
 * options); each problem with its line.
 */
public final class RouteFiles {

    /** The shipped files whose routes are the protocol and security logic. */
    public static final List<String> PROTECTED_FILES = List.of("mcp-intake.camel.yaml", "mcp-dispatch.camel.yaml",
            "web-signin.camel.yaml", "oauth.camel.yaml");
    public static final String SUFFIX = ".camel.yaml";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("line (\\d+)");

    /** One problem of one file. */
    public record Problem(Path file, int line, String message) {
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + message;
        }
    }

    private final Set<String> reservedIds;
    private final List<String> shippedIncludes;

    RouteFiles(Set<String> reservedIds, List<String> shippedIncludes) {
        this.reservedIds = Set.copyOf(reservedIds);
        this.shippedIncludes = List.copyOf(shippedIncludes);
    }

    /** The shipped route files (from {@code application.properties}) and the reserved ids of the protected ones. */
    public static RouteFiles shipped() {
        Properties properties = new Properties();
        try (InputStream in = RouteFiles.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> includes = new ArrayList<>();
        for (String include : properties.getProperty("camel.main.routesIncludePattern", "").split(",")) {
            if (!include.isBlank()) {
                includes.add(include.trim());
            }
        }
        Set<String> reserved = new LinkedHashSet<>();
        for (String file : PROTECTED_FILES) {
            try (InputStream in = RouteFiles.class.getResourceAsStream("/routes/" + file)) {
                if (in != null) {
                    reserved.addAll(routeIds(YAML.readTree(in)));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new RouteFiles(reserved, includes);
    }

    public Set<String> reservedIds() {
        return reservedIds;
    }

    /** The {@code *.camel.yaml} files of {@code dir}, by name. */
    public static List<Path> filesOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(file))
                    .sorted().toList();
        }
    }

    /**
     * The include pattern with the directory's files: the shipped files minus those a directory file replaces, then
     * the directory's files ({@code file:} locations).
     */
    public String includePattern(List<Path> dirFiles) {
        Set<String> replaced = new LinkedHashSet<>();
        dirFiles.forEach(file -> replaced.add(file.getFileName().toString()));
        List<String> includes = new ArrayList<>();
        for (String include : shippedIncludes) {
            if (!replaced.contains(include.substring(include.lastIndexOf('/') + 1))) {
                includes.add(include);
            }
        }
        dirFiles.forEach(file -> includes.add("file:" + file.toAbsolutePath()));
        return String.join(",", includes);
    }

    /** Every problem of a route file an operator wrote; empty when it may be loaded. */
    public List<Problem> check(Path file) {
        List<Problem> problems = new ArrayList<>();
        String name = file.getFileName().toString();
        if (PROTECTED_FILES.contains(name)) {
            problems.add(new Problem(file, 0, name + " holds the protocol and security routes and cannot be "
                    + "replaced (the protected files: " + String.join(", ", PROTECTED_FILES) + ")"));
            return problems;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "cannot be read: " + e.getMessage()));
            return problems;
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new Problem(file, line, "not valid YAML: "
                    + e.getOriginalMessage().replaceAll("\\s+", " ").trim()));
            return problems;
        }
        if (tree == null || !tree.isArray() || tree.isEmpty()) {
            problems.add(new Problem(file, 1, "a route file is a YAML list of '- route:' entries"));
            return problems;
        }
        for (JsonNode entry : tree) {
            JsonNode route = entry.path("route");
            if (route.isMissingNode()) {
                continue;
            }
            String id = route.path("id").asText("");
            int line = lineOf(text, "id: " + id);
            if (id.isEmpty()) {
                problems.add(new Problem(file, lineOf(text, "route:"), "a route without an id (every route has an "
                        + "'id' and a 'description')"));
            } else if (reservedIds.contains(id)) {
                problems.add(new Problem(file, line, "route id '" + id + "' is reserved: it belongs to the protocol "
                        + "and security routes, which cannot be replaced"));
            } else if (route.path("description").asText("").isBlank()) {
                problems.add(new Problem(file, line, "route '" + id + "' has no description"));
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(camelReads(file));
        }
        return problems;
    }

    /** Camel's YAML DSL reads the file into a context that never starts: unknown steps and options fail here. */
    static List<Problem> camelReads(Path file) {
        try (DefaultCamelContext scratch = new DefaultCamelContext()) {
            Resource resource = ResourceHelper.resolveMandatoryResource(scratch, "file:" + file.toAbsolutePath());
            PluginHelper.getRoutesLoader(scratch).loadRoutes(resource);
            return List.of();
        } catch (Exception e) {
            String message = rootMessage(e);
            Matcher line = LINE_IN_MESSAGE.matcher(message);
            return List.of(new Problem(file, line.find() ? Integer.parseInt(line.group(1)) : 0,
                    "Camel cannot read it: " + message.replace('\n', ' ').replaceAll(" {2,}", " ")));
        }
    }

    /** The route ids of a parsed route file. */
    static List<String> routeIds(JsonNode tree) {
        List<String> ids = new ArrayList<>();
        if (tree != null && tree.isArray()) {
            for (JsonNode entry : tree) {
                String id = entry.path("route").path("id").asText("");
                if (!id.isEmpty()) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** The route ids a file on disk holds (empty when it cannot be read). */
    public static List<String> routeIds(Path file) {
        try {
            return routeIds(YAML.readTree(file.toFile()));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String rootMessage(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !out.toString().contains(cause.getMessage())) {
                if (out.length() > 0) {
                    out.append(": ");
                }
                out.append(cause.getMessage());
            }
        }
        return out.length() == 0 ? error.getClass().getSimpleName() : out.toString();
    }

    /**
     * {@code --validate-routes DIR}: every problem of every route file, one line each, then a summary; the exit code
     * 0 when there is none, 1 otherwise.
     */
    public static int validate(Path dir, java.io.PrintStream out) {
        if (!Files.isDirectory(dir)) {
            out.println(dir + ": not a directory");
            return 1;
        }
        RouteFiles routeFiles = shipped();
        List<Path> files;
        try {
            files = filesOf(dir);
        } catch (IOException e) {
            out.println(dir + ": cannot be listed: " + e.getMessage());
            return 1;
        }
        int problems = 0;
        for (Path file : files) {
            List<Problem> found = routeFiles.check(file);
            found.forEach(out::println);
            problems += found.size();
            if (found.isEmpty()) {
                out.println(file + ": OK (" + String.join(", ", routeIds(file)) + ")");
            }
        }
        out.println(files.size() + " route file(s) in " + dir + ", " + problems + " problem(s)");
        return problems == 0 ? 0 : 1;
    }
}
