package dev.lastfmmcp.unit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Grafana dashboard (ops/grafana) is valid JSON whose queries read only meters of the README's meter table. */
class GrafanaDashboardTest {

    @Test
    void everyPanelQueriesDocumentedMeters() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(Path.of("ops/grafana/lastfm-mcp.json")));
        String readme = Files.readString(Path.of("README.md"));
        String meterSection = readme.substring(readme.indexOf("### Meters"), readme.indexOf("### Alerts"));
        Set<String> meters = new TreeSet<>();
        Pattern meter = Pattern.compile("\\b((?:mcp|lastfm|upstream|musicbrainz|cache)_[a-z_]+)");
        assertThat(dashboard.path("panels")).isNotEmpty();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                Matcher m = meter.matcher(target.path("expr").asText());
                while (m.find()) {
                    meters.add(m.group(1).replaceAll("_(bucket|count|sum)$", ""));
                }
            }
        }
        assertThat(meters).hasSizeGreaterThan(15)
                .allSatisfy(name -> assertThat(meterSection).as(name).contains("| `" + name + "` |"));
    }
}
