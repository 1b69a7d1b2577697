package dev.lastfmmcp.prompts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.jsonrpc.CancelledException;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.mcp.ArgumentKind;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.ClientRequests;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import org.apache.camel.Body;
import org.apache.camel.Variable;

/**
 * A {@code prompts/get} that leaves out required arguments nothing supplies (a username with no one signed in, an
 * artist) asks the user for them when the client can be asked: one form ({@code elicitation/create}, or an
 * {@code input_required} result in the 2026-07-28 era) with the missing arguments, whose answers are then checked like
 * any argument. A client that cannot be asked gets the -32602 that names the missing argument, as before.
 */
public class PromptQuestions {

    /** The key of the question (the stateless era's {@code inputRequests} key). */
    public static final String ANSWER = "arguments";

    private final PromptCatalogue prompts;
    private final ClientRequests client;

    /** What came of asking: the values given, or why the prompt cannot be rendered. */
    public record Asked(Map<String, String> values, RuntimeException refusal) {
    }

    public PromptQuestions(PromptCatalogue prompts, ClientRequests client) {
        this.prompts = prompts;
        this.client = client;
    }

    /** Whether to ask (route choice): required arguments are missing and the client can be asked. */
    public boolean asks(@Variable("call") McpCall call, @Variable("caller") Caller caller,
            @Variable("mcp") McpRequest request) {
        JsonNode params = call.getParams();
        return params != null && prompts.asks(call.param("name"), params.get("arguments"), caller)
               && client.canAsk(request, "elicitation/create");
    }

    /** Asks for the missing arguments; the answer arrives without holding a thread and {@link #values} reads it. */
    public CompletableFuture<Asked> ask(@Variable("call") McpCall call, @Variable("caller") Caller caller,
            @Variable("mcp") McpRequest request) {
        PromptDefinition prompt = prompts.find(call.param("name"));
        List<PromptArgumentDefinition> missing = PromptCatalogue.missing(prompt, call.getParams().get("arguments"),
                caller);
        Map<String, Object> properties = new LinkedHashMap<>();
        for (PromptArgumentDefinition argument : missing) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("type", "string");
            field.put("title", argument.kind() == ArgumentKind.USERNAME ? "Last.fm username" : argument.name());
            String description = prompt.prompt().arguments().stream()
                    .filter(a -> a.name().equals(argument.name())).findFirst()
                    .map(io.modelcontextprotocol.spec.McpSchema.PromptArgument::description).orElse(null);
            if (description != null) {
                field.put("description", description);
            }
            if (!argument.choices().isEmpty()) {
                field.put("enum", argument.choices());
            }
            properties.put(argument.name(), field);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", missing.stream().map(PromptArgumentDefinition::name).toList());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("mode", "form");
        params.put("message", "\"" + prompt.prompt().title() + "\" needs: " + String.join(", ",
                missing.stream().map(PromptArgumentDefinition::name).toList()) + ".");
        params.put("requestedSchema", schema);
        return client.askAll(request, call, List.of(new ClientRequests.Question(ANSWER, "elicitation/create", params,
                false))).handle((answers, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                return new Asked(null, cause instanceof CancelledException cancelled ? cancelled
                        : notGiven(prompt, missing, cause.getMessage()));
            }
            JsonNode answer = answers.get(ANSWER);
            if (!"accept".equals(answer.path("action").asText(""))) {
                return new Asked(null, notGiven(prompt, missing, "decline".equals(answer.path("action").asText(""))
                        ? "the user declined to give it" : "the question was dismissed"));
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (PromptArgumentDefinition argument : missing) {
                JsonNode value = answer.path("content").path(argument.name());
                if (value.isTextual() && !value.textValue().isBlank()) {
                    values.put(argument.name(), value.textValue());
                }
            }
            return new Asked(values, null);
        });
    }

    /** The values given (variable {@code promptAnswers}); the -32602 naming what is missing when none could be had. */
    public Map<String, String> values(@Body Asked asked) {
        if (asked.refusal() != null) {
            throw asked.refusal();
        }
        return asked.values();
    }

    private static JsonRpcException notGiven(PromptDefinition prompt, List<PromptArgumentDefinition> missing,
            String why) {
        return JsonRpcException.invalidParams("Invalid arguments for prompt " + prompt.name() + ": "
                + String.join(", ", missing.stream().map(PromptArgumentDefinition::name).toList())
                + (missing.size() == 1 ? " is" : " are") + " required (" + why + ") (see prompts/list).");
    }
}
