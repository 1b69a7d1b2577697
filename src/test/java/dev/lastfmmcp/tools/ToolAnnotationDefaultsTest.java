package dev.lastfmmcp.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.config.AppConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue loader gives every tool its annotations; an entry states only what differs (package access). */
class ToolAnnotationDefaultsTest {

    private final ObjectMapper mapper = AppConfiguration.objectMapper();
    private final SchemaDefinitions shared = SchemaDefinitions.load();

    private ToolDefinition load(String yamlishJson) throws Exception {
        ObjectNode entry = (ObjectNode) mapper.readTree("{\"name\":\"made_up\",\"title\":\"Made up, \\\"quoted\\\"\","
                + "\"description\":\"A tool made up for this test.\",\"inputSchema\":{\"type\":\"object\"},"
                + "\"outputSchema\":{\"type\":\"object\",\"properties\":{}}" + yamlishJson + "}");
        return ToolCatalogue.definition(mapper, shared, "test", entry);
    }

    private String annotations(ToolDefinition tool) {
        return mapper.valueToTree(tool.tool().annotations()).toString();
    }

    @Test
    void aToolWithoutAnnotationsIsReadOnlyWithItsTitleAndOpenWorldWhenItCallsLastfm() throws Exception {
        assertThat(annotations(load(",\"requiresLastfm\":true"))).isEqualTo("{\"title\":\"Made up, \\\"quoted\\\"\","
                + "\"readOnlyHint\":true,\"destructiveHint\":false,\"idempotentHint\":true,\"openWorldHint\":true}");
        assertThat(annotations(load(""))).isEqualTo("{\"title\":\"Made up, \\\"quoted\\\"\",\"readOnlyHint\":true,"
                + "\"destructiveHint\":false,\"idempotentHint\":true,\"openWorldHint\":false}");
    }

    @Test
    void anEntryStatesOnlyWhatDiffers() throws Exception {
        ToolDefinition write = load(",\"requiresLastfm\":true,\"annotations\":{\"readOnlyHint\":false,"
                                    + "\"idempotentHint\":false,\"title\":\"Scrobble\"}");
        assertThat(annotations(write)).isEqualTo("{\"title\":\"Scrobble\",\"readOnlyHint\":false,"
                + "\"destructiveHint\":false,\"idempotentHint\":false,\"openWorldHint\":true}");
        assertThat(write.tool().title()).isEqualTo("Made up, \"quoted\"");
        assertThat(annotations(load(",\"requiresLastfm\":true,\"annotations\":{\"openWorldHint\":false}")))
                .endsWith("\"openWorldHint\":false}");
    }

    @Test
    void anUnknownOrMalformedAnnotationFailsTheLoad() {
        assertThatThrownBy(() -> load(",\"annotations\":{\"readonlyHint\":false}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("made_up").hasMessageContaining("readonlyHint");
        assertThatThrownBy(() -> load(",\"annotations\":[true]")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a mapping");
    }
}
