package dev.lastfmmcp.prompts;

import java.util.List;

import dev.lastfmmcp.mcp.ArgumentKind;
import dev.lastfmmcp.mcp.ArgumentSpec;

/**
 * One argument of a prompt as {@code mcp/prompts.yaml} declares it: whether it is required, what it names (its
 * {@code kind}, or the {@code enum} of values it takes) and the value used when it is left out.
 */
public record PromptArgumentDefinition(String name, boolean required, ArgumentKind kind, List<String> choices,
        String defaultValue) {

    public PromptArgumentDefinition {
        choices = List.copyOf(choices);
        if (defaultValue != null && kind == ArgumentKind.CHOICE && !choices.contains(defaultValue)) {
            throw new IllegalStateException("the default of " + name + " is not one of its values");
        }
    }

    /** The argument as completion sees it. */
    public ArgumentSpec spec() {
        return new ArgumentSpec(name, kind, choices);
    }
}
