package dev.lastfmmcp.unit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.mcp.ServerIdentity;
import dev.lastfmmcp.tools.ToolCatalogue;
import dev.lastfmmcp.web.Html;
import dev.lastfmmcp.web.LandingPage;
import dev.lastfmmcp.web.ServerCard;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebPagesTest {

    private final ObjectMapper mapper = AppConfiguration.objectMapper();
    private final ToolCatalogue tools = ToolCatalogue.load(mapper, 100);
    private final ServerIdentity identity = ServerIdentity.load();

    @Test
    void landingPageListsEveryToolAndHowToConnect() {
        String html = new LandingPage(identity, tools, "http://localhost:9000/mcp").html();
        assertThat(html).doesNotContain("{{");
        tools.all().forEach(t -> assertThat(html).contains("<code>" + t.name() + "</code>"));
        assertThat(html).contains("claude mcp add --transport http lastfm http://localhost:9000/mcp")
                .contains("mcp-remote").contains("serverUrl").contains("--transport http")
                .contains("version " + identity.version());
    }

    @Test
    void serverCardDescribesTheEndpoint() throws Exception {
        JsonNode card = mapper.readTree(new ServerCard(identity, tools, "https://mcp.example.org", mapper).json());
        assertThat(card.at("/serverInfo/name").asText()).isEqualTo("lastfm-mcp");
        assertThat(card.at("/serverInfo/version").asText()).isEqualTo(identity.version());
        assertThat(card.at("/transport/type").asText()).isEqualTo("streamable-http");
        assertThat(card.at("/transport/endpoint").asText()).isEqualTo("/mcp");
        assertThat(card.at("/transport/url").asText()).isEqualTo("https://mcp.example.org/mcp");
        assertThat(card.get("protocolVersions")).hasSize(4);
        assertThat(card.at("/capabilities/tools").isObject()).isTrue();
        assertThat(card.get("tools")).hasSize(tools.all().size());
    }

    @Test
    void escapesHtml() {
        assertThat(Html.escape("<a href=\"x\">Tom & Jerry's</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    }
}
