package dev.lastfmmcp.unit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.Progress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    private final JsonRpcCodec codec = new JsonRpcCodec(AppConfiguration.objectMapper());
    private final Progress progress = new Progress(codec);

    private McpCall call(String params) {
        return new McpCall(codec.classify(codec.parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                                                      + "\"params\":" + params + "}")));
    }

    @Test
    void sendsIncreasingProgressOnlyWithATokenAndAStream() {
        McpRequest request = new McpRequest("c", 0, Instant.EPOCH, "POST", "/mcp");
        List<JsonNode> sent = new ArrayList<>();
        McpCall withToken = call("{\"name\":\"x\",\"_meta\":{\"progressToken\":\"tok-1\"}}");

        progress.report(request, withToken, 1, 3.0, "no stream yet");
        assertThat(sent).isEmpty();

        request.setProgressSink(sent::add);
        progress.report(request, withToken, 1, 3.0, "Reading your top artists");
        progress.report(request, withToken, 1, 3.0, "same value again");
        progress.report(request, withToken, 0.5, 3.0, "going back");
        progress.report(request, withToken, 2, null, null);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).get("method").asText()).isEqualTo("notifications/progress");
        assertThat(sent.get(0).at("/params/progressToken").asText()).isEqualTo("tok-1");
        assertThat(sent.get(0).at("/params/total").asDouble()).isEqualTo(3.0);
        assertThat(sent.get(0).at("/params/message").asText()).isEqualTo("Reading your top artists");
        assertThat(sent.get(1).at("/params/progress").asDouble()).isEqualTo(2.0);
        assertThat(sent.get(1).has("id")).isFalse();

        progress.report(request, call("{\"name\":\"x\"}"), 5, null, "no token");
        assertThat(sent).hasSize(2);
    }
}
