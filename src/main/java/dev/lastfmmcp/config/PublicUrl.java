package dev.lastfmmcp.config;

import java.util.function.IntSupplier;

/** The URL clients reach this server at: PUBLIC_BASE_URL, or http://localhost:&lt;listening port&gt;. */
public class PublicUrl {

    private final String configured;
    private final IntSupplier port;

    public PublicUrl(String configured, IntSupplier port) {
        this.configured = configured == null ? "" : configured.trim();
        this.port = port;
    }

    public String base() {
        if (!configured.isEmpty()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return "http://localhost:" + port.getAsInt();
    }

    public String mcpEndpoint() {
        return base() + "/mcp";
    }
}
