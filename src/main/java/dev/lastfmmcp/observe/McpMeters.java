package dev.lastfmmcp.observe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Variable;

/**
 * The MCP side's meters, recorded once per exchange from its request context, first thing in the audit route (off the
 * request thread): requests by method and outcome with a latency histogram, tool calls by tool and outcome, resource
 * reads by template, HTTP rejections by status.
 *
 * <p>No label takes a raw client value: a method outside MCP's list is {@code other}, a tool not in the catalogue
 * {@code unknown}, a resource read is labelled by the URI template it fits (never the URI), outcomes are classes.
 * Meters are created once per label set and kept.
 */
public class McpMeters {

    /** The methods MCP defines (2024-11-05 … 2025-11-25), the labels a request's method may take. */
    static final Set<String> METHODS = Set.of("initialize", "ping", "tools/list", "tools/call", "resources/list",
            "resources/templates/list", "resources/read", "resources/subscribe", "resources/unsubscribe",
            "prompts/list", "prompts/get", "completion/complete", "logging/setLevel", "notifications/initialized",
            "notifications/cancelled", "notifications/progress", "notifications/roots/list_changed");

    /** The outcome of a call the rate limits refused (ratelimit.RateLimits: JSON-RPC error -32000). */
    static final String RATE_LIMITED = "error:-32000";
    private static final String RATE_LIMIT_REJECTIONS = "mcp.rate.limit.rejections";
    private static final String RATE_LIMIT_DESCRIPTION = "Requests refused by the per-user, per-credential or "
            + "per-address rate limits (MCP_RATE_LIMIT_PER_MINUTE, _PER_HOUR), by method";

    private final MeterRegistry registry;
    private final Set<String> tools;
    private final Function<String, String> templateOf;
    private final Map<String, Timer> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /**
     * @param tools      the catalogue's tool names
     * @param templateOf the URI template a resource URI fits, or null
     */
    public McpMeters(MeterRegistry registry, Set<String> tools, Function<String, String> templateOf) {
        this.registry = registry;
        this.tools = Set.copyOf(tools);
        this.templateOf = templateOf;
        // the methods the rate limits count, registered up front (the rejection alerts read them)
        for (String method : List.of("tools/call", "resources/read", "prompts/get", "completion/complete")) {
            counter(RATE_LIMIT_REJECTIONS, RATE_LIMIT_DESCRIPTION, "method", method, null, null);
        }
    }

    /** The audit route's first step. */
    public void record(@Variable("mcp") McpRequest request) {
        List<McpCall> calls = request.audit().getCalls();
        String rejection = request.audit().getRejection();
        String outcome = rejection != null ? "rejected" : outcome(request, calls);
        String method = method(request, calls);
        long nanos = Math.max(0, request.audit().getLatencyNanos());
        requests.computeIfAbsent(method + '\u0000' + outcome, key -> Timer.builder("mcp.requests")
                .tag("method", method).tag("outcome", outcome)
                .description("MCP exchanges by JSON-RPC method and outcome, from arrival to reply")
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
                        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        if (rejection != null) {
            String status = Integer.toString(request.reply().getStatus());
            count("mcp.http.rejections", "HTTP-level rejections (before or instead of a JSON-RPC answer) by status",
                    "status", status, null, null);
        }
        for (McpCall call : calls) {
            if (RATE_LIMITED.equals(call.getOutcome())) {
                String limited = METHODS.contains(call.getMethod()) ? call.getMethod() : "other";
                count(RATE_LIMIT_REJECTIONS, RATE_LIMIT_DESCRIPTION, "method", limited, null, null);
            }
            if ("tools/call".equals(call.getMethod())) {
                String tool = call.getName() != null && tools.contains(call.getName()) ? call.getName() : "unknown";
                count("mcp.tool.calls", "tools/call by tool and outcome (ok, isError, error, cancelled)",
                        "tool", tool, "outcome", outcomeClass(call.getOutcome()));
            } else if ("resources/read".equals(call.getMethod())) {
                String template = templateOf.apply(call.getName());
                count("mcp.resource.reads", "resources/read by URI template and outcome",
                        "template", template == null ? "none" : template, "outcome",
                        outcomeClass(call.getOutcome()));
            }
        }
    }

    private void count(String name, String description, String key1, String value1, String key2, String value2) {
        counter(name, description, key1, value1, key2, value2).increment();
    }

    private Counter counter(String name, String description, String key1, String value1, String key2,
            String value2) {
        String id = name + '\u0000' + value1 + '\u0000' + value2;
        return counters.computeIfAbsent(id, k -> {
            Counter.Builder builder = Counter.builder(name).description(description).tag(key1, value1);
            if (key2 != null) {
                builder.tag(key2, value2);
            }
            return builder.register(registry);
        });
    }

    static String method(McpRequest request, List<McpCall> calls) {
        if (request.isBatch()) {
            return "batch";
        }
        String method = null;
        if (!calls.isEmpty()) {
            method = calls.get(0).getMethod();
            if (method == null) {
                return "response";
            }
        } else if (request.getMessage() != null) {
            method = request.getMessage().path("method").asText(null);
        } else if (request.audit().getLabel() != null) {
            return label(request.audit().getLabel());
        }
        if (method == null) {
            return "none";
        }
        return METHODS.contains(method) ? method : "other";
    }

    private static String label(String label) {
        // set by this server's code ("stream", "sse" ...), short words only
        return label.length() <= 20 && label.chars().allMatch(c -> c >= 'a' && c <= 'z' || c == '-') ? label
                : "other";
    }

    static String outcome(McpRequest request, List<McpCall> calls) {
        if (request.isBatch()) {
            return calls.stream().allMatch(c -> "ok".equals(c.getOutcome())) ? "ok" : "partial";
        }
        return calls.isEmpty() ? "ok" : outcomeClass(calls.get(0).getOutcome());
    }

    /** ok, isError, cancelled, error (any JSON-RPC error code). */
    static String outcomeClass(String outcome) {
        if (outcome == null) {
            return "ok";
        }
        if (outcome.startsWith("error")) {
            return "error";
        }
        return switch (outcome) {
            case "ok", "isError", "cancelled" -> outcome;
            default -> "other";
        };
    }
}
