package dev.lastfmmcp.signin;

import java.time.Instant;

/**
 * A live sign-in as the server uses it: the Last.fm user, their session key (decrypted, never printed), how they
 * signed in, when, and the fingerprint that audit records carry instead of the id.
 *
 * @param via      {@code session-url} (web sign-in, personal MCP URL) or {@code oauth}
 * @param hash     the sign-in id's fingerprint (16 hex digits)
 * @param storeKey the sign-in's key in the store (the id's whole SHA-256: names the entry, cannot be used to sign
 *                 in), so the sign-in can be marked invalid when Last.fm rejects its session key; null when unknown
 */
public record SignIn(String user, String sessionKey, String via, Instant createdAt, Instant lastUsedAt, String hash,
        String storeKey) {

    public static final String VIA_SESSION_URL = "session-url";
    public static final String VIA_OAUTH = "oauth";

    /** A sign-in without its store key (it cannot be marked invalid). */
    public SignIn(String user, String sessionKey, String via, Instant createdAt, Instant lastUsedAt, String hash) {
        this(user, sessionKey, via, createdAt, lastUsedAt, hash, null);
    }

    @Override
    public String toString() {
        return "SignIn[" + user + " via " + via + " since " + createdAt + ", " + hash + "]";
    }
}
