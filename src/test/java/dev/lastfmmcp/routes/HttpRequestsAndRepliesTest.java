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
 * What the HTTP layer accepts and how it replies: Content-Type, Accept and body size (415/406/413), 405 with the
 * routes' methods and JSON 404s, 202 without a body for notifications and client responses, an SSE reply for
 * event-stream-only clients, the legacy root endpoint, and no request header echoed but the correlation id.
 *
 * <p>Against the real app on a free port, configured like the other transport tests (20000-byte bodies, pages of
 * one).
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "camel.server.maxBodySize=20000", "mcp.page-size=1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpRequestsAndRepliesTest extends AppTestSupport {

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
    void eventStreamOnlyClientsGetAnSseReply() {
        Reply reply = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}", session(),
                Map.of("Accept", "text/event-stream"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/event-stream");
        assertThat(reply.body()).contains("event: message\n").contains("data: {\"jsonrpc\":\"2.0\",\"id\":9,");
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
    void aJsonReplyHasItsLengthAndIsNotChunked() {
        Reply reply = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", session());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Length"))
                .isEqualTo(String.valueOf(reply.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(reply.header("Transfer-Encoding")).isNull();
    }
}
