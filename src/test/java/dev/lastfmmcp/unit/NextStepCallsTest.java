package dev.lastfmmcp.unit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.format.NextSteps;
import dev.lastfmmcp.support.NextStepCalls;
import dev.lastfmmcp.tools.ToolCatalogue;
import dev.lastfmmcp.tools.ToolDefinition;
import dev.lastfmmcp.tools.ToolOutput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The check {@code ToolTestSupport} runs on every tool result's "Next steps", on made-up results. */
class NextStepCallsTest {

    private final ObjectMapper mapper = AppConfiguration.objectMapper();
    private final NextStepCalls check = new NextStepCalls(inputSchemas());

    private Map<String, JsonNode> inputSchemas() {
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        for (ToolDefinition tool : ToolCatalogue.load(mapper, 100).all()) {
            schemas.put(tool.name(), tool.inputSchema());
        }
        return schemas;
    }

    /** A tool result as it travels (JSON), built by ToolOutput with these suggestions. */
    private JsonNode result(java.util.function.Consumer<NextSteps> suggestions) {
        ToolOutput out = ToolOutput.create().heading("Made up").line("A fact.");
        suggestions.accept(out.next());
        return mapper.valueToTree(out.build());
    }

    @Test
    void validSuggestionsPass() {
        JsonNode result = result(next -> next
                .call("get_artist_info", "artist", "AC/DC \"Live\" \\ (1992), Part 2")
                .call("get_top_artists", "username", "rj", "period", "7day", "limit", 10)
                .call("lastfm_auth_status"));
        assertThat(NextStepCalls.lines(result.at("/content/0/text").asText())).hasSize(3);
        assertThat(check.problems(result)).isEmpty();
    }

    @Test
    void parsesWhatNextStepsRenders() {
        NextSteps next = NextSteps.create().call("get_similar_tracks", "artist", "Sigur Rós", "track",
                "Hoppípolla, \"live\"", "limit", 5, "autocorrect", true);
        NextStepCalls.Call call = NextStepCalls.parse(next.calls().get(0));
        assertThat(call.tool()).isEqualTo("get_similar_tracks");
        assertThat(call.arguments().get("artist").textValue()).isEqualTo("Sigur Rós");
        assertThat(call.arguments().get("track").textValue()).isEqualTo("Hoppípolla, \"live\"");
        assertThat(call.arguments().get("limit").isIntegralNumber()).isTrue();
        assertThat(call.arguments().get("limit").intValue()).isEqualTo(5);
        assertThat(call.arguments().get("autocorrect").booleanValue()).isTrue();
        assertThat(NextStepCalls.parse("server_info()").arguments().isEmpty()).isTrue();
    }

    @Test
    void anUnknownToolIsReported() {
        JsonNode result = result(next -> next.call("get_artist_biography", "artist", "Cher"));
        assertThat(check.problems(result)).hasSize(1);
        assertThat(check.problems(result).get(0)).contains("get_artist_biography").contains("no tool named");
    }

    @Test
    void argumentsOutsideTheInputSchemaAreReported() {
        JsonNode result = result(next -> next
                .call("get_top_artists", "username", "rj", "limit", 5000)
                .call("get_top_artists", "username", "rj", "period", "week")
                .call("get_artist_info", "name", "Cher")
                .call("get_global_top_tracks", "limit", "10"));
        List<String> problems = check.problems(result);
        assertThat(problems).hasSize(5);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("limit=5000").contains("maximum"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("period=\"week\"").contains("enum"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("name=\"Cher\"").contains("artist"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("name=\"Cher\"").contains("name"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("limit=\"10\"").contains("integer"));
    }

    @Test
    void malformedSuggestionsAreReported() {
        String text = "## Made up\n\n**Next steps**\n- `get_artist_info(artist=Cher)`\n- get_top_artists\n"
                      + "- `get_artist_info(artist=\"Cher)`\n- `get_artist_info(artist=\"Cher\",)`\n\nAfter.\n"
                      + "- `not_a_next_step(x=)`\n";
        assertThat(NextStepCalls.lines(text)).hasSize(4);
        assertThat(check.problems(text)).hasSize(4);
        assertThatThrownBy(() -> NextStepCalls.parse("get_artist_info(artist=\"C\\x\")"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
