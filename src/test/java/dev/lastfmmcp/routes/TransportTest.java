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

/** Streamable HTTP transport rules, against the real app on a free port. */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "camel.server.maxBodySize=20000", "mcp.page-size=1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransportTest extends AppTestSupport {

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
    void notificationsAndClientResponsesGet202WithoutBody() {
        for (String message : new String[] {"{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":99}}",
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}}"}) {
            Reply reply = mcp().post(message, session());
            assertThat(reply.status()).isEqualTo(202);
            assertThat(reply.body()).isEmpty();
        }
    }

    @Test
    void pingAnswersEmptyObjectAndKeepsIdType() {
        JsonNode numeric = mcp().request(session(), 42, "ping", null);
        assertThat(numeric.get("id").isInt()).isTrue();
        assertThat(numeric.get("result").isObject()).isTrue();
        assertThat(numeric.get("result")).isEmpty();
        JsonNode text = mcp().request(session(), "42", "ping", null);
        assertThat(text.get("id").isTextual()).isTrue();
    }

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

    @Test
    void protocolVersionHeader() {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        assertThat(mcp().post(ping, session(), Map.of("MCP-Protocol-Version", "1999-01-01")).status()).isEqualTo(400);
        assertThat(mcp().post(ping, session(), Map.of("MCP-Protocol-Version", "2025-03-26")).status()).isEqualTo(200);
        assertThat(mcp().post(ping, session(), Map.of("MCP-Protocol-Version", "2025-11-25")).status()).isEqualTo(200);
    }

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
    void contentTypeAcceptAndSizeAreChecked() {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        assertThat(mcp().post(ping, session(), Map.of("Content-Type", "text/plain")).status()).isEqualTo(415);
        assertThat(mcp().post(ping, session(), Map.of("Accept", "text/html")).status()).isEqualTo(406);
        Reply big = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\""
                             + "a".repeat(30_000) + "\"}}", session());
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json().at("/error/message").asText()).contains("20000 bytes");
    }

    @Test
    void eventStreamOnlyClientsGetAnSseReply() {
        Reply reply = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}", session(),
                Map.of("Accept", "text/event-stream"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/event-stream");
        assertThat(reply.body()).contains("event: message\n").contains("data: {\"jsonrpc\":\"2.0\",\"id\":9,");
    }

    @Test
    void jsonRpcErrorCodes() {
        Reply parse = mcp().post("{\"jsonrpc\":", session());
        assertThat(parse.status()).isEqualTo(400);
        assertThat(parse.json().at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(parse.json().get("id").isNull()).isTrue();

        Reply nullId = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}", session());
        assertThat(nullId.status()).isEqualTo(400);
        assertThat(nullId.json().at("/error/code").asInt()).isEqualTo(-32600);

        assertThat(mcp().request(session(), 2, "no/such/method", null).at("/error/code").asInt()).isEqualTo(-32601);
        assertThat(mcp().request(session(), 3, "completion/complete", "{}").at("/error/code").asInt())
                .isEqualTo(-32602);
        assertThat(mcp().request(session(), 4, "logging/setLevel", "{\"level\":\"loud\"}").at("/error/code").asInt())
                .isEqualTo(-32602);
        assertThat(mcp().request(session(), 5, "logging/setLevel", "{\"level\":\"warning\"}").get("result"))
                .isEmpty();
        assertThat(mcp().request(session(), 6, "tools/list", "{\"cursor\":\"bogus\"}").at("/error/code").asInt())
                .isEqualTo(-32602);
    }

    @Test
    void toolsListPagesWithOpaqueCursors() {
        JsonNode first = mcp().request(session(), 1, "tools/list", null).get("result");
        assertThat(first.get("tools")).hasSize(1);
        String cursor = first.get("nextCursor").asText();
        JsonNode second = mcp().request(session(), 2, "tools/list", "{\"cursor\":\"" + cursor + "\"}").get("result");
        assertThat(second.get("tools").get(0).get("name").asText())
                .isNotEqualTo(first.get("tools").get(0).get("name").asText());
    }

    @Test
    void unknownToolIsInvalidParamsAndBadArgumentsAreIsError() {
        JsonNode unknown = mcp().request(session(), 1, "tools/call", "{\"name\":\"../tool-ping\"}");
        assertThat(unknown.at("/error/code").asInt()).isEqualTo(-32602);
        JsonNode bad = mcp().callTool(session(), "ping", "{\"message\":7}");
        assertThat(bad.get("isError").asBoolean()).isTrue();
        assertThat(bad.at("/content/0/text").asText()).contains("message: integer found, string expected");
        JsonNode extra = mcp().callTool(session(), "server_info", "{\"verbose\":true}");
        assertThat(extra.get("isError").asBoolean()).isTrue();
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

    @Test
    void legacyRootEndpointSpeaksMcpToo() {
        Reply reply = mcp().send("POST", "/", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                Map.of("Content-Type", "application/json", "Accept", RawMcp.ACCEPT_BOTH, "Mcp-Session-Id", session()));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("result")).isEmpty();
    }

    @Test
    void requestHeadersAreNotEchoedAndCorrelationIdIsReturned() {
        Reply reply = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", session(),
                Map.of("X-Secret-Thing", "s3cret", "X-Correlation-Id", "abc-123"));
        assertThat(reply.headers()).doesNotContainKey("x-secret-thing");
        assertThat(reply.header("Mcp-Session-Id")).isNull();
        assertThat(reply.header("X-Correlation-Id")).isEqualTo("abc-123");
        Reply unsafe = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", session(),
                Map.of("X-Correlation-Id", "bad id with spaces and a very long tail ".repeat(3)));
        assertThat(unsafe.header("X-Correlation-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void methodsNoEndpointTakesAre405WithTheRoutesMethodsAndUnknownPaths404() {
        Reply put = mcp().send("PUT", "/mcp", "{}", Map.of("Content-Type", "application/json"));
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.header("Allow")).isEqualTo("DELETE, GET, OPTIONS, POST");
        assertThat(put.json().at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(mcp().send("DELETE", "/health", null, Map.of()).header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(mcp().send("GET", "/messages", null, Map.of()).header("Allow")).isEqualTo("OPTIONS, POST");

        Reply unknown = mcp().send("POST", "/mcp/extra", "{}", Map.of("X-Correlation-Id", "edge-1"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).isEqualTo("application/json");
        assertThat(unknown.header("X-Correlation-Id")).isEqualTo("edge-1");
        assertThat(unknown.json().at("/error/message").asText()).contains("/mcp");
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
