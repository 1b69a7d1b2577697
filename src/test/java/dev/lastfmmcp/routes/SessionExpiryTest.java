package dev.lastfmmcp.routes;

import java.time.Duration;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.AppTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sessions expire after the configured idle timeout (Infinispan max-idle), and activity keeps them alive. */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.session.idle-timeout=1500ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionExpiryTest extends AppTestSupport {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @Test
    void anIdleSessionIsGoneAndAnswers404() {
        String session = mcp().initialize("2025-11-25");
        assertThat(mcp().post(PING, session).status()).isEqualTo(200);
        // one probe after the idle timeout: every probe is activity, so polling faster would keep it alive
        await().pollDelay(Duration.ofMillis(2000)).pollInterval(Duration.ofMillis(2000)).atMost(Duration.ofSeconds(9))
                .until(() -> mcp().post(PING, session).status() == 404);
    }

    @Test
    void aBusySessionOutlivesTheIdleTimeout() {
        String session = mcp().initialize("2025-11-25");
        long end = System.nanoTime() + Duration.ofMillis(3500).toNanos();
        await().pollInterval(Duration.ofMillis(400)).atMost(Duration.ofSeconds(10)).until(() -> {
            assertThat(mcp().post(PING, session).status()).isEqualTo(200);
            return System.nanoTime() > end;
        });
    }
}
