package dev.lastfmmcp.unit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.catalog.LanguageValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint URIs and Simple expressions of the YAML routes, checked against the Camel catalog when building: what
 * {@code camel-report-maven-plugin:validate} checks, which reads only Java and XML routes (run on this project it
 * finds 0 endpoints). An unknown component, a misspelled or mistyped endpoint option ({@code httpMethodRestrict},
 * a timer's {@code period}, Infinispan's {@code operation}) or a Simple expression that does not parse fails here
 * instead of at start-up or at the first request. Not covered: a URI that is one property placeholder as a whole
 * (the Last.fm and MusicBrainz base URLs; the component is known only once resolved, and the HTTP component takes
 * unknown options as query parameters anyway) and a dynamic {@code toD} target ({@code ${variable.tool.endpoint}}).
 */
class RouteEndpointsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final CamelCatalog CATALOG = new DefaultCamelCatalog(true);
    private static final Set<String> SENDERS = Set.of("to", "toD", "wireTap", "enrich", "pollEnrich");
    /** EIPs whose {@code simple} is a predicate (a condition) rather than an expression (a value). */
    private static final Set<String> CONDITIONS = Set.of("when", "filter", "validate", "onWhen", "doWhile");

    /** One endpoint URI or Simple text of a route file: kind is "uri", "predicate" or "expression". */
    record Found(String kind, String text) {
    }

    static List<Found> found(String yaml) throws IOException {
        List<Found> found = new ArrayList<>();
        walk(YAML.readTree(yaml), "", found);
        return found;
    }

    private static void walk(JsonNode node, String parentKey, List<Found> found) {
        if (node.isArray()) {
            node.forEach(child -> walk(child, parentKey, found));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode uri = node.get("uri");
        if (uri != null && uri.isTextual()) {
            found.add(new Found("uri", withParameters(uri.asText(), node.get("parameters"))));
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (SENDERS.contains(field.getKey()) && value.isTextual()) {
                found.add(new Found("uri", value.asText()));
            } else if ("simple".equals(field.getKey())) {
                String text = value.isTextual() ? value.asText() : value.path("expression").asText(null);
                if (text != null) {
                    found.add(new Found(CONDITIONS.contains(parentKey) ? "predicate" : "expression", text));
                }
            } else if (!"parameters".equals(field.getKey())) {
                walk(value, field.getKey(), found);
            }
        }
    }

    private static String withParameters(String uri, JsonNode parameters) {
        if (parameters == null || !parameters.isObject()) {
            return uri;
        }
        StringBuilder full = new StringBuilder(uri);
        char separator = uri.contains("?") ? '&' : '?';
        for (Iterator<Map.Entry<String, JsonNode>> fields = parameters.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            full.append(separator).append(field.getKey()).append('=').append(field.getValue().asText());
            separator = '&';
        }
        return full.toString();
    }

    /** What is wrong with one found URI or expression; null when nothing is. */
    static String problem(Found found) {
        ClassLoader loader = RouteEndpointsTest.class.getClassLoader();
        return switch (found.kind()) {
            case "predicate" -> language(CATALOG.validateLanguagePredicate(loader, "simple", found.text()));
            case "expression" -> language(CATALOG.validateLanguageExpression(loader, "simple", found.text()));
            default -> endpoint(found.text());
        };
    }

    private static String language(LanguageValidationResult result) {
        return result.isSuccess() ? null : result.getError();
    }

    private static String endpoint(String uri) {
        if (uri.startsWith("{{") || uri.startsWith("${")) {
            return null;
        }
        EndpointValidationResult result = CATALOG.validateEndpointProperties(uri);
        if (result.getUnknownComponent() != null) {
            return "unknown component " + result.getUnknownComponent();
        }
        if (result.isSuccess()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        Map<String, Object> groups = new java.util.LinkedHashMap<>();
        groups.put("syntax error", result.getSyntaxError());
        groups.put("unknown options", result.getUnknown());
        groups.put("missing options", result.getRequired());
        groups.put("not a duration", result.getInvalidDuration());
        groups.put("not a number", result.getInvalidNumber());
        groups.put("not an integer", result.getInvalidInteger());
        groups.put("not a boolean", result.getInvalidBoolean());
        groups.put("not one of the choices", result.getInvalidEnum());
        groups.put("not a reference", result.getInvalidReference());
        groups.forEach((what, value) -> {
            if (value != null && !(value instanceof java.util.Collection<?> c && c.isEmpty())
                    && !(value instanceof Map<?, ?> m && m.isEmpty())) {
                parts.add(what + " " + value);
            }
        });
        return parts.isEmpty() ? "invalid" : String.join("; ", parts);
    }

    static List<Path> routeFiles() throws IOException {
        return RouteSchemaTest.routeFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeFiles")
    void everyEndpointAndSimpleExpressionIsValid(Path file) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Found found : found(Files.readString(file))) {
            String problem = problem(found);
            if (problem != null) {
                problems.add(found.kind() + " " + found.text() + ": " + problem);
            }
        }
        assertThat(problems).as("endpoints and Simple expressions of %s", file).isEmpty();
    }

    @Test
    void theRoutesHaveEndpointsAndExpressionsToCheck() throws IOException {
        List<Found> all = new ArrayList<>();
        for (Path file : routeFiles()) {
            all.addAll(found(Files.readString(file)));
        }
        assertThat(all.stream().filter(found -> found.kind().equals("uri"))).hasSizeGreaterThan(100)
                .anyMatch(found -> found.text().equals("platform-http:/mcp?httpMethodRestrict=POST,DELETE"));
        assertThat(all.stream().filter(found -> found.kind().equals("predicate"))).hasSizeGreaterThan(20);
        assertThat(all.stream().filter(found -> found.kind().equals("expression"))).hasSizeGreaterThan(20);
    }

    private static final String ROUTE = """
            - route:
                id: probe
                from:
                  uri: platform-http:/probe
                  parameters:
                    httpMethodRestrict: POST
                  steps:
                    - choice:
                        when:
                          - simple: "${header.CamelHttpMethod} == 'POST'"
                            steps:
                              - to: direct:probe-post
                    - setVariable:
                        name: target
                        simple: "${variable.mcp.messages}"
                    - to:
                        uri: timer:tick
                        parameters:
                          period: "{{probe.period-ms}}"
            """;

    private static List<String> problems(String yaml) throws IOException {
        return found(yaml).stream().map(RouteEndpointsTest::problem).filter(problem -> problem != null).toList();
    }

    @Test
    void aWellFormedRoutePasses() throws IOException {
        assertThat(found(ROUTE)).extracting(Found::kind)
                .containsExactlyInAnyOrder("uri", "predicate", "uri", "expression", "uri");
        assertThat(problems(ROUTE)).isEmpty();
    }

    @Test
    void aMisspelledOrMistypedEndpointOptionFails() throws IOException {
        assertThat(problems(ROUTE.replace("httpMethodRestrict:", "httpMethodRestrikt:")))
                .singleElement().asString().contains("httpMethodRestrikt");
        assertThat(problems(ROUTE.replace("\"{{probe.period-ms}}\"", "often"))).singleElement().asString()
                .contains("period").contains("often");
        assertThat(problems(ROUTE.replace("direct:probe-post", "direkt:probe-post"))).singleElement().asString()
                .contains("unknown component direkt");
    }

    @Test
    void aSimpleExpressionThatDoesNotParseFails() throws IOException {
        assertThat(problems(ROUTE.replace("== 'POST'", "=== 'POST'"))).hasSize(1);
        assertThat(problems(ROUTE.replace("${variable.mcp.messages}", "${variabel.mcp.messages}"))).hasSize(1);
        assertThat(problems(ROUTE.replace("${variable.mcp.messages}", "${variable.mcp.messages"))).hasSize(1);
    }
}
