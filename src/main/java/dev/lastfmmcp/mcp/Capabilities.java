package dev.lastfmmcp.mcp;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * What this server declares in {@code initialize}, and nothing more: a method of an undeclared capability is answered
 * with -32601. Change this only together with the routes that implement the capability.
 */
public final class Capabilities {

    private Capabilities() {
    }

    /** What a session that negotiated the latest protocol version is told (also the server card's list). */
    public static McpSchema.ServerCapabilities server() {
        return server(ProtocolVersions.LATEST);
    }

    /**
     * What a session speaking {@code version} is told. The {@code completions} capability exists from 2025-03-26;
     * a 2024-11-05 session is not sent it, yet {@code completion/complete} (part of that revision without a
     * capability) is still answered.
     */
    public static McpSchema.ServerCapabilities server(String version) {
        boolean declaresCompletions = ProtocolVersions.atLeast(version, ProtocolVersions.V2025_03_26);
        return new McpSchema.ServerCapabilities(
                declaresCompletions ? new McpSchema.ServerCapabilities.CompletionCapabilities() : null,
                null, // experimental
                new McpSchema.ServerCapabilities.LoggingCapabilities(),
                new McpSchema.ServerCapabilities.PromptCapabilities(false),
                new McpSchema.ServerCapabilities.ResourceCapabilities(true, false), // subscribe: stream/Subscriptions
                new McpSchema.ServerCapabilities.ToolCapabilities(false));
    }

    /**
     * What {@code server/discover} declares for the stateless era (2026-07-28): the same features; {@code subscribe}
     * only when {@code subscriptions/listen} serves resource subscriptions.
     */
    public static McpSchema.ServerCapabilities stateless(boolean resourceSubscriptions) {
        return new McpSchema.ServerCapabilities(
                new McpSchema.ServerCapabilities.CompletionCapabilities(),
                null, // experimental
                new McpSchema.ServerCapabilities.LoggingCapabilities(),
                new McpSchema.ServerCapabilities.PromptCapabilities(false),
                new McpSchema.ServerCapabilities.ResourceCapabilities(resourceSubscriptions, false),
                new McpSchema.ServerCapabilities.ToolCapabilities(false));
    }
}
