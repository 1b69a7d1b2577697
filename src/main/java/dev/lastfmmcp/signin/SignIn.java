package dev.lastfmmcp.signin;

import java.time.Instant;

/**
 * A live sign-in as the server uses it: the Last.fm user, their session key (decrypted, never printed), how they
 * signed in, when, and the fingerprint that audit records carry instead of the id.
 *
 * @param via  {@code session-url} (web sign-in, personal MCP URL) or {@code oauth}
 * @param hash the sign-in id's fingerprint (16 hex digits)
 */
public record SignIn(String user, String sessionKey, String via, Instant createdAt, Instant lastUsedAt, String hash) {

    public static final String VIA_SESSION_URL = "session-url";

    @Override
    public String toString() {
        return "SignIn[" + user + " via " + via + " since " + createdAt + ", " + hash + "]";
    }
}
