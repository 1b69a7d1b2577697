package dev.lastfmmcp.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.edge.HttpServerCheck;
import org.apache.camel.CamelContext;

/** A plain HTTP client for protocol tests: sends exactly the bytes and headers a test wants. */
public class RawMcp {

    public static final ObjectMapper JSON = AppConfiguration.objectMapper();
    public static final String ACCEPT_BOTH = "application/json, text/event-stream";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String path;

    public RawMcp(String base) {
        this(base, "/mcp");
    }

    /** A client of another MCP path, such as a personal {@code /mcp?session_id=} URL. */
    public RawMcp(String base, String path) {
        this.base = base;
        this.path = path;
    }

    public static RawMcp of(CamelContext context) {
        return new RawMcp("http://127.0.0.1:" + HttpServerCheck.listeningPort(context));
    }

    public String base() {
        return base;
    }

    public record Reply(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public Reply send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                request.header(name, value);
            }
        });
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> responseHeaders.put(k.toLowerCase(), String.join(",", v)));
            return new Reply(response.statusCode(), responseHeaders, response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** POST /mcp with the headers a well-behaved client sends, plus {@code extra}. */
    public Reply post(String body, String sessionId, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", ACCEPT_BOTH);
        if (sessionId != null) {
            headers.put("Mcp-Session-Id", sessionId);
        }
        headers.putAll(extra);
        return send("POST", path, body, headers);
    }

    public Reply post(String body, String sessionId) {
        return post(body, sessionId, Map.of());
    }

    /** initialize + notifications/initialized; returns the session id. */
    public String initialize(String version) {
        Reply reply = post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                           + version + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw-test\","
                           + "\"version\":\"1\"}}}", null);
        if (reply.status() != 200) {
            throw new AssertionError("initialize failed: " + reply);
        }
        String session = reply.header("Mcp-Session-Id");
        post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session);
        return session;
    }

    /** A request on a session; returns the JSON-RPC response. */
    public JsonNode request(String sessionId, Object id, String method, String paramsJson) {
        String idJson = id instanceof String s ? "\"" + s + "\"" : String.valueOf(id);
        Reply reply = post("{\"jsonrpc\":\"2.0\",\"id\":" + idJson + ",\"method\":\"" + method + "\""
                           + (paramsJson == null ? "" : ",\"params\":" + paramsJson) + "}", sessionId);
        return reply.json();
    }

    /** tools/call; returns the result (or the error response when there is no result). */
    public JsonNode callTool(String sessionId, String tool, String argumentsJson) {
        JsonNode response = request(sessionId, 1, "tools/call", "{\"name\":\"" + tool + "\""
                                                                + (argumentsJson == null ? ""
                                                                        : ",\"arguments\":" + argumentsJson) + "}");
        return response.has("result") ? response.get("result") : response;
    }

    /** The {@code _meta} of a 2026-07-28 request with the given client capabilities (JSON). */
    public static ObjectNode statelessMeta(String capabilitiesJson) {
        ObjectNode meta = JSON.createObjectNode();
        meta.put("io.modelcontextprotocol/protocolVersion", "2026-07-28");
        try {
            meta.set("io.modelcontextprotocol/clientCapabilities", JSON.readTree(capabilitiesJson));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        meta.putObject("io.modelcontextprotocol/clientInfo").put("name", "raw-test").put("version", "1");
        return meta;
    }

    /**
     * A 2026-07-28 (stateless) request as a conformant client sends it: no session, the {@code _meta} in the params
     * (unless they have one), MCP-Protocol-Version, Mcp-Method and Mcp-Name headers; {@code extra} overrides them.
     */
    public Reply stateless(Object id, String method, String paramsJson, Map<String, String> extra) {
        ObjectNode params;
        try {
            params = paramsJson == null ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(paramsJson);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        if (!params.has("_meta")) {
            params.set("_meta", statelessMeta("{}"));
        }
        ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0");
        message.set("id", JSON.valueToTree(id));
        message.put("method", method);
        message.set("params", params);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("MCP-Protocol-Version", "2026-07-28");
        headers.put("Mcp-Method", method);
        String name = method.equals("resources/read") ? params.path("uri").asText(null)
                : params.path("name").asText(null);
        if (name != null && (method.equals("tools/call") || method.equals("prompts/get")
                             || method.equals("resources/read"))) {
            boolean plain = name.chars().allMatch(c -> c >= 0x20 && c <= 0x7e) && name.strip().equals(name);
            headers.put("Mcp-Name", plain ? name : "=?base64?" + java.util.Base64.getEncoder()
                    .encodeToString(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "?=");
        }
        headers.putAll(extra);
        return post(message.toString(), null, headers);
    }

    public Reply stateless(Object id, String method, String paramsJson) {
        return stateless(id, method, paramsJson, Map.of());
    }
}
