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

    /** Both ways in (OAuth and the personal URL) when sign-in is configured, anonymous use unless it is required. */
    @Test
    void serverCardDescribesTheWaysIn() throws Exception {
        JsonNode open = mapper.readTree(new ServerCard(identity, tools, "https://mcp.example.org", mapper,
                new ServerCard.Access(false, true, java.util.List.of("lastfm:read", "lastfm:write"))).json())
                .get("authentication");
        assertThat(open.get("required").asBoolean()).isFalse();
        assertThat(open.get("posture").asText()).isEqualTo("optional");
        assertThat(open.get("methods")).extracting(m -> m.get("type").asText())
                .containsExactly("oauth2", "personal-url", "none");
        JsonNode oauth = open.get("methods").get(0);
        assertThat(oauth.get("resourceMetadata").asText())
                .isEqualTo("https://mcp.example.org/.well-known/oauth-protected-resource/mcp");
        assertThat(oauth.get("authorizationServer").asText()).isEqualTo("https://mcp.example.org");
        assertThat(oauth.get("scopes")).extracting(JsonNode::asText).containsExactly("lastfm:read", "lastfm:write");
        assertThat(oauth.get("registration")).extracting(JsonNode::asText)
                .containsExactly("dynamic", "client-metadata");
        assertThat(open.get("methods").get(1).get("signIn").asText()).isEqualTo("https://mcp.example.org/login");

        JsonNode required = mapper.readTree(new ServerCard(identity, tools, "https://mcp.example.org", mapper,
                new ServerCard.Access(true, true, java.util.List.of("lastfm:read"))).json()).get("authentication");
        assertThat(required.get("required").asBoolean()).isTrue();
        assertThat(required.get("posture").asText()).isEqualTo("required");
        assertThat(required.get("methods")).extracting(m -> m.get("type").asText())
                .containsExactly("oauth2", "personal-url");

        JsonNode none = mapper.readTree(new ServerCard(identity, tools, "https://mcp.example.org", mapper).json())
                .get("authentication");
        assertThat(none.get("posture").asText()).isEqualTo("none");
        assertThat(none.get("methods")).extracting(m -> m.get("type").asText()).containsExactly("none");
    }

    @Test
    void landingPageDescribesBothWaysIn() {
        String open = new LandingPage(identity, tools, "https://mcp.example.org/mcp", "https://mcp.example.org/login",
                false).html();
        assertThat(open).contains("<h2>Sign in</h2>").contains("<strong>OAuth</strong>")
                .contains("<strong>Personal URL</strong>")
                .contains("<a href=\"https://mcp.example.org/login\">Sign in with Last.fm</a>")
                .contains("Anonymous use works");
        String required = new LandingPage(identity, tools, "https://mcp.example.org/mcp",
                "https://mcp.example.org/login", true).html();
        assertThat(required).contains("requires a sign-in").doesNotContain("Anonymous use works");
        assertThat(new LandingPage(identity, tools, "https://mcp.example.org/mcp", null, false).html())
                .doesNotContain("<h2>Sign in</h2>");
    }

    @Test
    void escapesHtml() {
        assertThat(Html.escape("<a href=\"x\">Tom & Jerry's</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    }
}
