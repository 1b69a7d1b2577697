package dev.lastfmmcp.oauth;

/** An authorization error that goes back to the client's (checked) redirect URI: {@code location} carries it. */
public class RedirectError extends RuntimeException {

    private final String location;

    public RedirectError(String location) {
        super("redirect", null, false, false);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
