package dev.lastfmmcp.routes;

import java.util.Map;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.edge.HttpServerCheck;
import dev.lastfmmcp.support.AppTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** mcp.project-url (MCP_PROJECT_URL) is the landing page's link and serverInfo.websiteUrl; the default URL is 127.0.0.1. */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.project-url=https://git.example.net/me/lastfm-mcp"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectUrlTest extends AppTestSupport {

    @Test
    void theConfiguredProjectUrlIsLinkedAndAnnounced() {
        String landing = mcp().send("GET", "/", null, Map.of("Accept", "text/html")).body();
        assertThat(landing).contains("<a href=\"https://git.example.net/me/lastfm-mcp\">Source and documentation</a>");
        assertThat(mcp().send("GET", "/.well-known/mcp.json", null, Map.of()).json().at("/serverInfo/websiteUrl")
                .asText()).isEqualTo("https://git.example.net/me/lastfm-mcp");
    }

    @Test
    void withoutPublicBaseUrlTheSnippetsUseTheBoundLoopbackAddress() {
        int port = HttpServerCheck.listeningPort(context);
        assertThat(mcp().send("GET", "/", null, Map.of("Accept", "text/html")).body())
                .contains("claude mcp add --transport http lastfm http://127.0.0.1:" + port + "/mcp")
                .doesNotContain("localhost:" + port);
        assertThat(mcp().send("GET", "/.well-known/mcp.json", null, Map.of()).json().at("/transport/url").asText())
                .isEqualTo("http://127.0.0.1:" + port + "/mcp");
    }
}
