package dev.lastfmmcp.oauth;

import java.util.Set;

/**
 * What a live access token stands for: the sign-in it was issued from (its id, to find the user and the Last.fm
 * session key), the client, the scopes and the token family (one authorization and its refreshes).
 */
public record Grant(String signInId, String clientId, String clientName, Set<String> scopes, String family) {

    public boolean allows(String scope) {
        return scopes.contains(scope);
    }

    @Override
    public String toString() {
        return "Grant[" + clientName + " " + scopes + "]";
    }
}
