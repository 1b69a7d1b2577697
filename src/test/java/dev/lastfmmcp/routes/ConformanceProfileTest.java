package dev.lastfmmcp.routes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.edge.HttpServerCheck;
import dev.lastfmmcp.resources.Subscriptions;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.RawMcp;
import dev.lastfmmcp.support.RawMcp.Reply;
import dev.lastfmmcp.support.SseClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The conformance profile ({@code MCP_CONFORMANCE_FIXTURES=true}) over HTTP against the real app: the official
 * suite's fixture tools, resources and prompts answer as the suite expects, in the 2025 era (the MCP Java SDK client
 * answering sampling and elicitation) and the 2026-07-28 era (input_required rounds with the sealed requestState,
 * -32021, log level, listen). scripts/conformance.sh runs the suite itself against the jar.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.conformance-fixtures=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformanceProfileTest extends AppTestSupport {

    private static final String ELICITATION = "{\"elicitation\":{}}";

    private JsonNode call(String tool, String capabilities, String extraParams) {
        return callReply(tool, capabilities, extraParams).json();
    }

    private Reply callReply(String tool, String capabilities, String extraParams) {
        return mcp().stateless(1, "tools/call", "{\"name\":\"" + tool + "\",\"arguments\":{},\"_meta\":"
                + RawMcp.statelessMeta(capabilities) + (extraParams == null ? "" : "," + extraParams) + "}");
    }

    /** The JSON-RPC messages of an event-stream reply, in order. */
    private static List<JsonNode> events(Reply reply) {
        assertThat(reply.header("Content-Type")).startsWith("text/event-stream");
        List<JsonNode> messages = new ArrayList<>();
        for (String line : reply.body().split("\n")) {
            if (line.startsWith("data: ") && line.length() > 6) {
                try {
                    messages.add(RawMcp.JSON.readTree(line.substring(6)));
                } catch (java.io.IOException e) {
                    throw new AssertionError(line, e);
                }
            }
        }
        return messages;
    }

    @Test
    void theFixtureToolsAnswerAsTheSuiteExpects() {
        assertThat(call("test_simple_text", "{}", null).at("/result/content/0/text").asText())
                .isEqualTo("This is a simple text response for testing.");
        JsonNode image = call("test_image_content", "{}", null).at("/result/content/0");
        assertThat(image.get("type").asText()).isEqualTo("image");
        assertThat(image.get("mimeType").asText()).isEqualTo("image/png");
        assertThat(call("test_audio_content", "{}", null).at("/result/content/0/mimeType").asText())
                .isEqualTo("audio/wav");
        assertThat(call("test_embedded_resource", "{}", null).at("/result/content/0/resource/uri").asText())
                .isEqualTo("test://embedded-resource");
        assertThat(call("test_multiple_content_types", "{}", null).at("/result/content"))
                .extracting(c -> c.get("type").asText()).containsExactly("text", "image", "resource");
        JsonNode error = call("test_error_handling", "{}", null).get("result");
        assertThat(error.get("isError").asBoolean()).isTrue();
        assertThat(error.at("/content/0/text").asText()).contains("intentionally returns an error");
        JsonNode schema = mcp().stateless(2, "tools/list", null).json().at("/result/tools");
        JsonNode tool = null;
        for (JsonNode t : schema) {
            if (t.get("name").asText().equals("json_schema_2020_12_tool")) {
                tool = t;
            }
        }
        assertThat(tool).isNotNull();
        assertThat(tool.at("/inputSchema/$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(tool.at("/inputSchema/$defs/address/$anchor").asText()).isEqualTo("addressDef");
        assertThat(tool.at("/inputSchema/allOf/0/anyOf").isArray()).isTrue();
        assertThat(tool.at("/inputSchema/then/required/0").asText()).isEqualTo("phone");
    }

    @Test
    void progressAndLogMessagesTravelOnTheReplyStreamOnlyWhenAskedFor() {
        List<JsonNode> progress = events(callReply("test_tool_with_progress", "{}",
                "\"_meta\":" + meta("{}").put("progressToken", "p-1")));
        assertThat(progress).filteredOn(m -> "notifications/progress".equals(m.path("method").asText()))
                .extracting(m -> m.at("/params/progress").asInt()).containsExactly(0, 50, 100);
        assertThat(progress.get(progress.size() - 1).at("/result/content/0/text").asText()).isEqualTo("p-1");

        // no log level in _meta: no log message, and a plain JSON reply
        Reply quiet = callReply("test_logging_tool", "{}", null);
        assertThat(quiet.header("Content-Type")).startsWith("application/json");
        assertThat(quiet.json().at("/result/content/0/text").asText()).isEqualTo("Logging evaluated");
        // with one: the messages at that level or above, on the reply's stream
        List<JsonNode> logged = events(callReply("test_tool_with_logging", "{}",
                "\"_meta\":" + meta("{}").put("io.modelcontextprotocol/logLevel", "info")));
        assertThat(logged).filteredOn(m -> "notifications/message".equals(m.path("method").asText()))
                .extracting(m -> m.at("/params/data").asText())
                .containsExactly("Tool execution started", "Tool processing data", "Tool execution completed");
        // warning and above only: none of the three info messages
        List<JsonNode> warnings = events(callReply("test_tool_with_logging", "{}",
                "\"_meta\":" + meta("{}").put("io.modelcontextprotocol/logLevel", "warning")));
        assertThat(warnings).noneMatch(m -> "notifications/message".equals(m.path("method").asText()));
    }

    private static ObjectNode meta(String capabilities) {
        return RawMcp.statelessMeta(capabilities);
    }

    @Test
    void aToolThatNeedsSamplingIsRefusedWithMissingCapability() {
        Reply refused = callReply("test_missing_capability", "{}", null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/error/code").asInt()).isEqualTo(-32021);
        assertThat(refused.json().at("/error/data/requiredCapabilities/sampling").isObject()).isTrue();
        assertThat(refused.json().get("id").asInt()).isEqualTo(1);
        assertThat(call("test_missing_capability", "{\"sampling\":{}}", null).at("/result/content/0/text")
                .asText()).startsWith("Success");
    }

    @Test
    void inputRequiredRoundsCarryASealedState() {
        JsonNode first = call("test_input_required_result_multi_round", ELICITATION, null).get("result");
        assertThat(first.get("resultType").asText()).isEqualTo("input_required");
        assertThat(first.at("/inputRequests/step1/method").asText()).isEqualTo("elicitation/create");
        String state1 = first.get("requestState").asText();
        // a tool result is not cacheable: no hints on input_required either
        assertThat(first.has("ttlMs")).isFalse();

        JsonNode second = call("test_input_required_result_multi_round", ELICITATION,
                "\"inputResponses\":{\"step1\":{\"action\":\"accept\",\"content\":{\"name\":\"Ann\"}}},"
                + "\"requestState\":\"" + state1 + "\"").get("result");
        assertThat(second.get("resultType").asText()).isEqualTo("input_required");
        assertThat(second.at("/inputRequests/step2").isObject()).isTrue();
        String state2 = second.get("requestState").asText();
        assertThat(state2).isNotEqualTo(state1);

        JsonNode done = call("test_input_required_result_multi_round", ELICITATION,
                "\"inputResponses\":{\"step2\":{\"action\":\"accept\",\"content\":{\"color\":\"blue\"}}},"
                + "\"requestState\":\"" + state2 + "\"").get("result");
        assertThat(done.get("resultType").asText()).isEqualTo("complete");
        assertThat(done.at("/content/0/text").asText()).isEqualTo("Multi-round complete for Ann who likes blue");

        // an altered state is a JSON-RPC error, never a result
        JsonNode tampered = call("test_input_required_result_multi_round", ELICITATION,
                "\"inputResponses\":{\"step2\":{\"action\":\"accept\",\"content\":{\"color\":\"red\"}}},"
                + "\"requestState\":\"" + state2 + "-TAMPERED\"");
        assertThat(tampered.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(tampered.at("/error/message").asText()).contains("requestState");
        // the state of another tool is not this one's
        JsonNode foreign = call("test_input_required_result_tampered_state", ELICITATION,
                "\"inputResponses\":{\"confirm\":{\"action\":\"accept\",\"content\":{\"ok\":true}}},"
                + "\"requestState\":\"" + state1 + "\"");
        assertThat(foreign.at("/error/code").asInt()).isEqualTo(-32602);
    }

    @Test
    void everyKindOfQuestionIsAnsweredWithTheRetry() {
        String rootsAndSampling = "{\"elicitation\":{},\"sampling\":{},\"roots\":{}}";
        JsonNode asked = call("test_input_required_result_multiple_inputs", rootsAndSampling, null).get("result");
        assertThat(asked.get("inputRequests").fieldNames()).toIterable()
                .containsExactly("user_name", "greeting", "client_roots");
        JsonNode answered = call("test_input_required_result_multiple_inputs", rootsAndSampling,
                "\"inputResponses\":{\"user_name\":{\"action\":\"accept\",\"content\":{\"name\":\"Ann\"}},"
                + "\"greeting\":{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"Hi\"},"
                + "\"model\":\"m\"},\"client_roots\":{\"roots\":[{\"uri\":\"file:///a\"}]}},"
                + "\"requestState\":\"" + asked.get("requestState").asText() + "\"").get("result");
        assertThat(answered.at("/content/0/text").asText()).isEqualTo("Name: Ann; Greeting: Hi; Roots: 1");

        // only what the client declared is asked
        JsonNode samplingOnly = call("test_input_required_result_capabilities", "{\"sampling\":{}}", null)
                .get("result");
        assertThat(samplingOnly.get("inputRequests").fieldNames()).toIterable().containsExactly("sample_input");
        assertThat(call("test_input_required_result_capabilities", "{}", null).at("/result/content/0/text")
                .asText()).isEqualTo("No supported capabilities declared");

        // the 2025-era fixtures ask the same way in this era
        JsonNode sampling = mcp().stateless(1, "tools/call", "{\"name\":\"test_sampling\",\"arguments\":{"
                + "\"prompt\":\"Hi?\"},\"_meta\":" + meta("{\"sampling\":{}}") + "}").json().get("result");
        assertThat(sampling.at("/inputRequests/completion/method").asText()).isEqualTo("sampling/createMessage");
        assertThat(sampling.at("/inputRequests/completion/params/messages/0/content/text").asText()).isEqualTo("Hi?");
        JsonNode sampled = mcp().stateless(1, "tools/call", "{\"name\":\"test_sampling\",\"arguments\":{\"prompt\":"
                + "\"Hi?\"},\"_meta\":" + meta("{\"sampling\":{}}") + ",\"inputResponses\":{\"completion\":"
                + "{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"Hello\"},\"model\":\"m\"}}}")
                .json().get("result");
        assertThat(sampled.at("/content/0/text").asText()).isEqualTo("LLM response: Hello");
        // a client that cannot answer: the fixture says so
        assertThat(call("test_elicitation_sep1034_defaults", "{}", null).at("/result/content/0/text").asText())
                .contains("could not be asked");
    }

    @Test
    void badInputResponsesAreInvalidParams() {
        JsonNode notAnObject = call("test_input_required_result_elicitation", ELICITATION,
                "\"inputResponses\":{\"user_name\":12345}");
        assertThat(notAnObject.at("/error/code").asInt()).isEqualTo(-32602);
        JsonNode nullResponses = call("test_input_required_result_elicitation", ELICITATION,
                "\"inputResponses\":null");
        assertThat(nullResponses.at("/error/code").asInt()).isEqualTo(-32602);
        JsonNode wrongShape = call("test_input_required_result_elicitation", ELICITATION,
                "\"inputResponses\":{\"user_name\":{\"content\":{}}}");
        assertThat(wrongShape.at("/error/code").asInt()).isEqualTo(-32602);
        // a wrong key: asked again; extra keys beside the right one: ignored
        assertThat(call("test_input_required_result_elicitation", ELICITATION,
                "\"inputResponses\":{\"wrong_key\":{\"action\":\"accept\"}}").at("/result/resultType").asText())
                .isEqualTo("input_required");
        assertThat(call("test_input_required_result_elicitation", ELICITATION,
                "\"inputResponses\":{\"user_name\":{\"action\":\"accept\",\"content\":{\"name\":\"Ann\"}},"
                + "\"extra\":{\"action\":\"accept\"}}").at("/result/content/0/text").asText())
                .isEqualTo("Hello, Ann!");
        // a bound question needs the state: an answer without it is asked again
        assertThat(call("test_input_required_result_request_state", ELICITATION,
                "\"inputResponses\":{\"confirm\":{\"action\":\"accept\",\"content\":{\"ok\":true}}}")
                .at("/result/resultType").asText()).isEqualTo("input_required");
        JsonNode badState = call("test_input_required_result_request_state", ELICITATION, "\"requestState\":5");
        assertThat(badState.at("/error/code").asInt()).isEqualTo(-32602);
    }

    @Test
    void theFixtureResourcesAndPromptsAnswerInBothEras() {
        JsonNode list = mcp().stateless(1, "resources/list", null).json().get("result");
        assertThat(list.get("resources")).extracting(r -> r.get("uri").asText())
                .startsWith("test://static-text", "test://static-binary", "test://watched-resource");
        assertThat(list.get("cacheScope").asText()).isEqualTo("public");
        JsonNode text = mcp().stateless(2, "resources/read", "{\"uri\":\"test://static-text\"}").json()
                .get("result");
        assertThat(text.at("/contents/0/mimeType").asText()).isEqualTo("text/plain");
        assertThat(text.at("/contents/0/text").asText()).isNotBlank();
        assertThat(text.get("ttlMs").asLong()).isPositive();
        assertThat(mcp().stateless(3, "resources/read", "{\"uri\":\"test://static-binary\"}").json()
                .at("/result/contents/0/blob").asText()).startsWith("iVBOR");
        assertThat(mcp().stateless(4, "resources/read", "{\"uri\":\"test://template/123/data\"}").json()
                .at("/result/contents/0/text").asText()).contains("\"id\":\"123\"").contains("Data for ID: 123");
        JsonNode missing = mcp().stateless(5, "resources/read", "{\"uri\":\"test://nonexistent\"}").json();
        assertThat(missing.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(missing.at("/error/data/uri").asText()).isEqualTo("test://nonexistent");

        JsonNode image = mcp().stateless(6, "prompts/get", "{\"name\":\"test_prompt_with_image\"}").json();
        assertThat(image.at("/result/messages/0/content/type").asText()).isEqualTo("image");
        JsonNode embedded = mcp().stateless(7, "prompts/get", "{\"name\":\"test_prompt_with_embedded_resource\","
                + "\"arguments\":{\"resourceUri\":\"test://example-resource\"}}").json();
        assertThat(embedded.at("/result/messages/0/content/resource/uri").asText())
                .isEqualTo("test://example-resource");
        // a left-out required argument is asked of a client that can answer, else it is -32602 as before
        JsonNode ask = mcp().stateless(8, "prompts/get", "{\"name\":\"test_input_required_result_prompt\","
                + "\"_meta\":" + meta(ELICITATION) + "}").json().get("result");
        assertThat(ask.get("resultType").asText()).isEqualTo("input_required");
        assertThat(ask.at("/inputRequests/arguments/params/requestedSchema/required/0").asText())
                .isEqualTo("context");
        JsonNode rendered = mcp().stateless(9, "prompts/get", "{\"name\":\"test_input_required_result_prompt\","
                + "\"_meta\":" + meta(ELICITATION) + ",\"inputResponses\":{\"arguments\":{\"action\":\"accept\","
                + "\"content\":{\"context\":\"a test\"}}}}").json().get("result");
        assertThat(rendered.at("/messages/0/content/text").asText()).contains("\"a test\"");
        JsonNode declined = mcp().stateless(10, "prompts/get", "{\"name\":\"test_input_required_result_prompt\","
                + "\"_meta\":" + meta(ELICITATION) + ",\"inputResponses\":{\"arguments\":{\"action\":\"decline\"}}}")
                .json();
        assertThat(declined.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(declined.at("/error/message").asText()).contains("context is required").contains("declined");
        assertThat(mcp().stateless(11, "prompts/get", "{\"name\":\"test_input_required_result_prompt\"}").json()
                .at("/error/code").asInt()).isEqualTo(-32602);

        // the 2025 era: subscribe to the fixed resource (never polled), then unsubscribe
        String session = session();
        assertThat(mcp().request(session, 1, "resources/subscribe", "{\"uri\":\"test://watched-resource\"}")
                .has("result")).isTrue();
        assertThat(context.getRegistry().lookupByNameAndType("subscriptions", Subscriptions.class).dueChecks())
                .isEmpty();
        assertThat(mcp().request(session, 2, "resources/unsubscribe", "{\"uri\":\"test://watched-resource\"}")
                .has("result")).isTrue();
    }

    @Test
    void aListenStreamIsAcknowledgedAndEndsWhenTheClientLeaves() {
        Subscriptions subscriptions = context.getRegistry().lookupByNameAndType("subscriptions", Subscriptions.class);
        ObjectNode message = RawMcp.JSON.createObjectNode().put("jsonrpc", "2.0").put("id", "listen-1")
                .put("method", "subscriptions/listen");
        message.putObject("params").set("_meta", meta("{}"));
        ((ObjectNode) message.get("params")).putObject("notifications").putArray("resourceSubscriptions")
                .add("test://watched-resource");
        Map<String, String> headers = Map.of("Content-Type", "application/json", "Accept", RawMcp.ACCEPT_BOTH,
                "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "subscriptions/listen");
        try (SseClient stream = SseClient.open("POST", mcp().base() + "/mcp", headers, message.toString())) {
            SseClient.Event ack = stream.awaitMessage(e -> e.data().contains("acknowledged"));
            JsonNode params = RawMcp.JSON.valueToTree(readTree(ack.data())).get("params");
            assertThat(params.at("/_meta/io.modelcontextprotocol~1subscriptionId").asText()).isEqualTo("listen-1");
            assertThat(params.at("/notifications/resourceSubscriptions/0").asText())
                    .isEqualTo("test://watched-resource");
            assertThat(subscriptions.listening()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions.listening() == 0);
        assertThat(subscriptions.subscribers("test://watched-resource")).isEmpty();

        // the server ends a listen stream (at shutdown) with the closing result, its subscription id in _meta
        message.put("id", 77);
        try (SseClient stream = SseClient.open("POST", mcp().base() + "/mcp", headers, message.toString())) {
            stream.awaitMessage(e -> e.data().contains("acknowledged"));
            subscriptions.endListening();
            SseClient.Event closing = stream.awaitMessage(e -> e.data().contains("\"result\""));
            JsonNode result = readTree(closing.data()).get("result");
            assertThat(result.at("/_meta/io.modelcontextprotocol~1subscriptionId").asInt()).isEqualTo(77);
            assertThat(result.get("resultType").asText()).isEqualTo("complete");
            stream.awaitEnd();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriptions.listening() == 0);

        // a filter that is no object, or a URI that cannot be watched, is -32602 and leaves nothing behind
        Reply noFilter = mcp().stateless(2, "subscriptions/listen", null);
        assertThat(noFilter.json().at("/error/code").asInt()).isEqualTo(-32602);
        Reply badUri = mcp().stateless(3, "subscriptions/listen",
                "{\"notifications\":{\"resourceSubscriptions\":[\"test://static-text\"]}}");
        assertThat(badUri.json().at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(subscriptions.listening()).isZero();
    }

    private static JsonNode readTree(String json) {
        try {
            return RawMcp.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(json, e);
        }
    }

    @Test
    void aStreamClosedForPollingHandsItsResultToTheGetStream() {
        String session = mcp().initialize("2025-11-25");
        Reply post = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"tools/call\",\"params\":{\"name\":"
                                + "\"test_reconnection\",\"arguments\":{}}}", session,
                Map.of("MCP-Protocol-Version", "2025-11-25"));
        // the priming event (id, retry), then the server closed the stream before the result
        assertThat(post.header("Content-Type")).startsWith("text/event-stream");
        assertThat(post.body()).contains("retry: 3000").doesNotContain("\"id\":42");
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("id: (p[0-9a-f]+:0)").matcher(post.body());
        assertThat(id.find()).isTrue();
        try (SseClient get = SseClient.open("GET", mcp().base() + "/mcp", Map.of("Accept", "text/event-stream",
                "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25", "Last-Event-ID", id.group(1)),
                null)) {
            SseClient.Event result = get.awaitMessage(e -> e.data().contains("\"id\":42"));
            assertThat(result.data()).contains("Reconnection test completed successfully");
        }
        // the stateless era has no session to hand over to: a plain reply
        JsonNode plain = call("test_reconnection", "{}", null);
        assertThat(plain.at("/result/content/0/text").asText()).endsWith("(The reply was not a stream.)");
    }

    @Test
    void theSessionEraAsksOnTheCallsStream() {
        List<McpSchema.ElicitFormRequest> asked = new CopyOnWriteArrayList<>();
        McpSyncClient client = sdkClient(Duration.ofSeconds(20))
                .capabilities(McpSchema.ClientCapabilities.builder().elicitation().sampling().build())
                .elicitation(request -> {
                    asked.add(request);
                    return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT,
                            Map.of("username", "ann", "email", "ann@example.org"));
                })
                .sampling(request -> McpSchema.CreateMessageResult.builder().role(McpSchema.Role.ASSISTANT)
                        .content(new McpSchema.TextContent("Paris")).model("m").build())
                .build();
        try {
            client.initialize();
            McpSchema.CallToolResult elicited = client.callTool(new McpSchema.CallToolRequest("test_elicitation",
                    Map.of("message", "Who are you?")));
            assertThat(((McpSchema.TextContent) elicited.content().get(0)).text())
                    .startsWith("User response: action=accept").contains("ann@example.org");
            assertThat(asked).extracting(McpSchema.ElicitFormRequest::message).containsExactly("Who are you?");
            McpSchema.CallToolResult sampled = client.callTool(new McpSchema.CallToolRequest("test_sampling",
                    Map.of("prompt", "Capital of France?")));
            assertThat(((McpSchema.TextContent) sampled.content().get(0)).text()).isEqualTo("LLM response: Paris");
        } finally {
            client.closeGracefully();
        }
        assertThat(HttpServerCheck.listeningPort(context)).isPositive();
    }
}
