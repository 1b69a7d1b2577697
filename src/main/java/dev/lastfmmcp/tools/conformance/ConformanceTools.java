package dev.lastfmmcp.tools.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.jsonrpc.CancelledException;
import dev.lastfmmcp.jsonrpc.ToolException;
import dev.lastfmmcp.mcp.ClientLog;
import dev.lastfmmcp.mcp.ClientRequests;
import dev.lastfmmcp.mcp.LogLevel;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.Progress;
import dev.lastfmmcp.mcp.ReplyStream;
import dev.lastfmmcp.support.YamlResources;
import dev.lastfmmcp.tools.ToolDefinition;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Body;
import org.apache.camel.Variable;

/**
 * The fixture tools of the official MCP conformance suite (catalogue {@code mcp/tools/conformance.yaml}, data
 * {@code mcp/conformance/fixtures.yaml}), loaded only with {@code MCP_CONFORMANCE_FIXTURES=true}. They use the
 * server's own machinery like any tool: {@link ClientRequests} to ask the client (elicitation, sampling, roots in the
 * 2025 era; {@code input_required} results in the 2026-07-28 era), {@link Progress}, the client log, and the reply
 * stream's hand-over to the GET stream (SSE polling).
 */
public class ConformanceTools {

    static final String DATA = "mcp/conformance/fixtures.yaml";
    private static final String LOGGER = "conformance";

    private final ObjectMapper mapper;
    private final ClientRequests client;
    private final Progress progress;
    private final ClientLog log;
    private final JsonNode data;

    /** What came of asking one round: the answers so far by key, or why the client could not answer. */
    public record Answers(int round, Map<String, JsonNode> values, String failure) {
    }

    public ConformanceTools(ObjectMapper mapper, ClientRequests client, Progress progress, ClientLog log) {
        this.mapper = mapper;
        this.client = client;
        this.progress = progress;
        this.log = log;
        this.data = YamlResources.read(DATA);
    }

    private static McpSchema.CallToolResult text(String text) {
        return new McpSchema.CallToolResult(List.of(new McpSchema.TextContent(text)), false, null, null);
    }

    private McpSchema.ImageContent image() {
        return new McpSchema.ImageContent(null, data.at("/image/data").asText(), data.at("/image/mimeType").asText());
    }

    public McpSchema.CallToolResult simpleText() {
        return text("This is a simple text response for testing.");
    }

    public McpSchema.CallToolResult imageContent() {
        return new McpSchema.CallToolResult(List.of(image()), false, null, null);
    }

    public McpSchema.CallToolResult audioContent() {
        return new McpSchema.CallToolResult(List.of(new McpSchema.AudioContent(null, data.at("/audio/data").asText(),
                data.at("/audio/mimeType").asText())), false, null, null);
    }

    public McpSchema.CallToolResult embeddedResource() {
        return new McpSchema.CallToolResult(List.of(new McpSchema.EmbeddedResource(null,
                new McpSchema.TextResourceContents("test://embedded-resource", "text/plain",
                        "This is an embedded resource content."))), false, null, null);
    }

    public McpSchema.CallToolResult multipleContentTypes() {
        return new McpSchema.CallToolResult(List.of(new McpSchema.TextContent("Multiple content types test:"),
                image(), new McpSchema.EmbeddedResource(null, new McpSchema.TextResourceContents(
                        "test://mixed-content-resource", "application/json", "{\"test\":\"data\",\"value\":123}"))),
                false, null, null);
    }

    /** Three info messages while it runs (sent when the client asked for info or lower). */
    public McpSchema.CallToolResult withLogging(@Variable("mcp") McpRequest request) {
        log.log(request, LogLevel.INFO, LOGGER, "Tool execution started");
        log.log(request, LogLevel.INFO, LOGGER, "Tool processing data");
        log.log(request, LogLevel.INFO, LOGGER, "Tool execution completed");
        return text("Tool with logging executed successfully");
    }

    public McpSchema.CallToolResult loggingTool(@Variable("mcp") McpRequest request) {
        log.log(request, LogLevel.INFO, LOGGER, "Diagnostic trace logging activated");
        return text("Logging evaluated");
    }

    public McpSchema.CallToolResult errorHandling() {
        throw new ToolException("This tool intentionally returns an error for testing");
    }

    /** Progress 0, 50 and 100 of 100; the text is the request's progress token. */
    public McpSchema.CallToolResult withProgress(@Variable("mcp") McpRequest request, @Variable("call") McpCall call) {
        for (int step : new int[] {0, 50, 100}) {
            progress.report(request, call, step, 100.0, "Completed step " + step + " of 100");
        }
        JsonNode token = call.getMessage().progressToken();
        return text(token == null ? "no progress token" : token.asText());
    }

    /**
     * SSE polling: the reply stream is closed now (after its priming event), and the result follows on the
     * session's GET stream, replayed to the client that reconnects with the stream's Last-Event-ID.
     */
    public McpSchema.CallToolResult reconnection(@Variable("mcp") McpRequest request) {
        ReplyStream stream = request.reply().getPostStream();
        boolean handed = stream != null && stream.closeForPolling();
        return text("Reconnection test completed successfully. If you received this, the client properly "
                    + "reconnected after stream closure." + (handed ? "" : " (The reply was not a stream.)"));
    }

    public McpSchema.CallToolResult templateData(@Variable("args") Map<String, Object> arguments) {
        String id = String.valueOf(arguments.get("id"));
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("id", id);
        structured.put("templateTest", true);
        structured.put("data", "Data for ID: " + id);
        return new McpSchema.CallToolResult(List.of(new McpSchema.TextContent(mapper.valueToTree(structured)
                .toString())), false, structured, null);
    }

    public McpSchema.CallToolResult missingCapability() {
        return text("Success: the client declared sampling.");
    }

    /**
     * Asks the next round of the tool's questions (fixtures.yaml); the answers so far arrive without holding a
     * thread. A client that cannot be asked, declines to answer or answers with an error ends in
     * {@link Answers#failure()}.
     */
    public CompletableFuture<Answers> ask(@Variable("tool") ToolDefinition tool,
            @Variable("args") Map<String, Object> arguments, @Variable("mcp") McpRequest request,
            @Variable("call") McpCall call, @Variable("answers") Answers earlier) {
        int round = earlier == null ? 1 : earlier.round() + 1;
        Map<String, JsonNode> values = new LinkedHashMap<>(earlier == null ? Map.of() : earlier.values());
        List<ClientRequests.Question> questions = new ArrayList<>();
        for (JsonNode question : data.path("questions").path(tool.name())) {
            String method = question.path("method").asText();
            if (question.path("round").asInt(1) != round
                || question.path("ifDeclared").asBoolean(false) && !client.canAsk(request, method)) {
                continue;
            }
            questions.add(new ClientRequests.Question(question.path("key").asText(), method,
                    filled(question.path("params"), arguments), question.path("bound").asBoolean(false)));
        }
        if (questions.isEmpty()) {
            return CompletableFuture.completedFuture(new Answers(round, values, null));
        }
        if (tool.reportsProgress()) {
            progress.report(request, call, 50, 100.0, "Asking the client");
        }
        return client.askAll(request, call, questions).handle((answers, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof CancelledException cancelled) {
                    throw cancelled;
                }
                return new Answers(round, values, cause.getMessage());
            }
            values.putAll(answers);
            return new Answers(round, values, null);
        });
    }

    /** The params with each "{name}" string replaced by the tool's argument of that name. */
    JsonNode filled(JsonNode params, Map<String, Object> arguments) {
        if (params.isTextual() && params.textValue().matches("\\{[A-Za-z_]+}")) {
            String name = params.textValue().substring(1, params.textValue().length() - 1);
            return mapper.valueToTree(String.valueOf(arguments.get(name)));
        }
        if (params.isObject()) {
            ObjectNode copy = mapper.createObjectNode();
            params.fields().forEachRemaining(field -> copy.set(field.getKey(), filled(field.getValue(), arguments)));
            return copy;
        }
        if (params.isArray()) {
            ArrayNode copy = mapper.createArrayNode();
            params.forEach(item -> copy.add(filled(item, arguments)));
            return copy;
        }
        return params;
    }

    private static Map<String, JsonNode> answered(Answers answers) {
        if (answers.failure() != null) {
            throw new ToolException("The client could not be asked: " + answers.failure());
        }
        return answers.values();
    }

    private static String content(JsonNode elicitation, String field) {
        JsonNode value = elicitation == null ? null : elicitation.path("content").get(field);
        return value == null ? "unknown" : value.isTextual() ? value.textValue() : value.toString();
    }

    private static String sampled(JsonNode result) {
        JsonNode text = result == null ? null : result.path("content").path("text");
        return text == null || !text.isTextual() ? "no response" : text.textValue();
    }

    private static int roots(JsonNode result) {
        return result == null ? 0 : result.path("roots").size();
    }

    /** The reply of a sampling fixture: the LLM's text. */
    public McpSchema.CallToolResult sampling(@Body Answers answers) {
        return text("LLM response: " + sampled(answered(answers).get("completion")));
    }

    /** The reply of an elicitation fixture: the action and the content. */
    public McpSchema.CallToolResult elicitation(@Body Answers answers, @Variable("tool") ToolDefinition tool) {
        JsonNode result = answered(answers).values().stream().findFirst().orElse(null);
        String action = result == null ? "none" : result.path("action").asText("none");
        String content = result == null || !result.has("content") ? "{}" : result.get("content").toString();
        return text(("test_elicitation".equals(tool.name()) ? "User response: " : "Elicitation completed: ")
                    + "action=" + action + ", content=" + content);
    }

    /** The replies of the input_required fixtures, once every answer is in. */
    public McpSchema.CallToolResult inputRequired(@Variable("answers") Answers answers,
            @Variable("tool") ToolDefinition tool) {
        Map<String, JsonNode> values = answered(answers);
        return text(switch (tool.name()) {
            case "test_input_required_result_elicitation" -> "Hello, " + content(values.get("user_name"), "name")
                                                              + "!";
            case "test_input_required_result_sampling" -> "Sampling result: "
                                                          + sampled(values.get("sample_request"));
            case "test_input_required_result_list_roots" -> "Found " + roots(values.get("roots_request"))
                                                            + " root(s)";
            case "test_input_required_result_request_state" -> "state-ok: requestState validated (ok="
                                                               + content(values.get("confirm"), "ok") + ")";
            case "test_input_required_result_multiple_inputs" -> "Name: " + content(values.get("user_name"), "name")
                    + "; Greeting: " + sampled(values.get("greeting")) + "; Roots: " + roots(values.get("client_roots"));
            case "test_input_required_result_multi_round" -> "Multi-round complete for "
                    + content(values.get("step1"), "name") + " who likes " + content(values.get("step2"), "color");
            case "test_input_required_result_tampered_state" -> "integrity-ok: state verified";
            case "test_input_required_result_capabilities" -> values.isEmpty()
                    ? "No supported capabilities declared" : "capabilities-ok: received "
                                                             + String.join(",", values.keySet());
            default -> "Detail: " + content(values.get("detail"), "detail");
        });
    }
}
