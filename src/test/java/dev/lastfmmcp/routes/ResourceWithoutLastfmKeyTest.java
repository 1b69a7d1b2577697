package dev.lastfmmcp.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.AppTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as the conformance script runs it, without a Last.fm API key, here with a default user: templates and
 * the default user's resources are listed, a read fails cleanly with -32603 and the reason, completions that need
 * Last.fm are empty, and prompts work.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "lastfm.api-key=", "mcp.default-user=RJ"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourceWithoutLastfmKeyTest extends AppTestSupport {

    @Test
    void listsTheDefaultUsersResources() {
        JsonNode resources = mcp().request(session(), 1, "resources/list", null).at("/result/resources");
        assertThat(resources).extracting(r -> r.get("uri").asText()).containsExactly("lastfm://user/RJ/recent",
                "lastfm://user/RJ/top-artists", "lastfm://user/RJ/top-albums", "lastfm://user/RJ/loved",
                "lastfm://user/RJ/profile");
        assertThat(resources.get(1).get("title").asText()).isEqualTo("Top artists of RJ");
        assertThat(resources.get(1).get("mimeType").asText()).isEqualTo("application/json");
        assertThat(mcp().request(session(), 2, "resources/templates/list", null).at("/result/resourceTemplates"))
                .hasSize(10);
    }

    @Test
    void aReadFailsCleanlyWithTheReason() {
        JsonNode error = mcp().request(session(), 3, "resources/read",
                "{\"uri\":\"lastfm://user/RJ/profile\"}").get("error");
        assertThat(error.get("code").asInt()).isEqualTo(-32603);
        assertThat(error.get("message").asText()).isEqualTo("Could not read lastfm://user/RJ/profile: This server has "
                + "no Last.fm API key configured, so it cannot reach Last.fm. The server's operator needs to set "
                + "LASTFM_API_KEY (get one at https://www.last.fm/api/account/create).");
        assertThat(error.at("/data/uri").asText()).isEqualTo("lastfm://user/RJ/profile");
        assertThat(mcp().request(session(), 4, "resources/read", "{\"uri\":\"lastfm://nothing\"}")
                .at("/error/code").asInt()).isEqualTo(-32002);
    }

    @Test
    void completionsThatNeedLastfmAreEmptyAndTheOthersWork() {
        JsonNode artists = mcp().request(session(), 5, "completion/complete", "{\"ref\":{\"type\":\"ref/prompt\","
                + "\"name\":\"artist_analysis\"},\"argument\":{\"name\":\"artist\",\"value\":\"radio\"}}")
                .at("/result/completion");
        assertThat(artists.get("values")).isEmpty();
        assertThat(artists.get("hasMore").asBoolean()).isFalse();
        JsonNode users = mcp().request(session(), 6, "completion/complete", "{\"ref\":{\"type\":\"ref/resource\","
                + "\"uri\":\"lastfm://user/{username}/loved\"},\"argument\":{\"name\":\"username\",\"value\":\"r\"}}")
                .at("/result/completion/values");
        assertThat(users).extracting(JsonNode::asText).containsExactly("RJ");
    }

    @Test
    void promptsNeedNoKey() {
        assertThat(mcp().request(session(), 7, "prompts/get", "{\"name\":\"artist_analysis\",\"arguments\":"
                + "{\"artist\":\"Cher\"}}").at("/result/messages/0/content/text").asText())
                .startsWith("Write a profile of the artist \"Cher\"");
    }
}
