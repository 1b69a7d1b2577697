package dev.lastfmmcp.config;

import java.util.function.IntSupplier;

/**
 * The URL clients reach this server at: PUBLIC_BASE_URL, or http://&lt;bind host&gt;:&lt;listening port&gt; (the
 * address the server really listens on; 127.0.0.1 when it is bound to every address).
 */
public class PublicUrl {

    private final String configured;
    private final String host;
    private final IntSupplier port;

    public PublicUrl(String configured, String bindHost, IntSupplier port) {
        this.configured = configured == null ? "" : configured.trim();
        this.host = shownHost(bindHost);
        this.port = port;
    }

    static String shownHost(String bindHost) {
        String host = bindHost == null ? "" : bindHost.trim();
        if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    public String base() {
        if (!configured.isEmpty()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return "http://" + host + ":" + port.getAsInt();
    }

    public String mcpEndpoint() {
        return base() + "/mcp";
    }
}
