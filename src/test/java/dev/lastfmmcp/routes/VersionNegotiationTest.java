package dev.lastfmmcp.routes;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.RawMcp.Reply;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Protocol version negotiation: initialize echoes a supported version (the latest for an unknown one), the
 * MCP-Protocol-Version header is checked, and what a version allows: batches only for 2025-03-26, completions answered
 * for 2024-11-05 sessions.
 *
 * <p>Against the real app on a free port, configured like the other transport tests (20000-byte bodies, pages of
 * one).
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "camel.server.maxBodySize=20000", "mcp.page-size=1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VersionNegotiationTest extends AppTestSupport {

    @Test
    void initializeEchoesASupportedVersionAndIssuesASession() {
        for (String version : new String[] {"2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"}) {
            Reply reply = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":"
                                   + "{\"protocolVersion\":\"" + version + "\",\"capabilities\":{},"
                                   + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}", null);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).isEqualTo("application/json");
            assertThat(reply.header("Mcp-Session-Id")).matches("[\\x21-\\x7E]{32,}");
            JsonNode result = reply.json().get("result");
            assertThat(reply.json().get("id").asText()).isEqualTo("init");
            assertThat(result.get("protocolVersion").asText()).isEqualTo(version);
            assertThat(result.at("/serverInfo/name").asText()).isEqualTo("lastfm-mcp");
            assertThat(result.at("/serverInfo/version").asText()).isNotBlank();
            assertThat(result.at("/capabilities/tools").isObject()).isTrue();
            assertThat(result.at("/capabilities/logging").isObject()).isTrue();
            // the completions capability exists from 2025-03-26 on; older sessions are not told of it
            assertThat(result.at("/capabilities/completions").isObject()).isEqualTo(!version.equals("2024-11-05"));
            assertThat(result.get("instructions").asText()).contains("server_info");
        }
    }

    @Test
    void unknownVersionGetsTheLatestNotAnError() {
        Reply reply = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                               + "{\"protocolVersion\":\"2099-01-01\",\"capabilities\":{},"
                               + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}", null);
        assertThat(reply.json().at("/result/protocolVersion").asText()).isEqualTo("2025-11-25");
        Reply missing = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}", null);
        assertThat(missing.json().at("/error/code").asInt()).isEqualTo(-32602);
    }

    @Test
    void protocolVersionHeader() {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        assertThat(mcp().post(ping, session(), Map.of("MCP-Protocol-Version", "1999-01-01")).status()).isEqualTo(400);
        assertThat(mcp().post(ping, session(), Map.of("MCP-Protocol-Version", "2025-03-26")).status()).isEqualTo(200);
        assertThat(mcp().post(ping, session(), Map.of("MCP-Protocol-Version", "2025-11-25")).status()).isEqualTo(200);
    }

    @Test
    void batchesAreRejectedFor20250618AndLaterButProcessedFor20250326() {
        String batch = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},"
                       + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
                       + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"nope\"},"
                       + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\",\"params\":{}}]";
        Reply rejected = mcp().post(batch, session());
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().at("/error/code").asInt()).isEqualTo(-32600);

        String old = mcp().initialize("2025-03-26");
        Reply accepted = mcp().post(batch, old);
        assertThat(accepted.status()).isEqualTo(200);
        JsonNode responses = accepted.json();
        assertThat(responses.isArray()).isTrue();
        assertThat(responses).hasSize(3);
        assertThat(responses.get(0).get("id").asInt()).isEqualTo(1);
        assertThat(responses.get(1).at("/error/code").asInt()).isEqualTo(-32601);
        assertThat(responses.get(2).at("/error/code").asInt()).isEqualTo(-32600);
        Reply onlyNotifications = mcp().post("[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}]", old);
        assertThat(onlyNotifications.status()).isEqualTo(202);
        assertThat(mcp().post("[]", old).status()).isEqualTo(400);
    }

    @Test
    void sessionsOf20241105AreAnsweredCompletionsWithoutTheCapability() {
        String old = mcp().initialize("2024-11-05");
        JsonNode completion = mcp().request(old, 1, "completion/complete",
                "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"listening_insights\"},"
                + "\"argument\":{\"name\":\"period\",\"value\":\"7\"}}");
        assertThat(completion.at("/result/completion/values/0").asText()).isEqualTo("7day");
    }
}
