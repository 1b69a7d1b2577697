package dev.lastfmmcp.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.RawMcp;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** A client over its per-minute limit: 429 with the limit's headers and a JSON-RPC error that says when to retry. */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.rate-limit.per-minute=5", "mcp.rate-limit.per-hour=100",
                             "mcp.rate-limit.exempt-loopback=false", "mcp.rate-limit.trusted-proxies=127.0.0.1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitRouteTest extends AppTestSupport {

    private static final String PING_TOOL = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/call\","
                                            + "\"params\":{\"name\":\"ping\",\"arguments\":{}}}";

    @Test
    void countedCallsSpendTheLimitFreeOnesDoNotAndTheSixthIsA429() {
        String session = session();
        for (int i = 0; i < 10; i++) {
            // initialize, lists and ping are free
            assertThat(mcp().post("{\"jsonrpc\":\"2.0\",\"id\":" + (100 + i) + ",\"method\":\"tools/list\"}",
                    session).status()).isEqualTo(200);
            assertThat(mcp().post("{\"jsonrpc\":\"2.0\",\"id\":" + (200 + i) + ",\"method\":\"ping\"}", session)
                    .status()).isEqualTo(200);
        }
        String lastText = null;
        for (int i = 1; i <= 5; i++) {
            RawMcp.Reply ok = mcp().post(PING_TOOL.formatted(i), session);
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            lastText = ok.json().at("/result/content").toString();
        }
        // at 80 % of the window the result says so
        assertThat(lastText).contains("0 of 5 requests per minute left");
        io.micrometer.core.instrument.Counter rejections = context.getRegistry().lookupByNameAndType(
                org.apache.camel.component.micrometer.MicrometerConstants.METRICS_REGISTRY_NAME,
                io.micrometer.core.instrument.MeterRegistry.class).get("mcp.rate.limit.rejections")
                .tag("method", "tools/call").counter();
        double before = rejections.count();
        RawMcp.Reply refused = mcp().post(PING_TOOL.formatted(6), session);
        assertThat(refused.status()).isEqualTo(429);
        // counted once the audit route has recorded the exchange (off the request thread)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> rejections.count() == before + 1);
        int retry = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retry).isBetween(1, 60);
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"minute\";q=5;w=60, \"hour\";q=100;w=3600");
        assertThat(refused.header("RateLimit")).isEqualTo("\"minute\";r=0;t=" + retry);
        JsonNode error = refused.json().get("error");
        assertThat(refused.json().get("id").asInt()).isEqualTo(6);
        assertThat(error.get("code").asInt()).isEqualTo(-32000);
        assertThat(error.get("message").asText()).isEqualTo("Rate limit exceeded: 5 requests per minute for client "
                + "address 127.0.0.1; retry in " + retry + " s");
        assertThat(error.get("data").toString()).isEqualTo("{\"limit\":5,\"window\":\"minute\",\"retryAfterSeconds\":"
                + retry + ",\"scope\":\"address\"}");
        // still free: ping
        assertThat(mcp().post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}", session).status()).isEqualTo(200);
    }

    /** Behind a trusted proxy each forwarded client has its own bucket (the header is read when the request comes in). */
    @Test
    void behindATrustedProxyEachForwardedClientSpendsFromItsOwnAddress() {
        String session = session();
        for (int i = 1; i <= 5; i++) {
            assertThat(mcp().post(PING_TOOL.formatted(300 + i), session,
                    java.util.Map.of("X-Forwarded-For", "203.0.113.9")).status()).isEqualTo(200);
        }
        RawMcp.Reply refused = mcp().post(PING_TOOL.formatted(306), session,
                java.util.Map.of("X-Forwarded-For", "198.51.100.4, 203.0.113.9"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().at("/error/message").asText()).contains("client address 203.0.113.9;");
        assertThat(mcp().post(PING_TOOL.formatted(307), session, java.util.Map.of("X-Forwarded-For", "203.0.113.10"))
                .status()).isEqualTo(200);
    }
}
