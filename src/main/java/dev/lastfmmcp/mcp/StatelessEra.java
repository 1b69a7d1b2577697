package dev.lastfmmcp.mcp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import org.apache.camel.Header;
import org.apache.camel.Variable;

/**
 * The 2026-07-28 era beside the 2025 one on the same endpoint. The opening request decides: {@code initialize} (or
 * any request of a session) is the 2025 era as before; a request without a session that speaks 2026-07-28 (its
 * {@code MCP-Protocol-Version} header, or the {@code _meta} protocol version in its params) is served statelessly.
 * Its checks, in the order the revision gives them: the {@code _meta} (-32602), the headers against the body
 * (-32020), the version (-32022 with the supported list), all answered 400. Then {@code server/discover}.
 */
public class StatelessEra {

    public static final String META = "_meta";
    public static final String META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    public static final String META_CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    public static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    public static final String META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";
    public static final String METHOD_HEADER = "Mcp-Method";
    public static final String NAME_HEADER = "Mcp-Name";
    /** The route choice's value for a stateless request. */
    public static final String STATELESS = "stateless";
    /** ... and for a 2025-era one. */
    public static final String SESSION = "session";

    private static final String BASE64_PREFIX = "=?base64?";
    private static final String BASE64_SUFFIX = "?=";

    private final ObjectMapper mapper;
    private final String instructions;
    private final int maxCapabilitiesChars;

    /** @param maxCapabilitiesChars most of the client's capabilities (as JSON) a request keeps */
    public StatelessEra(ObjectMapper mapper, String instructions, int maxCapabilitiesChars) {
        this.mapper = mapper;
        this.instructions = instructions;
        this.maxCapabilitiesChars = maxCapabilitiesChars;
    }

    /**
     * {@value #STATELESS} or {@value #SESSION}. A session's request, a legacy HTTP+SSE POST, a batch and an
     * {@code initialize} without the 2026 {@code _meta} belong to the 2025 era.
     */
    public String era(@Variable("mcp") McpRequest request, @Header(Lifecycle.SESSION_HEADER) String sessionId,
            @Header(McpHttp.VERSION_HEADER) String versionHeader) {
        if (request.isLegacy() || request.isBatch() || (sessionId != null && !sessionId.isEmpty())) {
            return SESSION;
        }
        JsonNode message = request.getMessage();
        boolean modernMeta = message != null && message.path("params").path(META).has(META_PROTOCOL_VERSION);
        if (modernMeta) {
            return STATELESS;
        }
        boolean initialize = message != null && "initialize".equals(message.path("method").asText(null));
        return !initialize && ProtocolVersions.V2026_07_28.equals(versionHeader) ? STATELESS : SESSION;
    }

    /**
     * Checks a stateless request and binds its {@code _meta} to the request context; a failed check is a 400 with
     * the revision's error code.
     */
    public void admit(@Variable("mcp") McpRequest request, @Header(McpHttp.VERSION_HEADER) String versionHeader,
            @Header(METHOD_HEADER) String methodHeader, @Header(NAME_HEADER) String nameHeader) {
        JsonNode message = request.getMessage();
        JsonNode meta = message.path("params").path(META);
        if (!meta.isObject()) {
            throw invalidMeta("params._meta is missing; a 2026-07-28 request carries " + META_PROTOCOL_VERSION
                              + " and " + META_CLIENT_CAPABILITIES + " in it");
        }
        JsonNode version = meta.get(META_PROTOCOL_VERSION);
        if (version == null || !version.isTextual()) {
            throw invalidMeta("params._meta needs " + META_PROTOCOL_VERSION + " (a string such as \""
                              + ProtocolVersions.V2026_07_28 + "\")");
        }
        JsonNode capabilities = meta.get(META_CLIENT_CAPABILITIES);
        if (capabilities == null || !capabilities.isObject()) {
            throw invalidMeta("params._meta needs " + META_CLIENT_CAPABILITIES + " (an object, {} for none)");
        }
        if (!version.textValue().equals(versionHeader)) {
            throw headerMismatch("the MCP-Protocol-Version header (" + shown(versionHeader)
                                 + ") differs from params._meta's " + META_PROTOCOL_VERSION + " ("
                                 + shown(version.textValue()) + ")");
        }
        if (!ProtocolVersions.V2026_07_28.equals(version.textValue())) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("supported", ProtocolVersions.ALL);
            data.put("requested", version.textValue());
            throw new McpHttpException(400, JsonRpcErrors.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol "
                    + "version: " + shown(version.textValue()) + " (supported: " + String.join(", ",
                    ProtocolVersions.ALL) + "; the 2025 versions start with initialize)", Map.of(), data);
        }
        String method = message.path("method").asText(null);
        if (methodHeader == null || !methodHeader.equals(method)) {
            throw headerMismatch("the Mcp-Method header (" + shown(methodHeader) + ") differs from the method ("
                                 + shown(method) + ")");
        }
        String name = nameOf(method, message.path("params"));
        if (name != null && !name.equals(decodeName(nameHeader))) {
            throw headerMismatch("the Mcp-Name header (" + shown(nameHeader) + ") differs from the "
                                 + ("resources/read".equals(method) ? "params.uri" : "params.name"));
        }
        LogLevel logLevel = null;
        JsonNode level = meta.get(META_LOG_LEVEL);
        if (level != null) {
            logLevel = level.isTextual() ? LogLevel.fromWire(level.textValue()) : null;
            if (logLevel == null) {
                throw invalidMeta("params._meta's " + META_LOG_LEVEL + " must be one of debug, info, notice, "
                                  + "warning, error, critical, alert, emergency");
            }
        }
        JsonNode clientInfo = meta.path(META_CLIENT_INFO);
        ObjectNode declared = mapper.valueToTree(ClientCapabilities.bounded(capabilities, maxCapabilitiesChars, mapper));
        request.bindStateless(new StatelessRequest(version.textValue(), declared,
                ClientCapabilities.info(clientInfo, "name"), ClientCapabilities.info(clientInfo, "version"),
                logLevel));
    }

    /** server/discover: the versions, capabilities and instructions (resultType and cache hints are stamped on). */
    public Map<String, Object> discover() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("supportedVersions", ProtocolVersions.ALL);
        result.put("capabilities", Capabilities.stateless(true));
        result.put("instructions", instructions);
        return result;
    }

    /** The name the Mcp-Name header must repeat: params.name (tools/call, prompts/get) or params.uri (reads). */
    static String nameOf(String method, JsonNode params) {
        JsonNode value = switch (method == null ? "" : method) {
            case "tools/call", "prompts/get" -> params.get("name");
            case "resources/read" -> params.get("uri");
            default -> null;
        };
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** A header value as sent, or its {@code =?base64?…?=} form decoded (UTF-8, standard alphabet); null stays null. */
    static String decodeName(String header) {
        if (header == null || !header.startsWith(BASE64_PREFIX) || !header.endsWith(BASE64_SUFFIX)
            || header.length() < BASE64_PREFIX.length() + BASE64_SUFFIX.length()) {
            return header;
        }
        String payload = header.substring(BASE64_PREFIX.length(), header.length() - BASE64_SUFFIX.length());
        try {
            return new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not valid Base64: it cannot equal any name
            return null;
        }
    }

    private static String shown(String value) {
        return value == null ? "missing" : dev.lastfmmcp.jsonrpc.JsonRpcException.echoed(value);
    }

    private static McpHttpException invalidMeta(String why) {
        return new McpHttpException(400, JsonRpcErrors.INVALID_PARAMS, "Invalid params: " + why);
    }

    private static McpHttpException headerMismatch(String why) {
        return new McpHttpException(400, JsonRpcErrors.HEADER_MISMATCH, "Header mismatch: " + why);
    }
}
