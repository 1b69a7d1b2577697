package dev.lastfmmcp.routes;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.edge.HttpServerCheck;
import dev.lastfmmcp.config.InfinispanStores;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.RawHttp;
import dev.lastfmmcp.support.RawMcp;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests Vert.x refuses before any route or handler runs get the JSON-RPC body, correlation id and audit record of
 * every other rejection, and cost at most one log line per interval, however many arrive.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class, properties = {"camel.server.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestTest extends AppTestSupport {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logged);
    }

    @AfterEach
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
    }

    private int port() {
        return HttpServerCheck.listeningPort(context);
    }

    private Cache<String, String> audit() {
        return context.getRegistry().lookupByNameAndType("infinispanCacheManager", EmbeddedCacheManager.class)
                .getCache(InfinispanStores.AUDIT);
    }

    private JsonNode auditRecord(String correlationId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (Map.Entry<String, String> entry : audit().entrySet()) {
                if (entry.getKey().endsWith("-" + correlationId)) {
                    found[0] = RawMcp.JSON.readTree(entry.getValue());
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static void assertJsonRpcError(RawHttp.Response response, int status) throws Exception {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.header("X-Correlation-Id")).isNotBlank();
        JsonNode body = RawMcp.JSON.readTree(response.body());
        assertThat(body.get("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(body.get("id").isNull()).isTrue();
        assertThat(body.at("/error/code").asInt()).isEqualTo(-32600);
    }

    @Test
    void anUndecodablePathIsAJson400AndOneLogLineForMany() throws Exception {
        RawHttp.Response first = RawHttp.send(port(), "GET /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Correlation-Id: "
                + "bad-uri-1\r\nConnection: close\r\n\r\n");
        assertJsonRpcError(first, 400);
        assertThat(RawMcp.JSON.readTree(first.body()).at("/error/message").asText())
                .startsWith("Bad Request: the request URI could not be decoded");
        assertThat(first.header("X-Correlation-Id")).isEqualTo("bad-uri-1");
        JsonNode record = auditRecord("bad-uri-1");
        assertThat(record.get("status").asInt()).isEqualTo(400);
        assertThat(record.get("outcome").asText()).isEqualTo("rejected:400");

        for (int i = 0; i < 20; i++) {
            assertJsonRpcError(RawHttp.send(port(), "GET /mcp%zz%g1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n"), 400);
        }
        List<ILoggingEvent> noisy = logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .toList();
        assertThat(noisy).as("log lines for 21 malformed requests").hasSizeLessThanOrEqualTo(1);
        assertThat(noisy).allSatisfy(event -> {
            assertThat(event.getThrowableProxy()).isNull();
            assertThat(event.getFormattedMessage()).doesNotContain("\n").hasSizeLessThan(300);
        });
    }

    private JsonNode auditRecordWithStatus(int status) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (String value : audit().values()) {
                JsonNode record = RawMcp.JSON.readTree(value);
                if (record.get("status").asInt() == status) {
                    found[0] = record;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Test
    void requestsVertxRefusesToParseGetTheJsonBodyAndAnAuditRecord() throws Exception {
        RawHttp.Response longUri = RawHttp.send(port(), "GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "\r\n");
        assertJsonRpcError(longUri, 414);
        assertThat(RawMcp.JSON.readTree(longUri.body()).at("/error/message").asText())
                .isEqualTo("URI Too Long: the request line is over the limit of 4096 bytes");
        assertThat(auditRecordWithStatus(414).get("outcome").asText()).isEqualTo("rejected:414");

        RawHttp.Response bigHeaders = RawHttp.send(port(), "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                + "b".repeat(10_000) + "\r\n\r\n");
        assertJsonRpcError(bigHeaders, 431);
        assertThat(RawMcp.JSON.readTree(bigHeaders.body()).at("/error/message").asText())
                .isEqualTo("Request Header Fields Too Large: the request headers are over the limit of 8192 bytes");
        assertThat(auditRecordWithStatus(431).get("outcome").asText()).isEqualTo("rejected:431");

        RawHttp.Response garbage = RawHttp.send(port(), "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Length: nope\r\n\r\n");
        assertJsonRpcError(garbage, 400);
        assertThat(RawMcp.JSON.readTree(garbage.body()).at("/error/message").asText()).startsWith("Bad Request");
        assertThat(garbage.header("Connection")).isEqualTo("close");

        assertThat(logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)))
                .allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
    }
}
