package dev.lastfmmcp.unit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route file is valid against the YAML DSL's JSON schema, the one that ships inside camel-yaml-dsl
 * ({@code schema/camelYamlDsl.json}, draft-04): an unknown EIP, a misspelled option or a value of the wrong shape
 * fails the build here instead of at start-up (or, for an option Camel would ignore, never).
 */
class RouteSchemaTest {

    private static final Path ROUTES = Path.of("src/main/resources/routes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Schema DSL = loadSchema();

    private static Schema loadSchema() {
        try (InputStream in = RouteSchemaTest.class.getClassLoader().getResourceAsStream("schema/camelYamlDsl.json")) {
            assertThat(in).as("schema/camelYamlDsl.json inside camel-yaml-dsl").isNotNull();
            JsonNode schema = new ObjectMapper().readTree(in);
            // draft-04 plus the schema's own annotation "deprecated" (not a draft-04 keyword)
            Dialect dialect = Dialect.builder(Dialects.getDraft4()).keyword(new AnnotationKeyword("deprecated")).build();
            return SchemaRegistry.withDefaultDialect(dialect).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROUTES)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** A whole-value property placeholder: Camel resolves it before the option is bound, so any type may hold one. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^{}]+}}");

    private static List<String> errors(String yaml) throws IOException {
        return DSL.validate(YAML.readTree(yaml)).stream()
                .filter(error -> !placeholderForATypedOption(error))
                .map(Error::toString)
                .toList();
    }

    private static boolean placeholderForATypedOption(Error error) {
        JsonNode value = error.getInstanceNode();
        return "type".equals(error.getKeyword()) && value != null && value.isTextual()
                && PLACEHOLDER.matcher(value.asText()).matches();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeFiles")
    void routeFileIsValidAgainstTheYamlDslSchema(Path file) throws IOException {
        assertThat(errors(Files.readString(file))).as("%s against camelYamlDsl.json", file).isEmpty();
    }

    @Test
    void thereAreRouteFilesToValidate() throws IOException {
        assertThat(routeFiles()).hasSizeGreaterThan(10);
    }

    private static final String GOOD = """
            - route:
                id: probe
                from:
                  uri: direct:probe
                  steps:
                    - setVariable:
                        name: target
                        simple: "${body}"
                    - bean:
                        ref: someBean
                        method: run
            """;

    @Test
    void aWellFormedSnippetPasses() throws IOException {
        assertThat(errors(GOOD)).isEmpty();
    }

    @Test
    void anUnknownEipFails() throws IOException {
        assertThat(errors(GOOD.replace("- setVariable:", "- setVariabel:"))).isNotEmpty();
    }

    @Test
    void aMisspelledPropertyFails() throws IOException {
        assertThat(errors(GOOD.replace("method: run", "methd: run"))).isNotEmpty();
        assertThat(errors(GOOD.replace("id: probe", "idd: probe"))).isNotEmpty();
    }

    @Test
    void aPlaceholderPassesForANumberButAWordDoesNot() throws IOException {
        String breaker = """
                - route:
                    id: probe
                    from:
                      uri: direct:probe
                      steps:
                        - circuitBreaker:
                            resilience4jConfiguration:
                              slidingWindowSize: VALUE
                            steps:
                              - to: direct:elsewhere
                """;
        assertThat(errors(breaker.replace("VALUE", "\"{{lastfm.breaker.sliding-window-size}}\""))).isEmpty();
        assertThat(errors(breaker.replace("VALUE", "20"))).isEmpty();
        assertThat(errors(breaker.replace("VALUE", "twenty"))).isNotEmpty();
        assertThat(errors(breaker.replace("slidingWindowSize", "slidingWindowSise"))).isNotEmpty();
    }

    @Test
    void anUnknownTopLevelElementFails() throws IOException {
        assertThat(errors(GOOD.replace("- route:", "- rout:"))).isNotEmpty();
    }
}
