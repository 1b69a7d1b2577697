package dev.lastfmmcp.mcp;

/**
 * Who makes a request: anonymous for now; a signed-in Last.fm user (web sign-in) and an OAuth client come with
 * sign-in. Tools read the user from here, never from the transport.
 */
public record Caller(String lastfmUser, String oauthClient) {

    public static final Caller ANONYMOUS = new Caller(null, null);

    /** A signed-in Last.fm user; null (or the placeholder name {@value McpRequest#ANONYMOUS}) is no one. */
    public static Caller lastfmUser(String user) {
        return user == null || McpRequest.ANONYMOUS.equals(user) ? ANONYMOUS : new Caller(user, null);
    }

    public boolean isAnonymous() {
        return lastfmUser == null;
    }

    /** The name audit records and logs use: the Last.fm user or {@value McpRequest#ANONYMOUS}. */
    public String name() {
        return lastfmUser == null ? McpRequest.ANONYMOUS : lastfmUser;
    }
}
