package dev.lastfmmcp.routes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.config.InfinispanStores;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.RawMcp;
import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;
import dev.lastfmmcp.support.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.apache.camel.test.main.junit5.CamelMainTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every exchange on the MCP endpoint leaves an audit record in the Infinispan cache mcp-audit. */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "camel.server.maxBodySize=5000", "mcp.audit.max-value-length=40"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTest extends AppTestSupport {

    private Cache<String, String> audit() {
        return context.getRegistry().lookupByNameAndType("infinispanCacheManager", EmbeddedCacheManager.class)
                .getCache(InfinispanStores.AUDIT);
    }

    /** The record whose correlation id is the one the response carried. */
    private JsonNode recordFor(RawMcp.Reply reply) {
        String correlationId = reply.header("X-Correlation-Id");
        assertThat(correlationId).isNotBlank();
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (Map.Entry<String, String> entry : audit().entrySet()) {
                if (entry.getKey().endsWith("-" + correlationId)) {
                    found.add(RawMcp.JSON.readTree(entry.getValue()));
                    return true;
                }
            }
            return false;
        });
        return found.get(0);
    }

    @Test
    void recordsASuccessfulToolCallWithLatencyAndSession() {
        String session = session();
        RawMcp.Reply reply = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{"
                                        + "\"name\":\"ping\",\"arguments\":{\"message\":\"" + "m".repeat(100)
                                        + "\"}}}", session);
        JsonNode record = recordFor(reply);
        assertThat(record.get("sessionHash").asText()).isEqualTo(Fingerprint.of(session)).hasSize(16);
        assertThat(record.toString()).doesNotContain(session);
        assertThat(record.get("user").asText()).isEqualTo("anonymous");
        assertThat(record.get("method").asText()).isEqualTo("tools/call");
        assertThat(record.get("name").asText()).isEqualTo("ping");
        assertThat(record.get("outcome").asText()).isEqualTo("ok");
        assertThat(record.get("status").asInt()).isEqualTo(200);
        assertThat(record.get("latencyMs").asLong()).isBetween(0L, 10_000L);
        assertThat(record.get("protocolVersion").asText()).isEqualTo("2025-11-25");
        assertThat(record.at("/params/arguments/message").asText()).startsWith("m".repeat(40) + "…(+60 chars)");
    }

    @Test
    void recordsToolErrorsProtocolErrorsAndRejections() {
        JsonNode isError = recordFor(mcp().post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                                                + "\"params\":{\"name\":\"ping\",\"arguments\":{\"message\":1}}}",
                session()));
        assertThat(isError.get("outcome").asText()).isEqualTo("isError");

        JsonNode unknown = recordFor(mcp().post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\","
                                                + "\"params\":{\"name\":\"nope\"}}", session()));
        assertThat(unknown.get("outcome").asText()).isEqualTo("error:-32602");
        assertThat(unknown.get("name").isNull()).isTrue();

        JsonNode forbidden = recordFor(mcp().post("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}", session(),
                Map.of("Origin", "http://evil.example.com")));
        assertThat(forbidden.get("outcome").asText()).isEqualTo("rejected:403");
        assertThat(forbidden.get("status").asInt()).isEqualTo(403);

        JsonNode noSession = recordFor(mcp().post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}", null));
        assertThat(noSession.get("outcome").asText()).isEqualTo("rejected:400");

        JsonNode tooBig = recordFor(mcp().post("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\",\"params\":{"
                                               + "\"x\":\"" + "y".repeat(6000) + "\"}}", session()));
        assertThat(tooBig.get("outcome").asText()).isEqualTo("rejected:413");

        JsonNode deleted = recordFor(mcp().send("DELETE", "/mcp", null,
                Map.of("Mcp-Session-Id", mcp().initialize("2025-06-18"))));
        assertThat(deleted.get("httpMethod").asText()).isEqualTo("DELETE");
        assertThat(deleted.get("status").asInt()).isEqualTo(204);
    }

    @Test
    void secretsNeverReachTheRecord() {
        JsonNode record = recordFor(mcp().post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{"
                                               + "\"name\":\"ping\",\"arguments\":{\"message\":\"hi\","
                                               + "\"api_key\":\"KEY-123\",\"session_key\":\"SK-456\","
                                               + "\"password\":\"PW-789\"}}}", session()));
        assertThat(record.toString()).doesNotContain("KEY-123", "SK-456", "PW-789");
        assertThat(record.at("/params/arguments/api_key").asText()).isEqualTo("[redacted]");
    }

    @Test
    void aFailingAuditStoreNeverFailsTheRequest() {
        String session = session();
        audit().stop();
        try {
            RawMcp.Reply reply = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"}", session);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("result")).isEmpty();
        } finally {
            audit().start();
        }
    }
}
