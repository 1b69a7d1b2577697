package dev.lastfmmcp.prompts;

import java.util.List;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * One entry of {@code mcp/prompts.yaml}: the MCP prompt as {@code prompts/list} shows it, its argument rules, and the
 * templates of the messages {@code prompts/get} returns.
 */
public record PromptDefinition(McpSchema.Prompt prompt, List<PromptArgumentDefinition> arguments,
        List<Message> messages) {

    /**
     * A message and the role it is sent as: a text template, or (catalogue keys {@code image}, {@code resource}) an
     * image or an embedded resource whose URI is the value of an argument.
     *
     * @param template         the text, or null for an image or a resource
     * @param image            the image, or null
     * @param resourceArgument the argument whose value is the embedded resource's URI, or null
     * @param resourceMimeType the embedded resource's mime type, or null
     * @param resourceText     the embedded resource's text, or null
     */
    public record Message(McpSchema.Role role, PromptTemplate template, McpSchema.ImageContent image,
            String resourceArgument, String resourceMimeType, String resourceText) {

        public Message(McpSchema.Role role, PromptTemplate template) {
            this(role, template, null, null, null, null);
        }
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
