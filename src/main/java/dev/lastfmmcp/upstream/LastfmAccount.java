package dev.lastfmmcp.upstream;

/**
 * The signed-in Last.fm account a call is made for (exchange variable {@code caller}), as the Last.fm client sees it:
 * calls about this user's own data are signed with the session key, so private history is readable to its owner. A
 * port, so the client knows nothing of sign-in or MCP.
 */
public interface LastfmAccount {

    /** The signed-in Last.fm username, or null for an anonymous caller. */
    String lastfmUser();

    /** The user's Last.fm session key, or null. */
    String lastfmSessionKey();

    /**
     * The store key of the sign-in this account comes from (not a credential), by which {@link RejectedSignIns} marks
     * it invalid; null when there is none.
     */
    default String signInKey() {
        return null;
    }
}
