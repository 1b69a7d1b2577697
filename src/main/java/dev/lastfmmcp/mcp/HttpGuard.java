package dev.lastfmmcp.mcp;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import org.apache.camel.Header;

/**
 * The HTTP checks every MCP request passes before its body is read: Origin (403), Host against DNS rebinding (403),
 * Content-Type (415) and Accept (406). Plain values in, exceptions out.
 */
public class HttpGuard {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Set<String> allowedOrigins;
    private final boolean anyOrigin;
    private final Set<String> allowedHosts;
    private final boolean checkHosts;

    /**
     * @param allowedOrigins origins allowed besides localhost ones ({@code scheme://host[:port]}; {@code *} for any)
     * @param allowedHosts   Host header values allowed besides loopback names (host or host:port)
     * @param loopbackBound  the server listens on a loopback address only, so foreign Host headers are rejected
     */
    public HttpGuard(List<String> allowedOrigins, List<String> allowedHosts, boolean loopbackBound) {
        Set<String> origins = new LinkedHashSet<>();
        boolean any = false;
        for (String origin : allowedOrigins) {
            String o = origin.trim();
            if (o.equals("*")) {
                any = true;
            } else if (!o.isEmpty()) {
                origins.add(normaliseOrigin(o));
            }
        }
        this.allowedOrigins = Set.copyOf(origins);
        this.anyOrigin = any;
        Set<String> hosts = new LinkedHashSet<>();
        for (String host : allowedHosts) {
            if (!host.isBlank()) {
                hosts.add(host.trim().toLowerCase(Locale.ROOT));
            }
        }
        for (String origin : origins) {
            String authority = URI.create(origin).getRawAuthority();
            if (authority != null) {
                hosts.add(authority.toLowerCase(Locale.ROOT));
                hosts.add(hostOnly(authority.toLowerCase(Locale.ROOT)));
            }
        }
        this.allowedHosts = Set.copyOf(hosts);
        this.checkHosts = loopbackBound || !allowedHosts.stream().allMatch(String::isBlank);
    }

    public static boolean isLoopbackAddress(String bindHost) {
        return bindHost != null && (LOOPBACK_HOSTS.contains(bindHost.toLowerCase(Locale.ROOT))
                || bindHost.startsWith("127."));
    }

    /** No Origin (a non-browser client) passes; a browser origin must be localhost or on the allow-list. */
    public void checkOrigin(@Header("Origin") String origin) {
        if (origin == null || origin.isEmpty() || anyOrigin) {
            return;
        }
        if (!isAllowedOrigin(origin)) {
            throw new McpHttpException(403, JsonRpcErrors.INVALID_REQUEST,
                    "Forbidden: origin " + origin + " is not allowed (set MCP_ALLOWED_ORIGINS to allow it)");
        }
    }

    public boolean isAllowedOrigin(String origin) {
        if (anyOrigin) {
            return true;
        }
        URI uri;
        try {
            uri = URI.create(origin.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String scheme = uri.getScheme();
        if (scheme == null || uri.getHost() == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return false;
        }
        if (LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return allowedOrigins.contains(normaliseOrigin(origin.trim()));
    }

    /** When bound to loopback, the Host header must name this machine (or an allowed host): DNS rebinding. */
    public void checkHost(@Header("Host") String host) {
        if (!checkHosts || host == null || host.isEmpty()) {
            return;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (LOOPBACK_HOSTS.contains(hostOnly(h)) || allowedHosts.contains(h) || allowedHosts.contains(hostOnly(h))) {
            return;
        }
        throw new McpHttpException(403, JsonRpcErrors.INVALID_REQUEST,
                "Forbidden: host " + host + " is not allowed (set MCP_ALLOWED_HOSTS to allow it)");
    }

    public void checkContentType(@Header("Content-Type") String contentType) {
        if (contentType == null || !mediaType(contentType).equals("application/json")) {
            throw new McpHttpException(415, JsonRpcErrors.INVALID_REQUEST,
                    "Unsupported Media Type: POST bodies must be Content-Type: application/json");
        }
    }

    /**
     * Which reply the client accepts: JSON when it takes application/json (or sends no Accept), otherwise an event
     * stream when it takes text/event-stream, otherwise 406.
     */
    public ReplyMode checkAccept(@Header("Accept") String accept) {
        if (accept == null || accept.isBlank()) {
            return ReplyMode.JSON;
        }
        boolean json = false;
        boolean sse = false;
        for (String range : accept.split(",")) {
            String type = mediaType(range);
            switch (type) {
                case "application/json", "application/*", "*/*" -> json = true;
                case "text/event-stream" -> sse = true;
                default -> {
                }
            }
        }
        if (json) {
            return ReplyMode.JSON;
        }
        if (sse) {
            return ReplyMode.SSE;
        }
        throw new McpHttpException(406, JsonRpcErrors.INVALID_REQUEST,
                "Not Acceptable: the client must accept application/json and text/event-stream");
    }

    /** True when the Accept header lists text/event-stream (an SSE reply is possible). */
    public static boolean acceptsEventStream(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            if (mediaType(range).equals("text/event-stream")) {
                return true;
            }
        }
        return false;
    }

    static String mediaType(String value) {
        int semicolon = value.indexOf(';');
        String type = semicolon >= 0 ? value.substring(0, semicolon) : value;
        return type.trim().toLowerCase(Locale.ROOT);
    }

    private static String normaliseOrigin(String origin) {
        String o = origin.toLowerCase(Locale.ROOT);
        while (o.endsWith("/")) {
            o = o.substring(0, o.length() - 1);
        }
        return o;
    }

    private static String hostOnly(String hostAndPort) {
        if (hostAndPort.startsWith("[")) {
            int end = hostAndPort.indexOf(']');
            return end > 0 ? hostAndPort.substring(0, end + 1) : hostAndPort;
        }
        int colon = hostAndPort.lastIndexOf(':');
        return colon > 0 && hostAndPort.indexOf(':') == colon ? hostAndPort.substring(0, colon) : hostAndPort;
    }

    /** Splits a comma-separated property value into trimmed, non-empty items. */
    public static List<String> list(String csv) {
        List<String> items = new ArrayList<>();
        if (csv != null) {
            for (String item : csv.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }
}
