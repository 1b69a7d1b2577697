package dev.lastfmmcp.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.RawMcp.Reply;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON-RPC over the transport: ping keeps the id's type, the error codes (-32700, -32600, -32601, -32602), tools/list
 * pages with opaque cursors, an unknown tool is invalid params and bad arguments are an isError result.
 *
 * <p>Against the real app on a free port, configured like the other transport tests (20000-byte bodies, pages of
 * one).
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "camel.server.maxBodySize=20000", "mcp.page-size=1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonRpcMessagesTest extends AppTestSupport {

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
}
