package dev.lastfmmcp.mcp;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * What this server declares in {@code initialize}, and nothing more: a method of an undeclared capability is answered
 * with -32601. Change this only together with the routes that implement the capability.
 */
public final class Capabilities {

    private Capabilities() {
    }

    public static McpSchema.ServerCapabilities server() {
        return new McpSchema.ServerCapabilities(
                new McpSchema.ServerCapabilities.CompletionCapabilities(),
                null, // experimental
                new McpSchema.ServerCapabilities.LoggingCapabilities(),
                new McpSchema.ServerCapabilities.PromptCapabilities(false),
                new McpSchema.ServerCapabilities.ResourceCapabilities(true, false), // subscribe: stream/Subscriptions
                new McpSchema.ServerCapabilities.ToolCapabilities(false));
    }
}
