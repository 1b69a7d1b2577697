package dev.lastfmmcp.routes;

import java.util.Map;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.RawMcp.Reply;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions over Streamable HTTP: a request needs an Mcp-Session-Id (any case), an unknown one is 404, DELETE ends one.
 *
 * <p>Against the real app on a free port, configured like the other transport tests (20000-byte bodies, pages of
 * one).
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "camel.server.maxBodySize=20000", "mcp.page-size=1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsTransportTest extends AppTestSupport {

    @Test
    void sessionsAreRequiredAndUnknownOnesAre404() {
        Reply without = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", null);
        assertThat(without.status()).isEqualTo(400);
        assertThat(without.json().get("id").asInt()).isEqualTo(1);
        assertThat(without.json().at("/error/message").asText()).contains("Mcp-Session-Id");
        Reply unknown = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "no-such-session");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().has("error")).isTrue();
        // the header name is case-insensitive
        Reply upper = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", null,
                Map.of("MCP-SESSION-ID", session()));
        assertThat(upper.status()).isEqualTo(200);
    }

    @Test
    void deleteEndsTheSession() {
        String doomed = mcp().initialize("2025-11-25");
        assertThat(mcp().send("DELETE", "/mcp", null, Map.of("Mcp-Session-Id", doomed)).status()).isEqualTo(204);
        assertThat(mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", doomed).status()).isEqualTo(404);
        assertThat(mcp().send("DELETE", "/mcp", null, Map.of("Mcp-Session-Id", doomed)).status()).isEqualTo(404);
        assertThat(mcp().send("DELETE", "/mcp", null, Map.of()).status()).isEqualTo(400);
    }
}
