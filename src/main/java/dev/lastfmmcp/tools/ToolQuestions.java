package dev.lastfmmcp.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.jsonrpc.CancelledException;
import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import dev.lastfmmcp.jsonrpc.ToolException;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.ClientRequests;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import org.apache.camel.Variable;

/**
 * What a tool call needs from the client before it runs, between argument validation and the tool's route:
 * <ul>
 * <li>a client capability it cannot run without ({@code needsClient}): a client that did not declare it is refused,
 * with 400 and -32021 in the 2026-07-28 era (the revision's MissingRequiredClientCapabilityError), with an
 * {@code isError} result in the 2025 era;</li>
 * <li>an argument it asks the user for ({@code asksFor}) when it is left out and nothing supplies it: a personal
 * tool's {@code username} without a signed-in caller. A client that can be asked (elicitation) gets a one-field form
 * ({@code elicitation/create}, or an {@code input_required} result in the 2026-07-28 era) instead of an error; the
 * answer becomes the argument. A client that cannot be asked gets the tool's usual answer (sign in or pass the
 * name).</li>
 * </ul>
 */
public class ToolQuestions {

    /** The key of the question (the stateless era's {@code inputRequests} key). */
    public static final String ANSWER = "arguments";

    private final ClientRequests client;

    public ToolQuestions(ClientRequests client) {
        this.client = client;
    }

    /**
     * Refuses a call whose tool needs a client capability the client did not declare, then says whether it asks the
     * user for a left-out argument (route choice of {@code mcp-tools-call}).
     */
    public boolean asks(@Variable("tool") ToolDefinition tool, @Variable("args") Map<String, Object> arguments,
            @Variable("mcp") McpRequest request) {
        for (String capability : tool.needsClient()) {
            if (!declares(request, capability)) {
                String why = "The tool " + tool.name() + " needs an MCP client with the '" + capability
                             + "' capability; this client did not declare it.";
                if (request != null && request.isStateless()) {
                    throw new McpHttpException(400, JsonRpcErrors.MISSING_CLIENT_CAPABILITY,
                            "Missing required client capability: " + why, Map.of(),
                            Map.of("requiredCapabilities", Map.of(capability, Map.of())));
                }
                throw new ToolException(why);
            }
        }
        return !tool.asksFor().isEmpty() && !missing(tool, arguments, request == null ? null : request.getCaller())
                .isEmpty() && client.canAsk(request, "elicitation/create");
    }

    private boolean declares(McpRequest request, String capability) {
        if (request != null && request.isStateless()) {
            return request.getStateless().declares(capability);
        }
        return ClientRequests.declared(request, capability);
    }

    /**
     * The {@code asksFor} arguments this call leaves out and nothing supplies: {@code username} when no one is signed
     * in, any other when it is absent or blank.
     */
    public static List<String> missing(ToolDefinition tool, Map<String, Object> arguments, Caller caller) {
        List<String> missing = new ArrayList<>();
        for (String name : tool.asksFor()) {
            Object value = arguments == null ? null : arguments.get(name);
            boolean given = value instanceof String text && !text.isBlank();
            boolean supplied = "username".equals(name) && Users.signedIn(caller) != null;
            if (!given && !supplied) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** The same for the raw arguments of a request (the reply decision, before validation). */
    public static List<String> missing(ToolDefinition tool, JsonNode arguments, Caller caller) {
        Map<String, Object> given = new LinkedHashMap<>();
        if (arguments != null && arguments.isObject()) {
            arguments.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual()) {
                    given.put(field.getKey(), field.getValue().textValue());
                }
            });
        }
        return missing(tool, given, caller);
    }

    /** What came of asking: the arguments with the answers, or why the tool cannot go on. */
    public record Asked(Map<String, Object> arguments, RuntimeException refusal) {
    }

    /**
     * Asks the user for the missing arguments; the answer arrives without holding a thread (the route goes on when
     * it is in) and {@link #arguments} reads it.
     */
    public CompletableFuture<Asked> ask(@Variable("tool") ToolDefinition tool,
            @Variable("args") Map<String, Object> arguments, @Variable("mcp") McpRequest request,
            @Variable("call") McpCall call) {
        List<String> missing = missing(tool, arguments, request.getCaller());
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String name : missing) {
            properties.put(name, field(tool, name));
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", missing);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("mode", "form");
        params.put("message", question(tool, missing));
        params.put("requestedSchema", schema);
        return client.askAll(request, call, List.of(new ClientRequests.Question(ANSWER, "elicitation/create", params,
                false))).handle((answers, failure) -> {
            if (failure != null) {
                return new Asked(null, refusal(tool, missing, failure));
            }
            try {
                return new Asked(answered(tool, arguments, missing, answers.get(ANSWER)), null);
            } catch (ToolException refused) {
                return new Asked(null, refused);
            }
        });
    }

    /**
     * The arguments with the answers (variable {@code args}); an {@code isError} answer when the user declined or did
     * not answer, or the answer is not a valid value.
     */
    public Map<String, Object> arguments(@org.apache.camel.Body Asked asked) {
        if (asked.refusal() != null) {
            throw asked.refusal();
        }
        return asked.arguments();
    }

    private static Map<String, Object> field(ToolDefinition tool, String name) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("type", "string");
        if ("username".equals(name)) {
            field.put("title", "Last.fm username");
            field.put("description", "The name in https://www.last.fm/user/<name>");
            field.put("minLength", 1);
            field.put("maxLength", 15);
        } else {
            field.put("title", name);
            String description = tool.inputSchema().path("properties").path(name).path("description").asText("");
            if (!description.isEmpty()) {
                field.put("description", description);
            }
        }
        return field;
    }

    static String question(ToolDefinition tool, List<String> missing) {
        String title = tool.tool().title() == null ? tool.name() : tool.tool().title();
        if (missing.equals(List.of("username"))) {
            return "Which Last.fm user should \"" + title + "\" look at? No one is signed in with Last.fm here.";
        }
        return "\"" + title + "\" needs: " + String.join(", ", missing) + ".";
    }

    /** The arguments with the accepted answer, checked. */
    static Map<String, Object> answered(ToolDefinition tool, Map<String, Object> arguments, List<String> missing,
            JsonNode answer) {
        String action = answer == null ? "" : answer.path("action").asText("");
        if (!"accept".equals(action)) {
            throw new ToolException(notGiven(tool, missing, "decline".equals(action)
                    ? "the user declined to give " + String.join(", ", missing)
                    : "the question was dismissed"));
        }
        Map<String, Object> completed = new LinkedHashMap<>(arguments);
        for (String name : missing) {
            JsonNode value = answer.path("content").path(name);
            String text = value.isTextual() ? value.textValue().strip() : "";
            if (text.isEmpty()) {
                throw new ToolException(notGiven(tool, missing, "the answer had no " + name));
            }
            if ("username".equals(name) && !Users.isValidName(text)) {
                throw new ToolException("\"" + dev.lastfmmcp.format.SafeText.clip(text, 40) + "\" is not a "
                                        + "Last.fm username (a letter, then letters, digits, _ or -, at most 15 "
                                        + "characters). Call " + tool.name() + " again with username=\"<name>\".");
            }
            completed.put(name, text);
        }
        return completed;
    }

    private static RuntimeException refusal(ToolDefinition tool, List<String> missing, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof CancelledException cancelled) {
            return cancelled;
        }
        if (cause instanceof ToolException tool2) {
            return tool2;
        }
        return new ToolException(notGiven(tool, missing, cause.getMessage()));
    }

    private static String notGiven(ToolDefinition tool, List<String> missing, String why) {
        if (missing.contains("username")) {
            return "A Last.fm username is needed (" + why + "): pass username=\"<their Last.fm name>\" (the name in "
                   + "https://www.last.fm/user/<name>), or sign in with Last.fm so it defaults to you "
                   + "(lastfm_auth_status gives the sign-in link).";
        }
        return tool.name() + " needs " + String.join(", ", missing) + " (" + why + ").";
    }
}
