package dev.lastfmmcp.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The README's configuration table matches application.properties: every setting with an environment variable has a
 * row naming the property and the variable, and a default written in the file is the one the row gives.
 */
class ConfigurationDocsTest {

    private static final Pattern SETTING = Pattern.compile("^([\\w.\\-]+)\\s*=\\s*\\{\\{env:(\\w+):([^}]*)}}",
            Pattern.MULTILINE);

    @Test
    void everySettingHasARowWithItsVariableAndDefault() throws Exception {
        String properties = Files.readString(Path.of("application.properties"));
        List<String> rows = Files.readString(Path.of("README.md")).lines().filter(l -> l.startsWith("| `")).toList();
        List<String> problems = new ArrayList<>();
        int settings = 0;
        Matcher m = SETTING.matcher(properties);
        while (m.find()) {
            settings++;
            String key = m.group(1);
            String variable = m.group(2);
            String value = m.group(3);
            List<String> matching = rows.stream()
                    .filter(r -> r.contains("`" + key + "`") && r.contains("`" + variable + "`")).toList();
            if (matching.isEmpty()) {
                problems.add(key + " (" + variable + "): no README row");
                continue;
            }
            String[] cells = matching.get(0).split("\\|");
            if (!value.isEmpty() && cells.length > 3 && !cells[3].contains(value)) {
                problems.add(key + ": default " + value + " in application.properties, '" + cells[3].strip()
                             + "' in the README");
            }
        }
        assertThat(settings).isGreaterThan(100);
        assertThat(problems).isEmpty();
    }
}
