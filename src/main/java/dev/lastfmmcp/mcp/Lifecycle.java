package dev.lastfmmcp.mcp;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Variable;

/** initialize, ping and logging/setLevel. */
public class Lifecycle {

    public static final String SESSION_HEADER = "Mcp-Session-Id";

    private final SessionStore sessions;
    private final ServerIdentity identity;
    private final String instructions;
    private final ObjectMapper mapper;
    private final int maxCapabilitiesChars;

    public Lifecycle(SessionStore sessions, ServerIdentity identity, String instructions, ObjectMapper mapper) {
        this(sessions, identity, instructions, mapper, 4096);
    }

    /** @param maxCapabilitiesChars most of the client's capabilities (as JSON) a session keeps */
    public Lifecycle(SessionStore sessions, ServerIdentity identity, String instructions, ObjectMapper mapper,
            int maxCapabilitiesChars) {
        this.sessions = sessions;
        this.identity = identity;
        this.instructions = instructions;
        this.mapper = mapper;
        this.maxCapabilitiesChars = maxCapabilitiesChars;
    }

    /** Negotiates the version, opens a session and answers with what this server is and can do. */
    public McpSchema.InitializeResult initialize(@Variable("call") McpCall call, @Variable("mcp") McpRequest request) {
        ObjectNode params = call.getParams();
        JsonNode requested = params == null ? null : params.get("protocolVersion");
        if (requested == null || !requested.isTextual()) {
            throw JsonRpcException.invalidParams("initialize needs params.protocolVersion (a string such as \""
                                                 + ProtocolVersions.LATEST + "\")");
        }
        String version = ProtocolVersions.negotiate(requested.textValue());
        JsonNode clientInfo = params.path("clientInfo");
        Map<String, Object> clientCapabilities = ClientCapabilities.bounded(params.get("capabilities"),
                maxCapabilitiesChars, mapper);
        String clientName = ClientCapabilities.info(clientInfo, "name");
        String clientVersion = ClientCapabilities.info(clientInfo, "version");
        Session session;
        if (request.isLegacy()) {
            // the legacy transport's session exists since GET /sse; initialize negotiates on it
            Session open = request.getSession();
            session = new Session(open.id(), version, clientName, clientVersion, clientCapabilities, open.createdAt(), open.logLevel(),
                    request.getCaller().credentialHash());
            sessions.save(session);
        } else {
            session = sessions.create(version, clientName, clientVersion, clientCapabilities,
                    request.getClientAddress(), request.getCaller().credentialHash());
            request.reply().putHeader(SESSION_HEADER, session.id());
        }
        request.bind(session, version);
        return new McpSchema.InitializeResult(version, Capabilities.server(version), identity.implementation(),
                instructions);
    }

    public Map<String, Object> ping() {
        return Map.of();
    }

    /** Stores the session's minimum level for {@code notifications/message}. */
    public Map<String, Object> setLevel(@Variable("call") McpCall call, @Variable("mcp") McpRequest request) {
        String name = call.param("level");
        LogLevel level = LogLevel.fromWire(name);
        if (level == null) {
            throw JsonRpcException.invalidParams("Invalid log level: " + (name == null ? "(missing)" : name)
                                                 + "; use one of " + Arrays.stream(LogLevel.values())
                                                         .map(LogLevel::wireName).collect(Collectors.joining(", ")));
        }
        Session session = request.getSession().withLogLevel(level.wireName());
        sessions.save(session);
        request.setSession(session);
        return Map.of();
    }
}
