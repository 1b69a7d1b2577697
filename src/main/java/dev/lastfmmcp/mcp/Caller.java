package dev.lastfmmcp.mcp;

import java.time.Instant;

import dev.lastfmmcp.signin.SignIn;
import dev.lastfmmcp.upstream.LastfmAccount;

/**
 * Who makes a request: anonymous, or a Last.fm user signed in through the personal MCP URL ({@code ?session_id=}) or
 * (next) OAuth. Tools read the user from here, never from the transport. The session key is for signed Last.fm calls
 * only and never printed.
 *
 * @param oauthClient    an OAuth caller's client, by name (what people read)
 * @param oauthClientId  an OAuth caller's client id (what audit records and rate limits key on)
 * @param via            {@code session-url} or {@code oauth}; null when anonymous
 * @param since          when the sign-in was made
 * @param credentialHash the fingerprint of the credential (sign-in id or token) audit records carry
 * @param scopes         an OAuth caller's scopes (empty otherwise)
 * @param signInKey      the sign-in's store key ({@code SignIn.storeKey}), by which it is marked invalid when
 *                       Last.fm rejects its session key; null when anonymous or known by name only
 */
public record Caller(String lastfmUser, String oauthClient, String oauthClientId, String via, Instant since,
        String credentialHash, String lastfmSessionKey, java.util.Set<String> scopes, String signInKey)
        implements LastfmAccount {

    public static final Caller ANONYMOUS = new Caller(null, null, null, null, null, null, java.util.Set.of());

    /** A caller without a sign-in store key or an OAuth client id. */
    public Caller(String lastfmUser, String oauthClient, String via, Instant since, String credentialHash,
            String lastfmSessionKey, java.util.Set<String> scopes) {
        this(lastfmUser, oauthClient, null, via, since, credentialHash, lastfmSessionKey, scopes, null);
    }

    /** A user known by name only (no session key; tests and a default user). */
    public static Caller lastfmUser(String user) {
        return user == null || McpRequest.ANONYMOUS.equals(user) ? ANONYMOUS
                : new Caller(user, null, null, null, null, null, java.util.Set.of());
    }

    /** The caller of a request made with a live sign-in. */
    public static Caller signedIn(SignIn signIn) {
        return new Caller(signIn.user(), null, null, signIn.via(), signIn.createdAt(), signIn.hash(),
                signIn.sessionKey(), java.util.Set.of(), signIn.storeKey());
    }

    /**
     * The caller of a request with a live OAuth access token: the sign-in it was issued from (its hash, stable across
     * refreshes, owns the MCP sessions), the client (name and id) and the token's scopes.
     */
    public static Caller oauth(SignIn signIn, String clientName, String clientId, java.util.Set<String> scopes) {
        return new Caller(signIn.user(), clientName, clientId, "oauth", signIn.createdAt(), signIn.hash(),
                signIn.sessionKey(), java.util.Set.copyOf(scopes), signIn.storeKey());
    }

    public boolean isAnonymous() {
        return lastfmUser == null;
    }

    /** The name audit records and logs use: the Last.fm user or {@value McpRequest#ANONYMOUS}. */
    public String name() {
        return lastfmUser == null ? McpRequest.ANONYMOUS : lastfmUser;
    }

    @Override
    public String toString() {
        return isAnonymous() ? "Caller[anonymous]" : "Caller[" + lastfmUser + " via " + via + "]";
    }
}
