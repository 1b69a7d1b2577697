package dev.lastfmmcp.unit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lastfmmcp.lastfm.LastfmFetch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client routes read top-down: Caffeine is spoken in one place ({@code cache-get}, {@code cache-put}; every
 * caller's step has an id for JMX), no client route (Last.fm, MusicBrainz) nests a choice in a choice, and {@code lastfm-fetch}
 * settles the breaker's result and makes one choice on it, with a branch per {@link LastfmFetch.Outcome}.
 */
class ClientRoutesShapeTest {

    private static final Path ROUTES = Path.of("src/main/resources/routes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> CACHE_ROUTES = List.of("cache-get", "cache-put");

    /** Every route of every route file, by id. */
    private static Map<String, JsonNode> routes() throws IOException {
        Map<String, JsonNode> routes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROUTES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                for (JsonNode entry : YAML.readTree(file.toFile())) {
                    if (entry.has("route")) {
                        routes.put(entry.get("route").get("id").asText(), entry.get("route"));
                    }
                }
            }
        }
        return routes;
    }

    private static void collect(JsonNode node, String key, List<JsonNode> found) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, key, found));
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals(key)) {
                    found.add(field.getValue());
                }
                collect(field.getValue(), key, found);
            }
        }
    }

    @Test
    void onlyTheCacheRoutesSpeakCaffeine() throws IOException {
        List<String> elsewhere = new ArrayList<>();
        for (Map.Entry<String, JsonNode> route : routes().entrySet()) {
            String text = route.getValue().toString();
            if (!CACHE_ROUTES.contains(route.getKey())
                && (text.contains("CamelCaffeine") || text.contains("caffeine-cache:"))) {
                elsewhere.add(route.getKey());
            }
        }
        assertThat(elsewhere).as("routes that set Caffeine headers or call a caffeine-cache endpoint themselves")
                .isEmpty();
        assertThat(routes()).containsKeys("cache-get", "cache-put");
    }

    @Test
    void everyCacheStepHasAnIdForJmx() throws IOException {
        List<JsonNode> sends = new ArrayList<>();
        routes().values().forEach(route -> collect(route, "to", sends));
        List<JsonNode> cacheSteps = sends.stream().filter(JsonNode::isObject)
                .filter(to -> to.path("uri").asText().matches("direct:cache-(get|put)")).toList();
        List<JsonNode> bare = sends.stream().filter(JsonNode::isTextual)
                .filter(to -> to.asText().matches("direct:cache-(get|put)")).toList();
        assertThat(bare).as("cache steps written as a bare uri (no id)").isEmpty();
        assertThat(cacheSteps).isNotEmpty().allSatisfy(to -> assertThat(to.path("id").asText())
                .as("id of %s", to).startsWith("lastfm-"));
        assertThat(cacheSteps.stream().map(to -> to.get("id").asText()).distinct().count())
                .isEqualTo(cacheSteps.size());
    }

    @Test
    void noClientRouteNestsAChoiceInAChoice() throws IOException {
        List<String> nested = new ArrayList<>();
        List<JsonNode> entries = new ArrayList<>();
        YAML.readTree(ROUTES.resolve("lastfm-client.camel.yaml").toFile()).forEach(entries::add);
        YAML.readTree(ROUTES.resolve("musicbrainz-client.camel.yaml").toFile()).forEach(entries::add);
        for (JsonNode entry : entries) {
            JsonNode route = entry.get("route");
            List<JsonNode> choices = new ArrayList<>();
            collect(route, "choice", choices);
            for (JsonNode choice : choices) {
                List<JsonNode> inner = new ArrayList<>();
                collect(choice, "choice", inner);
                if (!inner.isEmpty()) {
                    nested.add(route.get("id").asText());
                }
            }
        }
        assertThat(nested).as("routes with a choice inside a choice").isEmpty();
    }

    @Test
    void lastfmFetchMakesOneOneLevelChoiceOnTheSettledOutcome() throws IOException {
        JsonNode steps = routes().get("lastfm-fetch").get("from").get("steps");
        List<JsonNode> choices = new ArrayList<>();
        collect(steps, "choice", choices);
        assertThat(choices).as("choices in lastfm-fetch").hasSize(1);
        JsonNode choice = choices.get(0);
        List<JsonNode> branches = new ArrayList<>();
        choice.get("when").forEach(branches::add);
        branches.add(choice.get("otherwise"));
        Pattern outcome = Pattern.compile("\\$\\{variable\\.lastfmFetch\\.outcome\\.name} == '([A-Z_]+)'");
        List<String> chosen = new ArrayList<>();
        for (JsonNode when : choice.get("when")) {
            Matcher m = outcome.matcher(when.path("simple").asText());
            assertThat(m.matches()).as("condition %s", when.path("simple")).isTrue();
            chosen.add(m.group(1));
        }
        for (JsonNode branch : branches) {
            assertThat(branch.get("steps").size()).as("steps of %s", branch).isBetween(1, 3);
        }
        // every outcome has its branch; the one without a condition is the otherwise
        List<String> outcomes = Arrays.stream(LastfmFetch.Outcome.values()).map(Enum::name).toList();
        assertThat(outcomes).containsAll(chosen).hasSize(chosen.size() + 1);
        // the settle step comes right before the choice
        List<String> kinds = new ArrayList<>();
        steps.forEach(step -> kinds.add(step.fieldNames().next()));
        int at = kinds.indexOf("choice");
        JsonNode settle = steps.get(at - 1).get("setVariable");
        assertThat(settle.get("name").asText()).isEqualTo("lastfmFetch");
        assertThat(settle.at("/method/method").asText()).isEqualTo("settle");
    }
}
