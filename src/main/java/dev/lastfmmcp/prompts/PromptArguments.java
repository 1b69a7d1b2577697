package dev.lastfmmcp.prompts;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.format.Markdown;
import dev.lastfmmcp.format.SafeText;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.mcp.ArgumentKind;
import dev.lastfmmcp.tools.Users;

/**
 * Checks the arguments of {@code prompts/get} (-32602 with a sentence saying what to fix): only declared names,
 * string values, required ones present (an empty string counts as left out), usernames by Last.fm's rule, names
 * without control characters and within Last.fm's lengths, choices from their list (case-insensitive, answered in
 * their own spelling).
 */
public final class PromptArguments {

    /** The longest artist, track or album name the tools take. */
    static final int MAX_NAME = 500;
    /** The longest genre (tag) the tools take. */
    static final int MAX_GENRE = 100;

    private PromptArguments() {
    }

    /** The arguments the client gave, validated and normalised (trimmed; choices in their declared spelling). */
    public static Map<String, String> validate(PromptDefinition prompt, JsonNode arguments) {
        return validate(prompt, arguments, null);
    }

    /** As above; a username argument left out is {@code signedInUser} (when someone is signed in). */
    public static Map<String, String> validate(PromptDefinition prompt, JsonNode arguments, String signedInUser) {
        if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
            throw invalid(prompt, "arguments must be an object of strings");
        }
        Map<String, String> given = new LinkedHashMap<>();
        if (arguments != null && arguments.isObject()) {
            arguments.fields().forEachRemaining(field -> {
                PromptArgumentDefinition argument = prompt.argument(field.getKey());
                if (argument == null) {
                    throw invalid(prompt, "it has no argument " + Markdown.quote(shorten(field.getKey()))
                                          + " (its arguments: " + String.join(", ", prompt.argumentNames()) + ")");
                }
                if (!field.getValue().isTextual()) {
                    throw invalid(prompt, "the argument " + argument.name() + " must be a string");
                }
                String value = field.getValue().textValue().strip();
                if (!value.isEmpty()) {
                    given.put(argument.name(), check(prompt, argument, value));
                }
            });
        }
        for (PromptArgumentDefinition argument : prompt.arguments()) {
            if (argument.kind() == ArgumentKind.USERNAME && signedInUser != null) {
                given.putIfAbsent(argument.name(), signedInUser);
            }
            if (argument.required() && !given.containsKey(argument.name())) {
                throw invalid(prompt, "the argument " + argument.name() + " is required"
                        + (argument.kind() == ArgumentKind.USERNAME
                        ? " unless signed in with Last.fm (lastfm_auth_status gives the sign-in link)" : ""));
            }
        }
        return given;
    }

    /** The given values plus the defaults of the ones left out. */
    public static Map<String, String> withDefaults(PromptDefinition prompt, Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        for (PromptArgumentDefinition argument : prompt.arguments()) {
            String value = given.getOrDefault(argument.name(), argument.defaultValue());
            if (value != null) {
                values.put(argument.name(), value);
            }
        }
        return values;
    }

    static String check(PromptDefinition prompt, PromptArgumentDefinition argument, String value) {
        String forbidden = SafeText.firstForbidden(value);
        if (forbidden != null) {
            throw invalid(prompt, "the argument " + argument.name() + " contains the control character " + forbidden);
        }
        switch (argument.kind()) {
            case USERNAME -> {
                if (!Users.isValidName(value)) {
                    throw invalid(prompt, Markdown.quote(shorten(value)) + " is not a Last.fm username (a letter, "
                                          + "then letters, digits, _ or -, at most 15 characters)");
                }
            }
            case CHOICE -> {
                for (String choice : argument.choices()) {
                    if (choice.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                        return choice;
                    }
                }
                throw invalid(prompt, Markdown.quote(shorten(value)) + " is not a valid " + argument.name()
                                      + ": use one of " + String.join(", ", argument.choices()));
            }
            case GENRE -> length(prompt, argument, value, MAX_GENRE);
            default -> length(prompt, argument, value, MAX_NAME);
        }
        return value;
    }

    private static void length(PromptDefinition prompt, PromptArgumentDefinition argument, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            throw invalid(prompt, "the argument " + argument.name() + " is longer than " + max + " characters");
        }
    }

    private static String shorten(String value) {
        return SafeText.clip(value, 60);
    }

    private static JsonRpcException invalid(PromptDefinition prompt, String problem) {
        return JsonRpcException.invalidParams("Invalid arguments for prompt " + prompt.name() + ": " + problem
                                              + " (see prompts/list).");
    }
}
