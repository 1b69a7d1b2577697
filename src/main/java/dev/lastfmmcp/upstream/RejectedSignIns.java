package dev.lastfmmcp.upstream;

/**
 * What happens when Last.fm rejects the session key of a signed-in account (error 9, "Invalid session key": the user
 * revoked this application's access, or Last.fm expired the key): the sign-in side marks that sign-in invalid, so it
 * stops working at once, and says how to sign in again. A port: the Last.fm client knows nothing of sign-in.
 */
@FunctionalInterface
public interface RejectedSignIns {

    /** Marks {@code account}'s sign-in invalid; the sentence that tells its user what happened and how to sign in again. */
    String rejected(LastfmAccount account);
}
