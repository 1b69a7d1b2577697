package dev.lastfmmcp.oauth;

/**
 * An OAuth error answer (RFC 6749 §5.2, RFC 7591 §3.2.2, RFC 7009): the HTTP status, the registered error code and a
 * sentence for the developer. The description never repeats a secret the client sent.
 */
public class OAuthError extends RuntimeException {

    private final int status;
    private final String error;

    public OAuthError(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    public static OAuthError invalidClientMetadata(String description) {
        return new OAuthError(400, "invalid_client_metadata", description);
    }

    public static OAuthError invalidRedirectUri(String description) {
        return new OAuthError(400, "invalid_redirect_uri", description);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
