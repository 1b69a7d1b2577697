package dev.lastfmmcp.lastfm.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A web-service session from auth.getSession. The key is a secret: keep it out of logs and tool results
 * ({@link #toString()} hides it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Session(String name, String key, boolean subscriber) {

    @Override
    public String toString() {
        return "Session[name=" + name + ", key=***, subscriber=" + subscriber + "]";
    }
}
