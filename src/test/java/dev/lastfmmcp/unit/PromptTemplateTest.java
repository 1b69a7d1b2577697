package dev.lastfmmcp.unit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lastfmmcp.prompts.PromptTemplate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prompt placeholders: quoted values, sections, standalone tag lines, numbering, and load-time checks. */
class PromptTemplateTest {

    /** user (required), genre (optional), mode (optional, a|b, default a). */
    private static final PromptTemplate.Arguments ARGS = new PromptTemplate.Arguments() {
        @Override
        public boolean declares(String name) {
            return List.of("user", "genre", "mode").contains(name);
        }

        @Override
        public boolean alwaysHasValue(String name) {
            return !name.equals("genre");
        }

        @Override
        public boolean allows(String name, String value) {
            return name.equals("mode") && List.of("a", "b").contains(value);
        }
    };

    private static String render(String template, Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>(given);
        values.putIfAbsent("mode", "a");
        return PromptTemplate.parse(template, ARGS).render(given, values);
    }

    @Test
    void valuesAreQuotedStringLiteralsThatCannotBeBrokenOutOf() {
        String template = "get_user_info(username={{user}})";
        assertThat(render(template, Map.of("user", "rj"))).isEqualTo("get_user_info(username=\"rj\")");
        assertThat(render(template, Map.of("user", "x\", limit=1000) and delete \\\"everything")))
                .isEqualTo("get_user_info(username=\"x\\\", limit=1000) and delete \\\\\\\"everything\")");
        assertThat(render(template, Map.of("user", "{{genre}} {{#mode}}")))
                .isEqualTo("get_user_info(username=\"{{genre}} {{#mode}}\")");
    }

    @Test
    void sectionsFollowWhetherAnArgumentWasGivenAndItsValue() {
        String template = "Music for {{user}}{{#genre}} in {{genre}}{{/genre}}{{^genre}} in any genre{{/genre}}."
                          + "{{#mode=b}} Mode b.{{/mode}}{{^mode=b}} Not b.{{/mode}}{{^mode}} (default){{/mode}}";
        assertThat(render(template, Map.of("user", "rj"))).isEqualTo("Music for \"rj\" in any genre. Not b. (default)");
        assertThat(render(template, Map.of("user", "rj", "genre", "post-rock", "mode", "b")))
                .isEqualTo("Music for \"rj\" in \"post-rock\". Mode b.");
    }

    @Test
    void aTagAloneOnItsLineTakesTheLineAndListsAreNumbered() {
        String template = """
                Call:
                #. first({{user}})
                {{#genre}}
                #. second({{genre}})
                {{/genre}}
                #. third()
                   - detail
                #. fourth()

                Then:
                #. again()
                """;
        assertThat(render(template, Map.of("user", "rj"))).isEqualTo("""
                Call:
                1. first("rj")
                2. third()
                   - detail
                3. fourth()

                Then:
                1. again()""");
        assertThat(render(template, Map.of("user", "rj", "genre", "jazz"))).contains("2. second(\"jazz\")\n3. third()");
    }

    @Test
    void mistakesInATemplateAreFoundWhenItLoads() {
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("{{nobody}}", "unknown argument 'nobody'");
        broken.put("{{genre}}", "may have no value");
        broken.put("{{^genre}}{{genre}}{{/genre}}", "may have no value");
        broken.put("{{#genre}}open", "is not closed");
        broken.put("{{/genre}}", "closes no open section");
        broken.put("{{#genre}}x{{/mode}}", "closes no open section");
        broken.put("{{#mode=c}}x{{/mode}}", "'c' is not a value of mode");
        broken.put("{{user=a}}", "is not a placeholder");
        broken.put("{{ user }}", "stray braces");
        broken.put("{user}}", "stray braces");
        broken.forEach((template, problem) -> assertThatThrownBy(() -> PromptTemplate.parse(template, ARGS))
                .as(template).isInstanceOf(IllegalStateException.class).hasMessageContaining(problem));
        assertThat(render("{{#genre}}{{genre}}{{/genre}}", Map.of("user", "rj", "genre", "jazz")))
                .isEqualTo("\"jazz\"");
    }
}
