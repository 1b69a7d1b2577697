package dev.lastfmmcp.prompts;

import java.util.List;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * One entry of {@code mcp/prompts.yaml}: the MCP prompt as {@code prompts/list} shows it, its argument rules, and the
 * templates of the messages {@code prompts/get} returns.
 */
public record PromptDefinition(McpSchema.Prompt prompt, List<PromptArgumentDefinition> arguments,
        List<Message> messages) {

    /** A message template and the role it is sent as. */
    public record Message(McpSchema.Role role, PromptTemplate template) {
    }

    public PromptDefinition {
        arguments = List.copyOf(arguments);
        messages = List.copyOf(messages);
    }

    public String name() {
        return prompt.name();
    }

    /** The argument called {@code name}, or null. */
    public PromptArgumentDefinition argument(String name) {
        return arguments.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }

    public List<String> argumentNames() {
        return arguments.stream().map(PromptArgumentDefinition::name).toList();
    }
}
