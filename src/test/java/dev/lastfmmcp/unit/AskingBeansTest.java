package dev.lastfmmcp.unit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.CancelledException;
import dev.lastfmmcp.jsonrpc.InputRequiredException;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.jsonrpc.JsonRpcMessage;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import dev.lastfmmcp.jsonrpc.ToolException;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.ClientRequests;
import dev.lastfmmcp.mcp.LogLevel;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.RequestStates;
import dev.lastfmmcp.mcp.Session;
import dev.lastfmmcp.mcp.StatelessRequest;
import dev.lastfmmcp.prompts.PromptCatalogue;
import dev.lastfmmcp.prompts.PromptQuestions;
import dev.lastfmmcp.tools.ToolCatalogue;
import dev.lastfmmcp.tools.ToolDefinition;
import dev.lastfmmcp.tools.ToolQuestions;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Asking the client without a CamelContext: ClientRequests.askAll in both eras (answers from the retry, the
 * input_required for the missing ones, bound questions, earlier rounds, malformed answers), ToolQuestions (needed
 * capabilities, the left-out user, answers) and PromptQuestions.
 */
class AskingBeansTest {

    private static final ObjectMapper JSON = AppConfiguration.objectMapper();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<JsonNode> postStream = new CopyOnWriteArrayList<>();
    private final RequestStates states = new RequestStates(new byte[32], JSON, Clock.systemUTC(),
            Duration.ofMinutes(10));
    private final ClientRequests client = new ClientRequests(new JsonRpcCodec(JSON), (s, json) -> false, timer,
            Runnable::run, Duration.ofSeconds(5), Duration.ofSeconds(30), states);
    private final ToolCatalogue tools = ToolCatalogue.load(JSON, 100);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static McpRequest stateless(String capabilities, Caller caller) {
        McpRequest request = new McpRequest("c", System.nanoTime(), Instant.now(), "POST", "/mcp");
        request.bindStateless(new StatelessRequest("2026-07-28", json(capabilities), "t", "1", LogLevel.INFO));
        request.setCaller(caller);
        return request;
    }

    private McpRequest session(Map<String, Object> capabilities) {
        McpRequest request = new McpRequest("c", System.nanoTime(), Instant.now(), "POST", "/mcp");
        request.bind(new Session("s", "2025-11-25", "t", "1", capabilities, Instant.now(), null, null), "2025-11-25");
        request.setProgressSink(postStream::add);
        return request;
    }

    private static McpCall call(String method, String params) {
        return new McpCall(new JsonRpcMessage(JsonRpcMessage.Kind.REQUEST, JSON.valueToTree(1), method,
                json(params)));
    }

    private static ClientRequests.Question question(String key, boolean bound) {
        return new ClientRequests.Question(key, "elicitation/create", Map.of("message", key), bound);
    }

    private static InputRequiredException required(Runnable ask) {
        try {
            ask.run();
        } catch (InputRequiredException e) {
            return e;
        }
        throw new AssertionError("no input_required");
    }

    @Test
    void theStatelessEraAnswersFromTheRetryOrAsksForWhatIsMissing() throws Exception {
        McpRequest request = stateless("{\"elicitation\":{},\"sampling\":{}}", Caller.ANONYMOUS);
        String tool = "{\"name\":\"t\",\"arguments\":{}";
        InputRequiredException first = required(() -> client.askAll(request, call("tools/call", tool + "}"),
                List.of(question("a", false), question("b", true))));
        assertThat(first.inputRequests()).containsOnlyKeys("a", "b");
        assertThat(first.requestState()).isNotBlank();

        // a answered (unbound: counts without state), b answered but bound: asked again
        String answer = "{\"action\":\"accept\",\"content\":{}}";
        InputRequiredException again = required(() -> client.askAll(request, call("tools/call", tool
                + ",\"inputResponses\":{\"a\":" + answer + ",\"b\":" + answer + "}}"),
                List.of(question("a", false), question("b", true))));
        assertThat(again.inputRequests()).containsOnlyKeys("b");

        // with the state: both count
        Map<String, JsonNode> answers = client.askAll(request, call("tools/call", tool + ",\"inputResponses\":{\"a\":"
                + answer + ",\"b\":" + answer + "},\"requestState\":\"" + first.requestState() + "\"}"),
                List.of(question("a", false), question("b", true))).get(1, TimeUnit.SECONDS);
        assertThat(answers).containsOnlyKeys("a", "b");

        // an answer of an earlier round comes back from the state
        InputRequiredException round2 = required(() -> client.askAll(request, call("tools/call", tool
                + ",\"inputResponses\":{\"a\":" + answer + "},\"requestState\":\"" + first.requestState() + "\"}"),
                List.of(question("c", true))));
        Map<String, JsonNode> carried = client.askAll(request, call("tools/call", tool
                + ",\"inputResponses\":{\"c\":" + answer + "},\"requestState\":\"" + round2.requestState() + "\"}"),
                List.of(question("a", true), question("c", true))).get(1, TimeUnit.SECONDS);
        assertThat(carried).containsOnlyKeys("a", "c");

        // what the client did not declare is not asked
        CompletableFuture<Map<String, JsonNode>> roots = client.askAll(request, call("tools/call", tool + "}"),
                List.of(new ClientRequests.Question("r", "roots/list", null, false)));
        assertThat(roots).isCompletedExceptionally();
        assertThat(client.canAsk(request, "sampling/createMessage")).isTrue();
        assertThat(client.canAsk(request, "roots/list")).isFalse();
        assertThat(client.canAsk(request, "no/such")).isFalse();
        // the single ask of the 2025 era does not serve this era
        assertThat(client.ask(request, call("tools/call", tool + "}"), "elicitation/create", null))
                .isCompletedExceptionally();
    }

    @Test
    void malformedRetriesAreInvalidParams() {
        McpRequest request = stateless("{\"elicitation\":{},\"sampling\":{},\"roots\":{}}", Caller.ANONYMOUS);
        for (String params : new String[] {
                "{\"name\":\"t\",\"inputResponses\":[]}",
                "{\"name\":\"t\",\"inputResponses\":{\"a\":1}}",
                "{\"name\":\"t\",\"inputResponses\":{\"a\":{\"content\":{}}}}",
                "{\"name\":\"t\",\"requestState\":{}}"}) {
            assertThatThrownBy(() -> client.askAll(request, call("tools/call", params), List.of(question("a", false))))
                    .as(params).isInstanceOfSatisfying(JsonRpcException.class,
                            e -> assertThat(e.code()).isEqualTo(-32602));
        }
        assertThatThrownBy(() -> client.askAll(request, call("tools/call", "{\"name\":\"t\",\"inputResponses\":{"
                + "\"s\":{\"role\":\"assistant\"}}}"), List.of(new ClientRequests.Question("s",
                "sampling/createMessage", null, false)))).isInstanceOf(JsonRpcException.class);
        assertThatThrownBy(() -> client.askAll(request, call("tools/call", "{\"name\":\"t\",\"inputResponses\":{"
                + "\"r\":{\"roots\":{}}}}"), List.of(new ClientRequests.Question("r", "roots/list", null, false))))
                .isInstanceOf(JsonRpcException.class);
    }

    @Test
    void theSessionEraSendsEveryQuestionAndWaitsForAll() throws Exception {
        McpRequest request = session(Map.of("elicitation", Map.of()));
        McpCall call = call("tools/call", "{\"name\":\"t\"}");
        CompletableFuture<Map<String, JsonNode>> answers = client.askAll(request, call,
                List.of(question("a", false), question("b", false)));
        assertThat(postStream).hasSize(2);
        for (JsonNode sent : postStream) {
            client.answered(json("{\"jsonrpc\":\"2.0\",\"id\":\"" + sent.get("id").asText()
                                 + "\",\"result\":{\"action\":\"accept\",\"content\":{\"k\":\""
                                 + sent.at("/params/message").asText() + "\"}}}"), request);
        }
        Map<String, JsonNode> got = answers.get(5, TimeUnit.SECONDS);
        assertThat(got.get("a").at("/content/k").asText()).isEqualTo("a");
        assertThat(got.get("b").at("/content/k").asText()).isEqualTo("b");
    }

    private Map<String, Object> args(String json) {
        return JSON.convertValue(json(json), Map.class);
    }

    @Test
    void aToolThatNeedsACapabilityIsRefusedInTheEraWay() {
        McpSchema.Tool mcp = new McpSchema.Tool("needs", "Needs", "d", Map.of("type", "object"), null, null, null,
                null);
        ToolDefinition needs = new ToolDefinition(mcp, "f", "direct:tool-needs", false, json("{}"), false, List.of(),
                List.of("sampling"), false, List.of());
        ToolQuestions questions = new ToolQuestions(client);
        assertThatThrownBy(() -> questions.asks(needs, Map.of(), stateless("{}", Caller.ANONYMOUS)))
                .isInstanceOfSatisfying(McpHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo(-32021);
                    assertThat(e.data()).isEqualTo(Map.of("requiredCapabilities", Map.of("sampling", Map.of())));
                });
        assertThatThrownBy(() -> questions.asks(needs, Map.of(), session(Map.of())))
                .isInstanceOf(ToolException.class).hasMessageContaining("'sampling' capability");
        assertThat(questions.asks(needs, Map.of(), stateless("{\"sampling\":{}}", Caller.ANONYMOUS))).isFalse();
        assertThat(questions.asks(needs, Map.of(), session(Map.of("sampling", Map.of())))).isFalse();
    }

    @Test
    void aPersonalToolAsksForTheUserOnlyWhenNothingSuppliesIt() throws Exception {
        ToolDefinition recent = tools.get("get_recent_tracks");
        ToolQuestions questions = new ToolQuestions(client);
        Caller signedIn = Caller.lastfmUser("rj");
        assertThat(questions.asks(recent, args("{}"), stateless("{\"elicitation\":{}}", Caller.ANONYMOUS))).isTrue();
        assertThat(questions.asks(recent, args("{}"), stateless("{\"elicitation\":{}}", signedIn))).isFalse();
        assertThat(questions.asks(recent, args("{\"username\":\"rj\"}"), stateless("{\"elicitation\":{}}",
                Caller.ANONYMOUS))).isFalse();
        assertThat(questions.asks(recent, args("{}"), stateless("{}", Caller.ANONYMOUS))).isFalse();
        assertThat(questions.asks(tools.get("ping"), args("{}"), stateless("{\"elicitation\":{}}",
                Caller.ANONYMOUS))).isFalse();
        assertThat(ToolQuestions.missing(recent, json("{\"username\":\"  \"}"), null)).containsExactly("username");
        assertThat(ToolQuestions.missing(recent, (JsonNode) null, null)).containsExactly("username");

        // 2025: the question on the call's stream; the answer becomes the argument
        McpRequest request = session(Map.of("elicitation", Map.of()));
        McpCall call = call("tools/call", "{\"name\":\"get_recent_tracks\"}");
        CompletableFuture<ToolQuestions.Asked> asked = questions.ask(recent, args("{\"limit\":5}"), request, call);
        JsonNode sent = postStream.get(0);
        assertThat(sent.at("/params/message").asText()).isEqualTo("Which Last.fm user should \"Recent tracks\" "
                                                                   + "look at? No one is signed in with Last.fm here.");
        assertThat(sent.at("/params/requestedSchema/properties/username/maxLength").asInt()).isEqualTo(15);
        client.answered(json("{\"jsonrpc\":\"2.0\",\"id\":\"" + sent.get("id").asText() + "\",\"result\":{"
                             + "\"action\":\"accept\",\"content\":{\"username\":\" rj \"}}}"), request);
        assertThat(questions.arguments(asked.get(5, TimeUnit.SECONDS))).containsEntry("username", "rj")
                .containsEntry("limit", 5);

        // refusals: an error answer, a declined question
        CompletableFuture<ToolQuestions.Asked> refused = questions.ask(recent, args("{}"), request, call);
        client.answered(json("{\"jsonrpc\":\"2.0\",\"id\":\"" + postStream.get(1).get("id").asText()
                             + "\",\"error\":{\"code\":-1,\"message\":\"no\"}}"), request);
        ToolQuestions.Asked failed = refused.get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> questions.arguments(failed)).isInstanceOf(ToolException.class)
                .hasMessageStartingWith("A Last.fm username is needed (The MCP client refused");
        call.cancel();
        CompletableFuture<ToolQuestions.Asked> cancelled = questions.ask(recent, args("{}"), request, call);
        assertThatThrownBy(() -> questions.arguments(cancelled.get(5, TimeUnit.SECONDS)))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void anAnswerIsCheckedBeforeItBecomesAnArgument() {
        ToolDefinition recent = tools.get("get_recent_tracks");
        ToolQuestions questions = new ToolQuestions(client);
        McpRequest request = stateless("{\"elicitation\":{}}", Caller.ANONYMOUS);
        for (Map.Entry<String, String> answer : Map.of(
                "{\"action\":\"decline\"}", "the user declined to give username",
                "{\"action\":\"cancel\"}", "the question was dismissed",
                "{\"action\":\"accept\",\"content\":{}}", "the answer had no username",
                "{\"action\":\"accept\",\"content\":{\"username\":\"9 lives\"}}", "is not a Last.fm username")
                .entrySet()) {
            McpCall call = call("tools/call", "{\"name\":\"get_recent_tracks\",\"inputResponses\":{\"arguments\":"
                                              + answer.getKey() + "}}");
            assertThatThrownBy(() -> questions.arguments(questions.ask(recent, args("{}"), request, call).join()))
                    .as(answer.getKey()).isInstanceOf(ToolException.class).hasMessageContaining(answer.getValue());
        }
    }

    @Test
    void aPromptAsksForItsLeftOutArguments() throws Exception {
        PromptCatalogue prompts = PromptCatalogue.load(100);
        PromptQuestions questions = new PromptQuestions(prompts, client);
        McpCall get = call("prompts/get", "{\"name\":\"listening_insights\",\"arguments\":{\"period\":\"7day\"}}");
        McpRequest canAsk = stateless("{\"elicitation\":{}}", Caller.ANONYMOUS);
        assertThat(questions.asks(get, Caller.ANONYMOUS, canAsk)).isTrue();
        assertThat(questions.asks(get, Caller.lastfmUser("rj"), canAsk)).isFalse();
        assertThat(questions.asks(get, Caller.ANONYMOUS, stateless("{}", Caller.ANONYMOUS))).isFalse();
        assertThat(questions.asks(call("prompts/get", "{\"name\":\"no_such\"}"), Caller.ANONYMOUS, canAsk)).isFalse();
        assertThat(prompts.asks("listening_insights", null, null)).isTrue();

        InputRequiredException required = required(() -> questions.ask(get, Caller.ANONYMOUS, canAsk));
        JsonNode form = JSON.valueToTree(required.inputRequests()).at("/arguments/params/requestedSchema");
        assertThat(form.at("/required/0").asText()).isEqualTo("username");
        assertThat(form.at("/properties/username/title").asText()).isEqualTo("Last.fm username");

        McpCall answered = call("prompts/get", "{\"name\":\"listening_insights\",\"arguments\":{\"period\":"
                + "\"7day\"},\"inputResponses\":{\"arguments\":{\"action\":\"accept\",\"content\":{\"username\":"
                + "\"rj\"}}}}");
        Map<String, String> values = questions.values(questions.ask(answered, Caller.ANONYMOUS, canAsk).get());
        assertThat(values).containsEntry("username", "rj");
        McpSchema.GetPromptResult rendered = prompts.render(answered, Caller.ANONYMOUS, values);
        assertThat(((McpSchema.TextContent) rendered.messages().get(0).content()).text())
                .contains("get_listening_stats(username=\"rj\", period=\"7day\")");

        McpCall dismissed = call("prompts/get", "{\"name\":\"listening_insights\",\"inputResponses\":{\"arguments\":"
                + "{\"action\":\"cancel\"}}}");
        assertThatThrownBy(() -> questions.values(questions.ask(dismissed, Caller.ANONYMOUS, canAsk).get()))
                .isInstanceOfSatisfying(JsonRpcException.class, e -> assertThat(e.code()).isEqualTo(-32602))
                .hasMessageContaining("username is required (the question was dismissed)");
        McpCall cannot = call("prompts/get", "{\"name\":\"listening_insights\"}");
        assertThatThrownBy(() -> questions.values(questions.ask(cannot, Caller.ANONYMOUS,
                stateless("{}", Caller.ANONYMOUS)).get())).hasMessageContaining("did not declare");
        assertThat(JsonNodeFactory.instance.objectNode()).isEmpty();
    }
}
