package dev.lastfmmcp.prompts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.mcp.ArgumentKind;
import dev.lastfmmcp.mcp.ArgumentSpec;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.mcp.Cursors;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.support.YamlResources;
import io.modelcontextprotocol.spec.McpSchema;
import dev.lastfmmcp.mcp.Caller;
import org.apache.camel.Variable;

/**
 * The prompts, declared as data in {@code mcp/prompts.yaml}: {@code prompts/list} renders them, {@code prompts/get}
 * validates the arguments and renders the message templates with them.
 */
public class PromptCatalogue {

    static final String FILE = "mcp/prompts.yaml";

    private final Map<String, PromptDefinition> prompts;
    private final int pageSize;

    public PromptCatalogue(List<PromptDefinition> prompts, int pageSize) {
        Map<String, PromptDefinition> byName = new LinkedHashMap<>();
        for (PromptDefinition prompt : prompts) {
            if (byName.put(prompt.name(), prompt) != null) {
                throw new IllegalStateException("prompt " + prompt.name() + " is declared twice");
            }
        }
        this.prompts = byName;
        this.pageSize = pageSize;
    }

    public static PromptCatalogue load(int pageSize) {
        return load(pageSize, List.of());
    }

    /** Reads {@code mcp/prompts.yaml} and then the {@code extraFiles} (a profile's prompts), each with its footer. */
    public static PromptCatalogue load(int pageSize, List<String> extraFiles) {
        List<String> files = new ArrayList<>(List.of(FILE));
        files.addAll(extraFiles);
        List<PromptDefinition> prompts = new ArrayList<>();
        for (String name : files) {
            JsonNode file = YamlResources.read(name);
            String footer = file.path("footer").asText("");
            for (JsonNode entry : file.path("prompts")) {
                prompts.add(definition(entry, footer));
            }
        }
        return new PromptCatalogue(prompts, pageSize);
    }

    static PromptDefinition definition(JsonNode entry, String footer) {
        String name = entry.path("name").asText();
        List<PromptArgumentDefinition> arguments = new ArrayList<>();
        List<McpSchema.PromptArgument> declared = new ArrayList<>();
        for (JsonNode argument : entry.path("arguments")) {
            List<String> choices = new ArrayList<>();
            argument.path("enum").forEach(value -> choices.add(value.asText()));
            ArgumentKind kind = choices.isEmpty() ? ArgumentKind.named(argument.path("kind").asText("none"))
                    : ArgumentKind.CHOICE;
            boolean required = argument.path("required").asBoolean(false);
            String defaultValue = argument.hasNonNull("default") ? argument.get("default").asText() : null;
            arguments.add(new PromptArgumentDefinition(argument.path("name").asText(), required, kind, choices,
                    defaultValue));
            // a username left out is the signed-in user's, so clients may leave it out (it is needed only without one)
            boolean user = kind == ArgumentKind.USERNAME;
            String description = argument.path("description").asText(null);
            declared.add(new McpSchema.PromptArgument(argument.path("name").asText(),
                    argument.path("title").asText(null), user && description != null
                            ? description + " Leave out for the signed-in user." : description,
                    required && !user));
        }
        McpSchema.Prompt prompt = new McpSchema.Prompt(name, entry.path("title").asText(null),
                entry.path("description").asText(null), declared);
        if (prompt.title() == null || prompt.description() == null || declared.stream()
                .anyMatch(a -> a.description() == null)) {
            throw new IllegalStateException("prompt " + name + " needs a title, a description and argument "
                                            + "descriptions");
        }
        PromptTemplate.Arguments rules = rules(arguments);
        List<PromptDefinition.Message> messages = new ArrayList<>();
        for (JsonNode message : entry.path("messages")) {
            McpSchema.Role role = McpSchema.Role.valueOf(message.path("role").asText("user").toUpperCase(Locale.ROOT));
            if (message.has("image")) {
                messages.add(new PromptDefinition.Message(role, null, new McpSchema.ImageContent(null,
                        message.at("/image/data").asText(), message.at("/image/mimeType").asText()), null, null,
                        null));
            } else if (message.has("resource")) {
                String argument = message.at("/resource/uriArgument").asText();
                if (arguments.stream().noneMatch(a -> a.name().equals(argument) && a.required())) {
                    throw new IllegalStateException("prompt " + name + " embeds a resource named by " + argument
                                                    + ", which is not a required argument of it");
                }
                messages.add(new PromptDefinition.Message(role, null, null, argument,
                        message.at("/resource/mimeType").asText(), message.at("/resource/text").asText()));
            } else {
                String text = message.path("text").asText() + (footer.isBlank() ? "" : "\n\n" + footer.strip());
                messages.add(new PromptDefinition.Message(role, PromptTemplate.parse(text, rules)));
            }
        }
        if (messages.isEmpty()) {
            throw new IllegalStateException("prompt " + name + " has no messages");
        }
        return new PromptDefinition(prompt, arguments, messages);
    }

    private static PromptTemplate.Arguments rules(List<PromptArgumentDefinition> arguments) {
        Map<String, PromptArgumentDefinition> byName = new LinkedHashMap<>();
        arguments.forEach(a -> byName.put(a.name(), a));
        return new PromptTemplate.Arguments() {
            @Override
            public boolean declares(String name) {
                return byName.containsKey(name);
            }

            @Override
            public boolean alwaysHasValue(String name) {
                return byName.get(name).required() || byName.get(name).defaultValue() != null;
            }

            @Override
            public boolean allows(String name, String value) {
                return byName.get(name).choices().contains(value);
            }
        };
    }

    public List<PromptDefinition> prompts() {
        return List.copyOf(prompts.values());
    }

    /** prompts/list. */
    public McpSchema.ListPromptsResult list(@Variable("call") McpCall call) {
        List<McpSchema.Prompt> all = prompts.values().stream().map(PromptDefinition::prompt).toList();
        Cursors.Page<McpSchema.Prompt> page = Cursors.page("prompts", all,
                all.stream().map(McpSchema.Prompt::name).toList(), call.param("cursor"), pageSize);
        return new McpSchema.ListPromptsResult(page.items(), page.nextCursor());
    }

    /** prompts/get: the messages for the validated arguments; -32602 for an unknown prompt or bad arguments. */
    public McpSchema.GetPromptResult get(McpCall call, Caller caller) {
        return render(call, caller, null);
    }

    /**
     * prompts/get with the values the user gave when asked for left-out arguments (variable {@code promptAnswers},
     * see {@link PromptQuestions}); they are checked like the others.
     */
    public McpSchema.GetPromptResult render(@Variable("call") McpCall call, @Variable("caller") Caller caller,
            @Variable("promptAnswers") Map<String, String> answers) {
        PromptDefinition prompt = prompt(call.param("name"));
        call.setName(prompt.name());
        JsonNode arguments = call.getParams().get("arguments");
        if (answers != null && !answers.isEmpty() && (arguments == null || arguments.isObject())) {
            com.fasterxml.jackson.databind.node.ObjectNode merged = arguments == null
                    ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    : ((com.fasterxml.jackson.databind.node.ObjectNode) arguments).deepCopy();
            answers.forEach(merged::put);
            arguments = merged;
        }
        Map<String, String> given = PromptArguments.validate(prompt, arguments,
                caller == null || caller.isAnonymous() ? null : caller.lastfmUser());
        Map<String, String> values = PromptArguments.withDefaults(prompt, given);
        List<McpSchema.PromptMessage> messages = prompt.messages().stream()
                .map(m -> new McpSchema.PromptMessage(m.role(), content(m, given, values)))
                .toList();
        return new McpSchema.GetPromptResult(prompt.prompt().description(), messages);
    }

    private static McpSchema.Content content(PromptDefinition.Message message, Map<String, String> given,
            Map<String, String> values) {
        if (message.image() != null) {
            return message.image();
        }
        if (message.resourceArgument() != null) {
            return new McpSchema.EmbeddedResource(null, new McpSchema.TextResourceContents(
                    values.get(message.resourceArgument()), message.resourceMimeType(), message.resourceText()));
        }
        return new McpSchema.TextContent(message.template().render(given, values));
    }

    /**
     * Whether prompts/get of {@code name} with {@code arguments} leaves out required arguments that nothing supplies
     * (a username is the signed-in user's), so the user could be asked for them; false for an unknown prompt.
     */
    public boolean asks(String name, JsonNode arguments, Caller caller) {
        PromptDefinition prompt = name == null ? null : prompts.get(name);
        return prompt != null && !missing(prompt, arguments, caller).isEmpty();
    }

    /** The required arguments of {@code prompt} that {@code arguments} leaves out and nothing supplies. */
    static List<PromptArgumentDefinition> missing(PromptDefinition prompt, JsonNode arguments, Caller caller) {
        String signedIn = caller == null || caller.isAnonymous() ? null : caller.lastfmUser();
        List<PromptArgumentDefinition> missing = new ArrayList<>();
        for (PromptArgumentDefinition argument : prompt.arguments()) {
            JsonNode value = arguments == null || !arguments.isObject() ? null : arguments.get(argument.name());
            boolean given = value != null && value.isTextual() && !value.textValue().isBlank();
            boolean supplied = argument.kind() == ArgumentKind.USERNAME && signedIn != null;
            if (argument.required() && !given && !supplied) {
                missing.add(argument);
            }
        }
        return missing;
    }

    /** The prompt called {@code name}; -32602 when there is none. */
    public PromptDefinition find(String name) {
        return prompt(name);
    }

    /** completion/complete of a prompt argument; -32602 for an unknown prompt or argument. */
    public ArgumentSpec argument(String promptName, String argumentName) {
        PromptDefinition prompt = prompt(promptName);
        PromptArgumentDefinition argument = prompt.argument(argumentName);
        if (argument == null) {
            throw JsonRpcException.invalidParams("The prompt " + prompt.name() + " has no argument '"
                                                 + JsonRpcException.echoed(argumentName)
                                                 + "' (its arguments: " + String.join(", ", prompt.argumentNames())
                                                 + ")");
        }
        return argument.spec();
    }

    private PromptDefinition prompt(String name) {
        if (name == null) {
            throw JsonRpcException.invalidParams("prompts/get needs params.name (see prompts/list)");
        }
        PromptDefinition prompt = prompts.get(name);
        if (prompt == null) {
            throw JsonRpcException.unknown("prompt", name, "prompts/list");
        }
        return prompt;
    }
}
