package dev.lastfmmcp.oauth;

import java.time.Instant;
import java.util.List;

/**
 * A client known to the authorization server: registered (RFC 7591) or described by its Client ID Metadata
 * Document. {@code secretHash} is the SHA-256 of a confidential client's secret (null for a public client, whose
 * {@code authMethod} is {@code none}).
 */
public record RegisteredClient(String clientId, String clientName, List<String> redirectUris,
        List<String> grantTypes, String authMethod, String scope, String secretHash, Instant issuedAt, boolean used) {

    public boolean isPublic() {
        return "none".equals(authMethod);
    }

    /** A name to show on the consent page: the client's own, or its id. */
    public String displayName() {
        return clientName == null || clientName.isBlank() ? clientId : clientName;
    }
}
