package dev.lastfmmcp.config;

import dev.lastfmmcp.edge.HttpServerCheck;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server says about itself on start: a warning for each configuration problem an operator should fix (no
 * Last.fm API key, a placeholder instead of one) and, last, one line saying where it is ready. Never a secret value.
 */
public final class StartupReport {

    /** The registry name {@code Application} looks this up by once Camel Main has started. */
    public static final String BEAN = "startupReport";

    private static final Logger LOG = LoggerFactory.getLogger("dev.lastfmmcp.Application");

    /** Last.fm API keys are 32 hexadecimal characters. */
    private static final Pattern API_KEY = Pattern.compile("[0-9a-f]{32}");
    /** What people paste from examples instead of a key: "...", "your-api-key", "<key>", "changeme", "xxxx". */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\.\\.\\.|\u2026|^<.*>$|^\\$\\{.*}$|your|change[-_ ]?me|example|placeholder|replace|^x+$|^(api[-_ ]?key|"
            + "key|secret|todo|tbd|none|null|test|dummy|fake)$");

    private final String bindHost;

    public StartupReport(String bindHost) {
        this.bindHost = bindHost;
    }

    /** Why the configured API key cannot work, if it cannot; the sentence never contains the key. */
    public static Optional<String> apiKeyProblem(String apiKey) {
        String key = apiKey == null ? "" : apiKey.trim();
        if (key.isEmpty()) {
            return Optional.of("LASTFM_API_KEY is not set: the server runs, but every tool that needs Last.fm answers"
                               + " that no API key is configured. Get a key at"
                               + " https://www.last.fm/api/account/create and set LASTFM_API_KEY.");
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (PLACEHOLDER.matcher(lower).find()) {
            return Optional.of("LASTFM_API_KEY looks like a placeholder, not a key: Last.fm will refuse every call"
                               + " (error 10). Set it to the 32-character key from"
                               + " https://www.last.fm/api/accounts.");
        }
        if (!API_KEY.matcher(lower).matches()) {
            return Optional.of("LASTFM_API_KEY does not look like a Last.fm API key (32 hexadecimal characters; this"
                               + " value has " + key.length() + "): Last.fm will probably refuse it (error 10).");
        }
        return Optional.empty();
    }

    /** Logs the configuration warnings (at WARN), before the routes start. */
    public void warnAboutConfiguration(String apiKey) {
        apiKeyProblem(apiKey).ifPresent(LOG::warn);
    }

    /**
     * The one line that ends a normal start: where clients connect and what else is served.
     *
     * @param host the address the server is bound to ({@code camel.server.host})
     * @param port the port it listens on
     */
    public static String readyLine(String host, int port) {
        String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        String base = "http://" + shown + ":" + port;
        return "Last.fm MCP server ready at " + base + "/mcp (Streamable HTTP; legacy SSE at /sse, landing page at /,"
               + " health at /health, server card at /.well-known/mcp.json)";
    }

    /** Logs {@link #readyLine} for the port the server really listens on. */
    public void ready(CamelContext context) {
        LOG.info(readyLine(bindHost, HttpServerCheck.listeningPort(context)));
    }
}
