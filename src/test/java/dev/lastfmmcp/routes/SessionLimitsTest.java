package dev.lastfmmcp.routes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.RawMcp;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A flood of anonymous initializes cannot push other people's sessions out: beyond the per-address bound new sessions
 * are refused with 503, Retry-After and a JSON-RPC error, the live ones keep working, and an ended session makes room.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.session.max-per-client=5", "mcp.session.reaper-interval=7s"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionLimitsTest extends AppTestSupport {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
                                             + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                                             + "\"clientInfo\":{\"name\":\"flood\",\"version\":\"1\"}}}";

    @Test
    void aFullServerRefusesNewSessionsAndKeepsTheLiveOnes() {
        List<String> live = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            live.add(mcp().initialize("2025-11-25"));
        }
        for (int i = 0; i < 20; i++) {
            RawMcp.Reply refused = mcp().post(INITIALIZE, null);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("7");
            assertThat(refused.header("Mcp-Session-Id")).isNull();
            assertThat(refused.json().at("/error/code").asInt()).isEqualTo(-32603);
            assertThat(refused.json().at("/error/message").asText())
                    .contains("this client address holds its maximum of 5 sessions", "DELETE /mcp");
        }
        for (String session : live) {
            assertThat(mcp().post(PING, session).status()).isEqualTo(200);
        }

        RawMcp.Reply ended = mcp().send("DELETE", "/mcp", null, Map.of("Mcp-Session-Id", live.get(0)));
        assertThat(ended.status()).isEqualTo(204);
        // the session cache tells the quota asynchronously
        await().atMost(Duration.ofSeconds(5)).until(() -> mcp().post(INITIALIZE, null).status() == 200);
    }
}
