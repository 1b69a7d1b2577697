package dev.lastfmmcp.oauth;

import java.util.function.Supplier;

/**
 * The {@code WWW-Authenticate} values of the resource server (RFC 6750 §3, RFC 9728 §5.1, MCP authorization
 * 2025-11-25): every challenge names the protected-resource metadata, so a client that meets a 401 or 403 finds the
 * authorization server from it.
 */
public class BearerChallenge {

    private final Supplier<String> metadataUrl;

    /** @param metadataUrl the URL of the protected-resource metadata */
    public BearerChallenge(Supplier<String> metadataUrl) {
        this.metadataUrl = metadataUrl;
    }

    /** No credential on a request that needs one: where to start, and the scope to ask for. */
    public String missing() {
        return "Bearer resource_metadata=\"" + metadataUrl.get() + "\", scope=\"" + Scopes.READ + "\"";
    }

    /** A bearer token that is unknown, expired, revoked or for another resource: the client refreshes. */
    public String invalidToken(String description) {
        return "Bearer error=\"invalid_token\", error_description=\"" + quoted(description)
               + "\", resource_metadata=\"" + metadataUrl.get() + "\"";
    }

    /** An {@code Authorization} header this server cannot read (another scheme, an empty token). */
    public String invalidRequest(String description) {
        return "Bearer error=\"invalid_request\", error_description=\"" + quoted(description)
               + "\", resource_metadata=\"" + metadataUrl.get() + "\"";
    }

    /** A valid token without the scope a call needs (the step-up of MCP authorization 2025-11-25). */
    public String insufficientScope(String scope) {
        return "Bearer error=\"insufficient_scope\", scope=\"" + quoted(scope) + "\", resource_metadata=\""
               + metadataUrl.get() + "\"";
    }

    /** A quoted-string value: no quote, backslash or control character (RFC 6750 limits them). */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            out.append(c == '"' || c == '\\' || c < 0x20 || c > 0x7e ? ' ' : c);
        }
        return out.toString();
    }
}
