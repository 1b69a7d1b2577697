package dev.lastfmmcp.observe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.function.Function;

/**
 * {@code /observe/audit} (records), {@code /observe/audit/summary} and {@code /observe/audit/export} (JSON lines) on
 * the management server, behind a bearer token ({@code MCP_ADMIN_TOKEN}); none of them exists without one (404).
 */
public final class AuditEndpoints {

    private AuditEndpoints() {
    }

    /** The endpoints, or none when no token is configured. */
    public static List<ManagementServer.Endpoint> of(String adminToken, AuditQuery query) {
        if (adminToken == null || adminToken.isBlank()) {
            return List.of();
        }
        byte[] expected = ("Bearer " + adminToken.trim()).getBytes(StandardCharsets.UTF_8);
        return List.of(
                new ManagementServer.Endpoint("/observe/audit", guarded(expected, filter ->
                        ManagementServer.Reply.json(200, query.list(filter)))),
                new ManagementServer.Endpoint("/observe/audit/summary", guarded(expected, filter ->
                        ManagementServer.Reply.json(200, query.summary(filter)))),
                new ManagementServer.Endpoint("/observe/audit/export", guarded(expected, filter ->
                        new ManagementServer.Reply(200, "application/x-ndjson", query.export(filter)))));
    }

    static Function<ManagementServer.Request, ManagementServer.Reply> guarded(byte[] expected,
            Function<AuditQuery.Filter, ManagementServer.Reply> answer) {
        return request -> {
            String given = request.header().apply("Authorization");
            if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                return ManagementServer.Reply.json(401, "{\"error\":\"a bearer token (MCP_ADMIN_TOKEN) is required\"}");
            }
            try {
                return answer.apply(AuditQuery.Filter.of(request.params()));
            } catch (AuditQuery.BadFilter e) {
                return ManagementServer.Reply.json(400, "{\"error\":\"" + e.getMessage().replace("\"", "'") + "\"}");
            }
        };
    }
}
