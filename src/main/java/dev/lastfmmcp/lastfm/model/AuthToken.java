package dev.lastfmmcp.lastfm.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An unauthorised request token from auth.getToken, valid for 60 minutes. Secret: {@link #toString()} hides it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthToken(String token) {

    @Override
    public String toString() {
        return "AuthToken[token=***]";
    }
}
