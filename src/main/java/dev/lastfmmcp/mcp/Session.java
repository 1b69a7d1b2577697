package dev.lastfmmcp.mcp;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One MCP session as stored in the {@code mcp-sessions} cache (as JSON, so a clustered or remote cache can share
 * it). {@code user} is null until sign-in exists; then it carries the signed-in Last.fm user.
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
        String user) {

    public Session withLogLevel(String level) {
        return new Session(id, protocolVersion, clientName, clientVersion, clientCapabilities, createdAt, level, user);
    }

    public Session withUser(String signedInUser) {
        return new Session(id, protocolVersion, clientName, clientVersion, clientCapabilities, createdAt, logLevel,
                signedInUser);
    }
}
