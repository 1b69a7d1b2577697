package dev.lastfmmcp.mcp;

import java.util.List;

/**
 * One completable argument: a prompt argument or a resource-template variable (or query parameter), its kind and,
 * for {@link ArgumentKind#CHOICE}, the values it may take.
 */
public record ArgumentSpec(String name, ArgumentKind kind, List<String> choices) {

    public ArgumentSpec {
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (kind == ArgumentKind.CHOICE && choices.isEmpty()) {
            throw new IllegalStateException("argument " + name + " is a choice without values");
        }
    }

    public static ArgumentSpec of(String name, ArgumentKind kind) {
        return new ArgumentSpec(name, kind, List.of());
    }

    public static ArgumentSpec choice(String name, List<String> choices) {
        return new ArgumentSpec(name, ArgumentKind.CHOICE, choices);
    }
}
