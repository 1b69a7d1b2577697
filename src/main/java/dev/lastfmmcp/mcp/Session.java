package dev.lastfmmcp.mcp;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One MCP session as stored in the {@code mcp-sessions} cache (as JSON, so a clustered or remote cache can share
 * it). {@code signIn} is the fingerprint of the sign-in that started the session (null when anonymous): every later
 * request must come with the same sign-in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Session(
        String id,
        String protocolVersion,
        String clientName,
        String clientVersion,
        Map<String, Object> clientCapabilities,
        Instant createdAt,
        String logLevel,
        String signIn) {

    public Session withLogLevel(String level) {
        return new Session(id, protocolVersion, clientName, clientVersion, clientCapabilities, createdAt, level, signIn);
    }

    public Session withSignIn(String signInHash) {
        return new Session(id, protocolVersion, clientName, clientVersion, clientCapabilities, createdAt, logLevel,
                signInHash);
    }
}
