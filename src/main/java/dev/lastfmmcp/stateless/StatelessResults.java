package dev.lastfmmcp.stateless;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.lastfm.DataClass;
import dev.lastfmmcp.lastfm.LastfmCall;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.ServedData;
import dev.lastfmmcp.mcp.ServerIdentity;
import io.modelcontextprotocol.spec.McpSchema;
import dev.lastfmmcp.jsonrpc.InputRequiredException;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;

/**
 * What every 2026-07-28 result carries: {@code resultType} ({@code complete} unless the handler said otherwise),
 * the server's identity in {@code _meta}, and on discover, lists and reads the cache hints {@code ttlMs} and
 * {@code cacheScope}. The hints come from the Last.fm cache's TTLs by data class: catalogue data (the tool, prompt
 * and template lists, discover) is {@code public} for the reference TTL; a read is as fresh as the shortest-lived
 * Last.fm answer behind it, and {@code private} when it was the caller's own data (read with their session key);
 * the resource list of a signed-in caller is theirs ({@code private}, the user TTL).
 */
public class StatelessResults {

    public static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    public static final String COMPLETE = "complete";
    public static final String INPUT_REQUIRED = "input_required";

    /** The methods whose result is a CacheableResult. */
    static final Set<String> CATALOGUE = Set.of("server/discover", "tools/list", "prompts/list",
            "resources/templates/list");

    private final ObjectMapper mapper;
    private final ServerIdentity identity;
    private final Map<DataClass, Duration> ttls;

    public StatelessResults(ObjectMapper mapper, ServerIdentity identity, Map<DataClass, Duration> ttls) {
        this.mapper = mapper;
        this.identity = identity;
        this.ttls = Map.copyOf(ttls);
    }

    /** Route step after each Last.fm call's preparation: records its data class on the request (no-op outside one). */
    public void served(@Variable("mcp") McpRequest request, @Variable("lastfmCall") LastfmCall call) {
        if (request != null && call != null) {
            request.served().add(ttl(call.dataClass()), call.request().sessionKey() != null);
        }
    }

    /** An {@code input_required} result: what the client must answer, and the state its retry echoes. */
    public ObjectNode inputRequired(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) InputRequiredException required,
            @Variable("call") McpCall call) {
        call.setOutcome(INPUT_REQUIRED);
        ObjectNode result = mapper.createObjectNode();
        result.put("resultType", INPUT_REQUIRED);
        result.set("inputRequests", mapper.valueToTree(required.inputRequests()));
        if (required.requestState() != null) {
            result.put("requestState", required.requestState());
        }
        return result;
    }

    /** The result with resultType, serverInfo and (where the revision asks for them) the cache hints. */
    public ObjectNode stamp(@Body Object result, @Variable("call") McpCall call, @Variable("mcp") McpRequest request) {
        if (result instanceof McpSchema.CallToolResult toolResult && Boolean.TRUE.equals(toolResult.isError())) {
            call.setOutcome("isError");
        }
        ObjectNode stamped = result == null ? mapper.createObjectNode() : mapper.valueToTree(result);
        if (!stamped.hasNonNull("resultType")) {
            stamped.put("resultType", COMPLETE);
        }
        ObjectNode meta = stamped.has("_meta") && stamped.get("_meta").isObject() ? (ObjectNode) stamped.get("_meta")
                : stamped.putObject("_meta");
        meta.set(META_SERVER_INFO, mapper.valueToTree(Map.of("name", identity.name(), "version",
                identity.version())));
        if (COMPLETE.equals(stamped.path("resultType").asText())) {
            Hint hint = hint(call.getMethod(), request);
            if (hint != null) {
                stamped.put("ttlMs", hint.ttl().toMillis());
                stamped.put("cacheScope", hint.scope());
            }
        }
        return stamped;
    }

    /** ttlMs and cacheScope for a method's result, or null when its result carries none. */
    public record Hint(Duration ttl, String scope) {
    }

    Hint hint(String method, McpRequest request) {
        if (CATALOGUE.contains(method)) {
            return new Hint(ttl(DataClass.REFERENCE), "public");
        }
        if ("resources/list".equals(method)) {
            return !request.getCaller().isAnonymous() ? new Hint(ttl(DataClass.USER), "private")
                    : new Hint(ttl(DataClass.REFERENCE), "public");
        }
        if ("resources/read".equals(method)) {
            ServedData served = request.served();
            Duration shortest = served.shortest() == null ? ttl(DataClass.REFERENCE) : served.shortest();
            return new Hint(shortest, served.own() ? "private" : "public");
        }
        return null;
    }

    private Duration ttl(DataClass dataClass) {
        return ttls.getOrDefault(dataClass, Duration.ZERO);
    }
}
