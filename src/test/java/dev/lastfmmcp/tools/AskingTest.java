package dev.lastfmmcp.tools;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.edge.HttpServerCheck;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.resources.Subscriptions;
import dev.lastfmmcp.signin.SignIns;
import dev.lastfmmcp.support.SseClient;
import dev.lastfmmcp.support.RawMcp;
import dev.lastfmmcp.support.SignedForms;
import dev.lastfmmcp.support.ToolTestSupport;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Asking the user, in production: a personal tool without a username while no one is signed in asks for it, a
 * prompt without a required argument asks for it (2025 era: elicitation through the MCP Java SDK client; 2026-07-28:
 * input_required rounds), and the write confirmations of the 2026-07-28 era with their sealed requestState (an answer
 * counts only with the state of the same write and caller; nothing is written before).
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "lastfm.throttle.requests-per-second=100"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AskingTest extends ToolTestSupport {

    static final String USER = "AskedWriter";
    static final String SK = "7aa0c1a3d0e5f5bb4b3c2a190c9d8e71";
    static final String ELICITATION = "{\"elicitation\":{}}";

    private RawMcp writer;

    @BeforeEach
    void signIn() {
        if (writer == null) {
            String id = context.getRegistry().lookupByNameAndType("signIns", SignIns.class)
                    .create(USER, SK, "session-url").id();
            writer = new RawMcp("http://127.0.0.1:" + HttpServerCheck.listeningPort(context), "/mcp?session_id=" + id);
        }
        LASTFM.stubFor(SignedForms.anyOtherPost());
        lastfm("user.getInfo", "user.getInfo__TyphoonsNotABot.json", "user", "TyphoonsNotABot");
    }

    private List<String> users(String method) {
        return LASTFM.findAll(getRequestedFor(urlPathEqualTo("/2.0/"))).stream()
                .filter(r -> method.equals(queryParameter(r, "method"))).map(r -> queryParameter(r, "user")).toList();
    }

    private static String queryParameter(LoggedRequest request, String name) {
        return request.queryParameter(name).isPresent() ? request.queryParameter(name).firstValue() : null;
    }

    private int posts(String method) {
        return (int) LASTFM.findAll(postRequestedFor(urlPathEqualTo("/2.0/"))).stream()
                .map(r -> SignedForms.parse(r.getBodyAsString())).filter(p -> method.equals(p.get("method"))).count();
    }

    private static JsonNode statelessCall(RawMcp client, String tool, String arguments, String capabilities,
            String extra) {
        return client.stateless(1, "tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments
                + ",\"_meta\":" + RawMcp.statelessMeta(capabilities) + (extra == null ? "" : "," + extra) + "}")
                .json();
    }

    @Test
    void theStatelessEraAsksAnAnonymousCallerForTheUser() {
        JsonNode asked = statelessCall(mcp(), "get_user_info", "{}", ELICITATION, null).get("result");
        assertThat(asked.get("resultType").asText()).isEqualTo("input_required");
        JsonNode question = asked.at("/inputRequests/arguments");
        assertThat(question.get("method").asText()).isEqualTo("elicitation/create");
        assertThat(question.at("/params/message").asText()).startsWith("Which Last.fm user should");
        assertThat(question.at("/params/requestedSchema/required/0").asText()).isEqualTo("username");
        assertThat(users("user.getInfo")).isEmpty();

        JsonNode answered = statelessCall(mcp(), "get_user_info", "{}", ELICITATION,
                "\"inputResponses\":{\"arguments\":{\"action\":\"accept\",\"content\":{\"username\":"
                + "\"TyphoonsNotABot\"}}},\"requestState\":\"" + asked.get("requestState").asText() + "\"")
                .get("result");
        assertThat(answered.get("isError").asBoolean()).as(answered.toString()).isFalse();
        assertThat(answered.at("/structuredContent/user/name").asText()).isEqualToIgnoringCase("TyphoonsNotABot");
        assertThat(users("user.getInfo")).containsExactly("TyphoonsNotABot");

        JsonNode invalid = statelessCall(mcp(), "get_user_info", "{}", ELICITATION,
                "\"inputResponses\":{\"arguments\":{\"action\":\"accept\",\"content\":{\"username\":\"no such "
                + "user!\"}}}").get("result");
        assertThat(invalid.get("isError").asBoolean()).isTrue();
        assertThat(invalid.at("/content/0/text").asText()).contains("is not a Last.fm username");
        JsonNode declined = statelessCall(mcp(), "get_user_info", "{}", ELICITATION,
                "\"inputResponses\":{\"arguments\":{\"action\":\"decline\"}}").get("result");
        assertThat(declined.at("/content/0/text").asText()).startsWith("A Last.fm username is needed (the user "
                                                                      + "declined");
        // a client that cannot be asked gets the answer it always got; a signed-in caller is not asked
        JsonNode notAsked = statelessCall(mcp(), "get_user_info", "{}", "{}", null).get("result");
        assertThat(notAsked.get("isError").asBoolean()).isTrue();
        assertThat(notAsked.at("/content/0/text").asText()).startsWith("A Last.fm username is needed: pass");
        assertThat(users("user.getInfo")).hasSize(1);
    }

    @Test
    void aListenStreamWatchesAUsersProfileAndLeavesNothingBehindWhenOneCannotBeWatched() {
        lastfm("user.getInfo", "user.getInfo__unknown-user-error6.json", "user", "nobody_here");
        Subscriptions subscriptions = context.getRegistry().lookupByNameAndType("subscriptions", Subscriptions.class);
        JsonNode refused = mcp().stateless(1, "subscriptions/listen", "{\"notifications\":{\"resourceSubscriptions\":"
                + "[\"lastfm://user/TyphoonsNotABot/profile\",\"lastfm://user/nobody_here/profile\"]}}").json();
        assertThat(refused.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(refused.at("/error/message").asText()).contains("Cannot watch lastfm://user/nobody_here/profile");
        assertThat(subscriptions.watched()).isZero();
        assertThat(subscriptions.listening()).isZero();

        ObjectNode message = RawMcp.JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 9)
                .put("method", "subscriptions/listen");
        ObjectNode params = message.putObject("params");
        params.set("_meta", RawMcp.statelessMeta("{}"));
        params.putObject("notifications").putArray("resourceSubscriptions")
                .add("lastfm://user/TyphoonsNotABot/profile");
        try (SseClient stream = SseClient.open("POST", mcp().base() + "/mcp", Map.of("Content-Type",
                "application/json", "Accept", RawMcp.ACCEPT_BOTH, "MCP-Protocol-Version", "2026-07-28", "Mcp-Method",
                "subscriptions/listen"), message.toString())) {
            assertThat(stream.awaitMessage(e -> e.data().contains("acknowledged")).data())
                    .contains("lastfm://user/TyphoonsNotABot/profile");
            assertThat(subscriptions.subscribers("lastfm://user/TyphoonsNotABot/profile")).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions.watched() == 0);
    }

    @Test
    void theSessionEraAsksThroughElicitation() {
        List<McpSchema.ElicitFormRequest> asked = new CopyOnWriteArrayList<>();
        McpSyncClient client = sdkClient(Duration.ofSeconds(20))
                .capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
                .elicitation(request -> {
                    asked.add(request);
                    return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT,
                            Map.of("username", "TyphoonsNotABot"));
                })
                .build();
        try {
            client.initialize();
            McpSchema.CallToolResult info = client.callTool(new McpSchema.CallToolRequest("get_user_info", Map.of()));
            assertThat(info.isError()).as(String.valueOf(info.content())).isFalse();
            assertThat(asked).hasSize(1);
            assertThat(asked.get(0).message()).isEqualTo("Which Last.fm user should \"User profile\" look at? No "
                                                         + "one is signed in with Last.fm here.");
            assertThat(users("user.getInfo")).containsExactly("TyphoonsNotABot");
            // a name given: not asked
            client.callTool(new McpSchema.CallToolRequest("get_user_info", Map.of("username", "TyphoonsNotABot")));
            assertThat(asked).hasSize(1);

            McpSchema.GetPromptResult prompt = client.getPrompt(new McpSchema.GetPromptRequest("listening_insights",
                    Map.of("period", "7day")));
            assertThat(asked).hasSize(2);
            assertThat(asked.get(1).message()).isEqualTo("\"Listening insights\" needs: username.");
            assertThat(((McpSchema.TextContent) prompt.messages().get(0).content()).text())
                    .contains("get_listening_stats(username=\"TyphoonsNotABot\", period=\"7day\")");
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void aStatelessWriteIsConfirmedWithTheStateOfThatWrite() {
        LASTFM.stubFor(SignedForms.write("track.unlove", SK).willReturn(SignedForms.json(200, "{}")));
        String unlove = "{\"artist\":\"Cher\",\"track\":\"Believe\"}";
        JsonNode asked = statelessCall(writer, "unlove_track", unlove, ELICITATION, null).get("result");
        assertThat(asked.get("resultType").asText()).isEqualTo("input_required");
        assertThat(asked.at("/inputRequests/confirm/params/message").asText())
                .isEqualTo("Remove \"Believe\" by Cher from " + USER + "'s loved tracks on Last.fm?");
        String state = asked.get("requestState").asText();
        String yes = "\"inputResponses\":{\"confirm\":{\"action\":\"accept\",\"content\":{\"confirm\":true}}}";
        assertThat(posts("track.unlove")).isZero();

        // the answer without the state, or with the state of another write, does not count
        assertThat(statelessCall(writer, "unlove_track", unlove, ELICITATION, yes).at("/result/resultType").asText())
                .isEqualTo("input_required");
        JsonNode otherWrite = statelessCall(writer, "unlove_track", "{\"artist\":\"Cher\",\"track\":\"Strong "
                + "Enough\"}", ELICITATION, yes + ",\"requestState\":\"" + state + "\"");
        assertThat(otherWrite.at("/error/code").asInt()).isEqualTo(-32602);
        // nor from another caller (anonymous here: the state names the signed-in credential)
        JsonNode otherCaller = statelessCall(mcp(), "unlove_track", unlove, ELICITATION,
                yes + ",\"requestState\":\"" + state + "\"");
        assertThat(otherCaller.has("error") || otherCaller.at("/result/isError").asBoolean()).isTrue();
        assertThat(posts("track.unlove")).isZero();

        JsonNode no = statelessCall(writer, "unlove_track", unlove, ELICITATION,
                "\"inputResponses\":{\"confirm\":{\"action\":\"decline\"}},\"requestState\":\"" + state + "\"")
                .get("result");
        assertThat(no.at("/content/0/text").asText()).startsWith("Nothing was written to Last.fm");
        assertThat(posts("track.unlove")).isZero();

        JsonNode written = statelessCall(writer, "unlove_track", unlove, ELICITATION,
                yes + ",\"requestState\":\"" + state + "\"").get("result");
        assertThat(written.get("isError").asBoolean()).as(written.toString()).isFalse();
        assertThat(written.get("resultType").asText()).isEqualTo("complete");
        assertThat(posts("track.unlove")).isEqualTo(1);

        // a client without elicitation is not asked: the write runs as called, as in the 2025 era
        JsonNode direct = statelessCall(writer, "unlove_track", unlove, "{}", null).get("result");
        assertThat(direct.get("isError").asBoolean()).isFalse();
        assertThat(posts("track.unlove")).isEqualTo(2);
    }
}
