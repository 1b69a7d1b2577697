package dev.lastfmmcp.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.AppTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** prompts/list and prompts/get over HTTP: the six prompts, with and without optional arguments, and errors. */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.page-size=4"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromptRouteTest extends AppTestSupport {

    private JsonNode get(String name, String arguments) {
        return mcp().request(session(), 21, "prompts/get", "{\"name\":\"" + name + "\""
                                                           + (arguments == null ? "" : ",\"arguments\":" + arguments)
                                                           + "}");
    }

    private String text(String name, String arguments) {
        JsonNode response = get(name, arguments);
        assertThat(response.has("result")).as("%s", response).isTrue();
        assertThat(response.at("/result/description").asText()).isNotBlank();
        JsonNode messages = response.at("/result/messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.at("/0/role").asText()).isEqualTo("user");
        assertThat(messages.at("/0/content/type").asText()).isEqualTo("text");
        return messages.at("/0/content/text").asText();
    }

    @Test
    void listsTheSixPromptsInPages() {
        JsonNode first = mcp().request(session(), 20, "prompts/list", null).get("result");
        assertThat(first.get("prompts")).hasSize(4);
        JsonNode second = mcp().request(session(), 20, "prompts/list",
                "{\"cursor\":\"" + first.get("nextCursor").asText() + "\"}").get("result");
        assertThat(second.get("prompts")).extracting(p -> p.get("name").asText())
                .containsExactly("artist_analysis", "listening_habits");
        assertThat(second.has("nextCursor")).isFalse();
        assertThat(first.at("/prompts/0/arguments/0")).isNotNull();
        assertThat(first.at("/prompts/0/arguments/0/name").asText()).isEqualTo("username");
        // the signed-in user fills it in, so clients may leave it out
        assertThat(first.at("/prompts/0/arguments/0/required").asBoolean()).isFalse();
    }

    @Test
    void rendersEveryPromptWithAndWithoutItsOptionalArguments() {
        assertThat(text("listening_insights", "{\"username\":\"rj\"}")).contains("period=\"1month\"");
        assertThat(text("listening_insights", "{\"username\":\"rj\",\"period\":\"12month\"}"))
                .contains("get_listening_stats(username=\"rj\", period=\"12month\")");
        assertThat(text("music_discovery", "{\"username\":\"rj\"}")).doesNotContain("genre=");
        assertThat(text("music_discovery", "{\"username\":\"rj\",\"genre\":\"shoegaze\"}"))
                .contains("genre=\"shoegaze\")");
        assertThat(text("track_analysis", "{\"artist\":\"Sigur Rós\",\"track\":\"Hoppípolla\"}"))
                .contains("get_track_info(artist=\"Sigur Rós\", track=\"Hoppípolla\")");
        assertThat(text("album_analysis", "{\"artist\":\"AC/DC\",\"album\":\"Back in Black\"}"))
                .contains("get_artist_top_albums(artist=\"AC/DC\", limit=10)");
        assertThat(text("artist_analysis", "{\"artist\":\"坂本龍一\"}")).contains("get_artist_info(artist=\"坂本龍一\")");
        assertThat(text("listening_habits", "{\"username\":\"rj\"}")).contains("get_recent_tracks(");
        assertThat(text("listening_habits", "{\"username\":\"rj\",\"timeframe\":\"comparative\"}"))
                .contains("period=\"12month\"");
        assertThat(text("listening_habits", "{\"username\":\"rj\",\"timeframe\":\"\"}")).contains("No timeframe");
    }

    @Test
    void badArgumentsAndUnknownPromptsAreInvalidParams() {
        assertThat(get("listening_insights", "{\"username\":\"rj\",\"period\":\"week\"}").at("/error/code").asInt())
                .isEqualTo(-32602);
        assertThat(get("listening_insights", null).at("/error/message").asText())
                .isEqualTo("Invalid arguments for prompt listening_insights: the argument username is required "
                           + "unless signed in with Last.fm (lastfm_auth_status gives the sign-in link) (see prompts/list).");
        assertThat(get("track_analysis", "{\"artist\":\"x\",\"track\":\"a\\u0007b\"}").at("/error/code").asInt())
                .isEqualTo(-32602);
        assertThat(get("summarise_everything", "{}").at("/error/message").asText())
                .isEqualTo("Unknown prompt: summarise_everything (see prompts/list)");
        assertThat(mcp().request(session(), 22, "prompts/get", "{}").at("/error/code").asInt()).isEqualTo(-32602);
    }
}
