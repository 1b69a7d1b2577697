package dev.lastfmmcp.unit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every alert rule has its README line and a promtool unit test, and names only meters the README's meter table has
 * (promtool itself runs in scripts/check-alerts.sh, from .ci/run).
 */
class AlertRulesDocsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyAlertIsDocumentedTestedAndUsesDocumentedMeters() throws IOException {
        JsonNode rules = YAML.readTree(Path.of("ops/prometheus/alerts.yml").toFile());
        Set<String> alerts = new TreeSet<>();
        Set<String> meters = new TreeSet<>();
        for (JsonNode rule : rules.at("/groups/0/rules")) {
            alerts.add(rule.get("alert").asText());
            Matcher name = Pattern.compile("\\b((?:mcp|lastfm|upstream)_[a-z_]+)").matcher(rule.get("expr").asText());
            while (name.find()) {
                meters.add(name.group(1).replaceAll("_(count|sum|bucket)$", ""));
            }
        }
        String readme = Files.readString(Path.of("README.md"));
        String alertSection = readme.substring(readme.indexOf("### Alerts"), readme.indexOf("## Docker"));
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\|").matcher(alertSection);
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertThat(documented).as("README alert table").isEqualTo(alerts);
        String tests = Files.readString(Path.of("ops/prometheus/alerts.test.yml"));
        assertThat(alerts).allSatisfy(alert -> assertThat(tests).as("a promtool test of " + alert)
                .contains("alertname: " + alert));
        String runbook = Files.readString(Path.of("docs/runbook.md"));
        assertThat(alerts).allSatisfy(alert -> assertThat(runbook).as("the runbook on " + alert)
                .containsPattern("(?m)^### .*\\b" + alert + "\\b"));
        assertThat(readme).contains("](docs/runbook.md)");
        String meterSection = readme.substring(readme.indexOf("### Meters"), readme.indexOf("### Alerts"));
        assertThat(meters).isNotEmpty().allSatisfy(meter -> assertThat(meterSection).contains("| `" + meter + "` |"));
    }
}
