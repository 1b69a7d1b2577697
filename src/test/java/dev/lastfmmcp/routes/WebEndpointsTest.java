package dev.lastfmmcp.routes;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.RawMcp;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /, /health and /.well-known/mcp.json. */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.public-base-url=https://mcp.example.org/", "lastfm.api-key=",
                       "mcp.health.heap-threshold-percent=0.0001"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebEndpointsTest extends AppTestSupport {

    @Test
    void landingPageIsHtmlFromARoute() {
        RawMcp.Reply reply = mcp().send("GET", "/", null, Map.of("Accept", "text/html"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/html");
        assertThat(reply.body()).contains("https://mcp.example.org/mcp").contains("<code>server_info</code>");
    }

    /** No API key and (with a tiny threshold) heap pressure: DEGRADED, still 200, with both reasons. */
    @Test
    void healthIsDegradedWithoutAKeyAndUnderHeapPressure() {
        RawMcp.Reply reply = mcp().send("GET", "/health", null, Map.of());
        assertThat(reply.status()).isEqualTo(200);
        JsonNode health = reply.json();
        assertThat(health.get("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.at("/checks/camel/status").asText()).isEqualTo("UP");
        assertThat(health.at("/checks/infinispan/status").asText()).isEqualTo("UP");
        assertThat(health.at("/checks/lastfm-api-key/status").asText()).isEqualTo("DEGRADED");
        assertThat(health.at("/checks/heap/status").asText()).isEqualTo("DEGRADED");
        assertThat(health.get("reasons")).extracting(JsonNode::asText).containsExactly(
                "lastfm-api-key: no Last.fm API key configured (set LASTFM_API_KEY)",
                health.get("reasons").get(1).asText());
        assertThat(health.get("reasons").get(1).asText()).startsWith("heap: ").endsWith("(threshold 1.0E-4 %)");
        assertThat(mcp().send("HEAD", "/health", null, Map.of()).status()).isEqualTo(200);
    }

    /** No MCP_PROJECT_URL: no invented project link anywhere. */
    @Test
    void withoutAProjectUrlNoLinkIsInvented() {
        String landing = mcp().send("GET", "/", null, Map.of("Accept", "text/html")).body();
        assertThat(landing).doesNotContain("Source and documentation").doesNotContain("github.com")
                .doesNotContain("{{");
        JsonNode card = mcp().send("GET", "/.well-known/mcp.json", null, Map.of()).json();
        assertThat(card.at("/serverInfo/websiteUrl").isMissingNode()).isTrue();
        assertThat(mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\","
                + "\"version\":\"1\"}}}", null).body()).doesNotContain("websiteUrl");
    }

    @Test
    void serverCard() {
        RawMcp.Reply reply = mcp().send("GET", "/.well-known/mcp.json", null, Map.of());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().at("/transport/url").asText()).isEqualTo("https://mcp.example.org/mcp");
    }

    @Test
    void noFilesAreServedFromTheWorkingDirectory() {
        for (String path : new String[] {"/application.properties", "/pom.xml", "/README.md"}) {
            assertThat(mcp().send("GET", path, null, Map.of()).status()).isEqualTo(404);
        }
    }
}
