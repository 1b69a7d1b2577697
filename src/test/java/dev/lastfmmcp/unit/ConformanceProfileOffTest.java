package dev.lastfmmcp.unit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.config.ConformanceProfile;
import dev.lastfmmcp.tools.ToolCatalogue;
import dev.lastfmmcp.tools.ToolDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance profile is off unless asked for: false in application.properties, never set by the Dockerfile or
 * the README's quick start; the product catalogue has none of its fixtures, the profile's has all the suite names.
 */
class ConformanceProfileOffTest {

    @Test
    void theProfileIsOffByDefaultAndNeverSwitchedOnForDeployment() throws IOException {
        assertThat(Files.readString(Path.of("application.properties")))
                .contains("mcp.conformance-fixtures = {{env:MCP_CONFORMANCE_FIXTURES:false}}");
        assertThat(Files.readString(Path.of("Dockerfile"))).doesNotContain("MCP_CONFORMANCE_FIXTURES");
        String readme = Files.readString(Path.of("README.md"));
        String quickStart = readme.substring(readme.indexOf("## Quick start"), readme.indexOf("## Connect a client"));
        assertThat(quickStart).doesNotContain("MCP_CONFORMANCE_FIXTURES");
    }

    @Test
    void theFixturesAreInTheProfilesCatalogueOnly() {
        List<String> product = ToolCatalogue.load(AppConfiguration.objectMapper(), 100).all().stream()
                .map(ToolDefinition::name).toList();
        assertThat(product).noneMatch(name -> name.startsWith("test_") || name.startsWith("json_schema"));
        List<String> profile = ToolCatalogue.load(AppConfiguration.objectMapper(), 100,
                List.of(ConformanceProfile.NAME)).all().stream().map(ToolDefinition::name).toList();
        assertThat(profile).containsAll(product).contains("test_simple_text", "test_image_content",
                "test_audio_content", "test_embedded_resource", "test_multiple_content_types",
                "test_tool_with_logging", "test_error_handling", "test_tool_with_progress", "test_sampling",
                "test_elicitation", "test_elicitation_sep1034_defaults", "test_elicitation_sep1330_enums",
                "json_schema_2020_12_tool", "test_reconnection");
    }
}
