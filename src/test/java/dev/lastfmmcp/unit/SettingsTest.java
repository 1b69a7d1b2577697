package dev.lastfmmcp.unit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.lastfmmcp.config.Settings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    private final Map<String, String> values = Map.of("a", "24h", "b", "500ms", "c", "PT5M", "d", "7d", "e", "30",
            "n", "12", "blank", "  ", "bad", "soon");
    private final Settings settings = new Settings(key -> Optional.ofNullable(values.get(key)));

    @Test
    void parsesDurations() {
        assertThat(settings.duration("a", null)).isEqualTo(Duration.ofHours(24));
        assertThat(settings.duration("b", null)).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.duration("c", null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.duration("d", null)).isEqualTo(Duration.ofDays(7));
        assertThat(settings.duration("e", null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.duration("missing", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.duration("blank", Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> settings.duration("bad", null)).hasMessageContaining("bad");
    }

    @Test
    void readsNumbersBooleansAndOptionalValues() {
        assertThat(settings.integer("n", 0)).isEqualTo(12);
        assertThat(settings.integer("missing", 3)).isEqualTo(3);
        assertThatThrownBy(() -> settings.integer("bad", 0)).hasMessageContaining("integer");
        assertThat(settings.optional("blank")).isEmpty();
        assertThat(settings.bool("missing", true)).isTrue();
    }

    @Test
    void aPropertyMissingFromApplicationPropertiesFailsWithItsName() {
        assertThat(settings.integer("n")).isEqualTo(12);
        assertThat(settings.duration("a")).isEqualTo(Duration.ofHours(24));
        assertThat(settings.string("blank")).isEmpty();
        assertThatThrownBy(() -> settings.integer("mcp.nowhere")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Missing property mcp.nowhere").hasMessageContaining("application.properties");
        assertThatThrownBy(() -> settings.duration("blank")).hasMessageContaining("Property blank is blank");
        assertThatThrownBy(() -> settings.bool("gone")).hasMessageContaining("Missing property gone");
    }

    @Test
    void theWiringRestatesNoDefault() throws java.io.IOException {
        String wiring = java.nio.file.Files.readString(
                java.nio.file.Path.of("src/main/java/dev/lastfmmcp/config/AppConfiguration.java"));
        assertThat(java.util.regex.Pattern.compile("settings\\.\\w+\\(\"[^\"]+\",").matcher(wiring).find())
                .as("defaults live only in application.properties").isFalse();
    }
}
