package dev.lastfmmcp.tools;

import java.util.Map;

import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.oauth.BearerChallenge;
import dev.lastfmmcp.oauth.Scopes;
import org.apache.camel.Variable;

/**
 * The OAuth scope a tool call needs: {@code lastfm:write} for a tool that is not read-only (its annotations say
 * {@code readOnlyHint: false}), {@code lastfm:read} for every other. Only OAuth callers carry scopes; a call
 * whose token lacks the scope is HTTP 403 with {@code WWW-Authenticate: Bearer error="insufficient_scope"} (the
 * step-up of MCP authorization 2025-11-25) and a JSON-RPC error that names the scope.
 */
public class ToolScopes {

    private final BearerChallenge challenge;

    public ToolScopes(BearerChallenge challenge) {
        this.challenge = challenge;
    }

    public static String needed(ToolDefinition tool) {
        var annotations = tool.tool().annotations();
        boolean readOnly = annotations == null || annotations.readOnlyHint() == null || annotations.readOnlyHint();
        return readOnly ? Scopes.READ : Scopes.WRITE;
    }

    public void check(@Variable("tool") ToolDefinition tool, @Variable("mcp") McpRequest request) {
        Caller caller = request.getCaller();
        if (!"oauth".equals(caller.via()) || caller.oauthClient() == null) {
            return;
        }
        String scope = needed(tool);
        if (!caller.scopes().contains(scope)) {
            throw new McpHttpException(403, JsonRpcErrors.UNAUTHORIZED, "Forbidden: the tool " + tool.name()
                    + " needs the OAuth scope " + scope + ", which this access token was not granted; authorize "
                    + "again asking for scope " + scope, Map.of("WWW-Authenticate",
                    challenge.insufficientScope(scope)));
        }
    }
}
