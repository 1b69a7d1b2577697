package dev.lastfmmcp.unit;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.mcp.ClientCapabilities;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientCapabilitiesTest {

    private final ObjectMapper mapper = AppConfiguration.objectMapper();

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }

    @Test
    void keepsWhatARealClientSends() throws Exception {
        Map<String, Object> kept = ClientCapabilities.bounded(
                json("{\"roots\":{\"listChanged\":true},\"sampling\":{},\"elicitation\":{\"form\":{}}}"), 4096, mapper);
        assertThat(mapper.writeValueAsString(kept))
                .isEqualTo("{\"roots\":{\"listChanged\":true},\"sampling\":{},\"elicitation\":{\"form\":{}}}");
    }

    @Test
    void aMegabyteOfCapabilitiesShrinksToTheirNamesAndFlags() throws Exception {
        String huge = "x".repeat(1_000_000);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            many.append(",\"c").append(i).append("\":{}");
        }
        JsonNode sent = json("{\"roots\":{\"listChanged\":true,\"junk\":\"" + huge + "\"},\"sampling\":{\"big\":[\""
                             + huge + "\"]},\"" + "k".repeat(500) + "\":{}" + many + "}");
        Map<String, Object> kept = ClientCapabilities.bounded(sent, 4096, mapper);
        String json = mapper.writeValueAsString(kept);
        assertThat(json.length()).isLessThanOrEqualTo(4096);
        assertThat(kept).hasSize(16).containsKeys("roots", "sampling").doesNotContainKey("k".repeat(500));
        assertThat(kept.get("roots")).isEqualTo(Map.of("listChanged", true));
        assertThat(kept.get("sampling")).isEqualTo(Map.of());
    }

    @Test
    void notAnObjectIsNoCapabilitiesAndNamesAreCut() throws Exception {
        assertThat(ClientCapabilities.bounded(json("[1,2]"), 4096, mapper)).isEmpty();
        assertThat(ClientCapabilities.bounded(null, 4096, mapper)).isEmpty();
        JsonNode info = json("{\"name\":\"" + "n".repeat(5000) + "\",\"version\":7}");
        assertThat(ClientCapabilities.info(info, "name")).hasSize(ClientCapabilities.MAX_INFO_LENGTH + 1).endsWith("…");
        assertThat(ClientCapabilities.info(info, "version")).isNull();
    }
}
