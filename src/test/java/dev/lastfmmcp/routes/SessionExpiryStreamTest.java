package dev.lastfmmcp.routes;

import java.util.Map;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.SseClient;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** A session that expires takes its GET stream with it (found by Infinispan's expiry reaper). */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.session.idle-timeout=1s",
                       "mcp.session.reaper-interval=500ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionExpiryStreamTest extends AppTestSupport {

    @Test
    void anExpiredSessionClosesItsStream() {
        String session = mcp().initialize("2025-11-25");
        try (SseClient stream = SseClient.open("GET", mcp().base() + "/mcp",
                Map.of("Accept", "text/event-stream", "Mcp-Session-Id", session), null)) {
            assertThat(stream.status()).isEqualTo(200);
            stream.awaitEnd();
        }
        assertThat(mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", session).status())
                .isEqualTo(404);
    }
}
