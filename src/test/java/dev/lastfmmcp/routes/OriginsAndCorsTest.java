package dev.lastfmmcp.routes;

import java.util.Map;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.RawMcp;
import dev.lastfmmcp.support.RawMcp.Reply;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Origins: a foreign Origin is 403 (POST, GET stream and preflight), local ones pass, and allowed browser origins get
 * CORS headers exposing Mcp-Session-Id.
 *
 * <p>Against the real app on a free port, configured like the other transport tests (20000-byte bodies, pages of
 * one).
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "camel.server.maxBodySize=20000", "mcp.page-size=1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OriginsAndCorsTest extends AppTestSupport {

    @Test
    void foreignOriginIs403AndLocalOriginsPass() {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        Reply evil = mcp().post(ping, session(), Map.of("Origin", "http://evil.example.com"));
        assertThat(evil.status()).isEqualTo(403);
        assertThat(evil.json().at("/error/message").asText()).contains("evil.example.com");
        assertThat(mcp().post(ping, session(), Map.of("Origin", "http://localhost:6274")).status()).isEqualTo(200);
        assertThat(mcp().send("GET", "/mcp", null, Map.of("Origin", "http://evil.example.com",
                "Accept", "text/event-stream")).status()).isEqualTo(403);
    }

    @Test
    void browserClientsGetCorsForAllowedOriginsOnly() {
        Reply preflight = mcp().send("OPTIONS", "/mcp", null, Map.of("Origin", "http://localhost:6274",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "mcp-session-id"));
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:6274");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Mcp-Session-Id");

        Reply initialize = mcp().send("POST", "/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":"
                + "{\"name\":\"browser\",\"version\":\"1\"}}}", Map.of("Origin", "http://localhost:6274",
                "Content-Type", "application/json", "Accept", RawMcp.ACCEPT_BOTH));
        assertThat(initialize.status()).isEqualTo(200);
        assertThat(initialize.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:6274");
        assertThat(initialize.header("Access-Control-Expose-Headers")).contains("Mcp-Session-Id");
        assertThat(initialize.header("Mcp-Session-Id")).isNotBlank();

        Reply foreign = mcp().send("OPTIONS", "/mcp", null, Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST"));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }
}
