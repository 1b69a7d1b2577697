package dev.lastfmmcp.routes;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.RawMcp;
import dev.lastfmmcp.support.RawMcp.Reply;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 2026-07-28 era beside the 2025 one on /mcp and POST /, over HTTP against the real app: the opening request
 * decides, server/discover, tools/list and tools/call without a session, resultType and serverInfo on every result,
 * cache hints on lists, and the revision's 400/404 matrix (-32602 _meta, -32020 headers, -32022 version, -32601).
 */
@CamelMainTest(configurationClasses = AppConfiguration.class, properties = {"camel.server.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatelessEraTest extends AppTestSupport {

    @Test
    void discoverNamesTheVersionsCapabilitiesAndInstructionsWithoutASession() {
        Reply reply = mcp().stateless(1, "server/discover", null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Mcp-Session-Id")).isNull();
        JsonNode result = reply.json().get("result");
        assertThat(reply.json().get("id").asInt()).isEqualTo(1);
        assertThat(result.get("supportedVersions")).extracting(JsonNode::asText)
                .containsExactly("2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");
        assertThat(result.at("/capabilities/tools").isObject()).isTrue();
        assertThat(result.at("/capabilities/prompts").isObject()).isTrue();
        assertThat(result.at("/capabilities/resources").isObject()).isTrue();
        assertThat(result.at("/capabilities/completions").isObject()).isTrue();
        assertThat(result.get("instructions").asText()).contains("server_info");
        assertThat(result.get("resultType").asText()).isEqualTo("complete");
        assertThat(result.get("cacheScope").asText()).isEqualTo("public");
        // the reference data class's TTL (lastfm.cache.ttl.reference, 24h)
        assertThat(result.get("ttlMs").asLong()).isEqualTo(86_400_000L);
        assertThat(result.at("/_meta/io.modelcontextprotocol~1serverInfo/name").asText()).isEqualTo("lastfm-mcp");
        assertThat(result.at("/_meta/io.modelcontextprotocol~1serverInfo/version").asText()).isNotBlank();
    }

    @Test
    void toolsListAndCallRunTheSameCatalogueAndBeans() {
        JsonNode list = mcp().stateless(2, "tools/list", null).json().get("result");
        assertThat(list.get("resultType").asText()).isEqualTo("complete");
        assertThat(list.get("cacheScope").asText()).isEqualTo("public");
        assertThat(list.get("ttlMs").asLong()).isPositive();
        assertThat(list.get("tools")).extracting(tool -> tool.get("name").asText()).contains("ping", "server_info");

        Reply call = mcp().stateless(3, "tools/call", "{\"name\":\"ping\",\"arguments\":{\"message\":\"modern\"}}");
        assertThat(call.status()).isEqualTo(200);
        JsonNode result = call.json().get("result");
        assertThat(result.at("/content/0/text").asText()).isEqualTo("pong: modern");
        assertThat(result.get("resultType").asText()).isEqualTo("complete");
        assertThat(result.at("/_meta/io.modelcontextprotocol~1serverInfo/name").asText()).isEqualTo("lastfm-mcp");
        // a tool result is not a cacheable result
        assertThat(result.has("ttlMs")).isFalse();

        JsonNode info = mcp().stateless(4, "tools/call", "{\"name\":\"server_info\"}").json().get("result");
        assertThat(info.at("/structuredContent/protocol/negotiated").asText()).isEqualTo("2026-07-28");
    }

    @Test
    void postToTheRootServesTheStatelessEraToo() {
        RawMcp root = new RawMcp(mcp().base(), "/");
        Reply reply = root.stateless(1, "tools/list", null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/result/resultType").asText()).isEqualTo("complete");
    }

    @Test
    void theOpeningRequestDecides() {
        // initialize is the 2025 era exactly as before, and its session keeps working without any _meta
        String session = mcp().initialize("2025-11-25");
        assertThat(session).isNotBlank();
        JsonNode ping = mcp().request(session, 1, "ping", null);
        assertThat(ping.get("result").has("resultType")).isFalse();
        // a 2025-era request without a session is still the 2025 answer
        Reply noSession = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", null);
        assertThat(noSession.status()).isEqualTo(400);
        assertThat(noSession.body()).contains("Mcp-Session-Id header is missing");
        // a session's request with the 2026 _meta stays in its session's era
        JsonNode list = mcp().request(session, 2, "tools/list",
                "{\"_meta\":" + RawMcp.statelessMeta("{}") + "}");
        assertThat(list.get("result").has("resultType")).isFalse();
    }

    @Test
    void missingMetaIsInvalidParamsWith400() {
        Reply missing = mcp().stateless(101, "server/discover", "{\"_meta\":null}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(missing.json().get("id").asInt()).isEqualTo(101);

        Reply noCapabilities = mcp().stateless(104, "server/discover",
                "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}");
        assertThat(noCapabilities.status()).isEqualTo(400);
        assertThat(noCapabilities.json().at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(noCapabilities.json().at("/error/message").asText()).contains("clientCapabilities");

        // clientInfo is a SHOULD: served without it
        Reply noClientInfo = mcp().stateless(105, "server/discover", "{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}");
        assertThat(noClientInfo.status()).isEqualTo(200);
    }

    @Test
    void unsupportedVersionIs400WithTheSupportedList() {
        Reply reply = mcp().stateless(301, "server/discover", "{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"v999.0.0\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}", Map.of("MCP-Protocol-Version", "v999.0.0"));
        assertThat(reply.status()).isEqualTo(400);
        JsonNode error = reply.json().get("error");
        assertThat(error.get("code").asInt()).isEqualTo(-32022);
        assertThat(error.at("/data/requested").asText()).isEqualTo("v999.0.0");
        assertThat(error.at("/data/supported")).extracting(JsonNode::asText).contains("2026-07-28", "2025-11-25");
        assertThat(reply.json().get("id").asInt()).isEqualTo(301);
    }

    @Test
    void headersThatDifferFromTheBodyAreAHeaderMismatch() {
        Reply version = mcp().stateless(302, "server/discover", "{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"v999.0.0\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}");
        assertThat(version.status()).isEqualTo(400);
        assertThat(version.json().at("/error/code").asInt()).isEqualTo(-32020);

        Reply method = mcp().stateless(5, "tools/list", null, Map.of("Mcp-Method", "prompts/list"));
        assertThat(method.status()).isEqualTo(400);
        assertThat(method.json().at("/error/code").asInt()).isEqualTo(-32020);

        Reply name = mcp().stateless(6, "tools/call", "{\"name\":\"ping\"}", Map.of("Mcp-Name", "server_info"));
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.json().at("/error/code").asInt()).isEqualTo(-32020);
        assertThat(name.json().at("/error/message").asText()).contains("Mcp-Name");

        // the Base64 sentinel form is decoded before the comparison
        Reply encoded = mcp().stateless(7, "tools/call", "{\"name\":\"ping\"}", Map.of("Mcp-Name",
                "=?base64?cGluZw==?="));
        assertThat(encoded.status()).isEqualTo(200);
    }

    @Test
    void methodsThisEraDoesNotHaveAre404MethodNotFound() {
        for (String method : new String[] {"initialize", "ping", "logging/setLevel", "resources/subscribe",
                                           "resources/unsubscribe", "unknown/method"}) {
            Reply reply = mcp().stateless(500, method, null);
            assertThat(reply.status()).as(method).isEqualTo(404);
            assertThat(reply.json().at("/error/code").asInt()).as(method).isEqualTo(-32601);
            assertThat(reply.json().get("id").asInt()).as(method).isEqualTo(500);
        }
    }

    @Test
    void anUnknownToolIsAJsonRpcErrorNotAnHttpRefusal() {
        Reply reply = mcp().stateless(8, "tools/call", "{\"name\":\"no_such_tool\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/error/code").asInt()).isEqualTo(-32602);
    }
}
