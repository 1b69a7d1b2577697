package dev.lastfmmcp.routes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.RawMcp;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** Every response carries X-Correlation-Id, the caller's when it is safe, a new one otherwise: every endpoint. */
@CamelMainTest(configurationClasses = AppConfiguration.class, properties = {"camel.server.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorrelationIdTest extends AppTestSupport {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private record Call(String method, String path, String body, Map<String, String> headers) {
    }

    private Map<String, Call> calls() {
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                      + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        Map<String, String> mcpHeaders = Map.of("Content-Type", "application/json", "Accept", RawMcp.ACCEPT_BOTH);
        Map<String, Call> calls = new LinkedHashMap<>();
        calls.put("landing page", new Call("GET", "/", null, Map.of("Accept", "text/html")));
        calls.put("health", new Call("GET", "/health", null, Map.of()));
        calls.put("HEAD health", new Call("HEAD", "/health", null, Map.of()));
        calls.put("server card", new Call("GET", "/.well-known/mcp.json", null, Map.of()));
        calls.put("POST /mcp", new Call("POST", "/mcp", init, mcpHeaders));
        calls.put("POST / (older configs)", new Call("POST", "/", init, mcpHeaders));
        calls.put("GET /mcp without a session", new Call("GET", "/mcp", null, Map.of("Accept", "text/event-stream")));
        calls.put("DELETE /mcp without a session", new Call("DELETE", "/mcp", null, Map.of()));
        calls.put("POST /messages without a session", new Call("POST", "/messages", "{}", mcpHeaders));
        calls.put("CORS preflight", new Call("OPTIONS", "/mcp", null, Map.of("Origin", "http://localhost:6274",
                "Access-Control-Request-Method", "POST")));
        calls.put("OPTIONS", new Call("OPTIONS", "/health", null, Map.of()));
        calls.put("404", new Call("GET", "/nothing-here", null, Map.of()));
        calls.put("405", new Call("PUT", "/health", null, Map.of()));
        return calls;
    }

    @Test
    void everyEndpointAnswersWithANewCorrelationId() {
        calls().forEach((name, call) -> {
            RawMcp.Reply reply = mcp().send(call.method(), call.path(), call.body(), call.headers());
            assertThat(reply.header("X-Correlation-Id")).as("%s (HTTP %d)", name, reply.status()).matches(UUID);
        });
    }

    @Test
    void everyEndpointEchoesASafeCorrelationIdAndReplacesAnUnsafeOne() {
        calls().forEach((name, call) -> {
            Map<String, String> headers = new LinkedHashMap<>(call.headers());
            headers.put("X-Correlation-Id", "trace-42.a:b");
            assertThat(mcp().send(call.method(), call.path(), call.body(), headers).header("X-Correlation-Id"))
                    .as(name).isEqualTo("trace-42.a:b");
            headers.put("X-Correlation-Id", "bad id\u00e9<script>");
            assertThat(mcp().send(call.method(), call.path(), call.body(), headers).header("X-Correlation-Id"))
                    .as(name).matches(UUID);
        });
    }

    @Test
    void theLegacySseStreamCarriesOneToo() throws Exception {
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                        URI.create(mcp().base() + "/sse")).header("Accept", "text/event-stream")
                .header("X-Correlation-Id", "sse-7").timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
        try {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("X-Correlation-Id")).contains("sse-7");
        } finally {
            stream.body().close();
        }
    }
}
