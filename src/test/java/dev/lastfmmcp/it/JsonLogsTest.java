package dev.lastfmmcp.it;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.support.AppProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** LOG_FORMAT=json: a real start writes one JSON object per line (logstash encoder), secrets in none of them. */
class JsonLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineIsAJsonEventWithoutSecrets() throws Exception {
        String apiKey = UUID.randomUUID().toString().replace("-", "");
        String adminToken = "admin-" + UUID.randomUUID();
        try (AppProcess app = AppProcess.start(Map.of("LASTFM_API_KEY", apiKey, "LOG_FORMAT", "json", "PORT", "0",
                "MCP_ADMIN_TOKEN", adminToken), Map.of())) {
            app.awaitLine(line -> line.contains("Last.fm MCP server ready at"));
            String output = app.stop();
            List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
            assertThat(lines).isNotEmpty();
            for (String line : lines) {
                JsonNode event = JSON.readTree(line);
                assertThat(event.has("@timestamp") && event.has("level") && event.has("logger_name")
                           && event.has("message")).as(line).isTrue();
            }
            assertThat(lines).anyMatch(line -> line.contains("Last.fm MCP server ready at"));
            assertThat(output).doesNotContain(apiKey).doesNotContain(adminToken);
        }
    }
}
