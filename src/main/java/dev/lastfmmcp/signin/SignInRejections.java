package dev.lastfmmcp.signin;

import java.util.Optional;
import java.util.function.Supplier;

import dev.lastfmmcp.upstream.LastfmAccount;
import dev.lastfmmcp.upstream.RejectedSignIns;

/**
 * Last.fm rejected a signed-in user's session key (error 9): their sign-in is marked invalid in the store
 * ({@link SignIns#invalidate}), so the personal MCP URL or the OAuth tokens made from it stop working at once (the
 * next request is a 401 that says to sign in again), and the answer of the call that found out says how.
 */
public class SignInRejections implements RejectedSignIns {

    private final SignIns signIns;
    private final Supplier<String> loginUrl;

    /** @param loginUrl where to sign in ({@code /login}), or a supplier of null when sign-in is not configured */
    public SignInRejections(SignIns signIns, Supplier<String> loginUrl) {
        this.signIns = signIns;
        this.loginUrl = loginUrl;
    }

    @Override
    public String rejected(LastfmAccount account) {
        Optional<String> via = signIns.invalidate(account.signInKey());
        String whose = account.lastfmUser() == null ? "this" : account.lastfmUser() + "'s";
        String what = "Last.fm no longer accepts " + whose + " sign-in (error 9, invalid session key: access was "
                      + "probably revoked in the Last.fm settings), so this server has marked the sign-in invalid "
                      + "and it no longer works. ";
        if (via.isPresent() && SignIn.VIA_OAUTH.equals(via.get())) {
            return what + "Sign in again through your MCP client: it asks you to authorize it with Last.fm again.";
        }
        String login = loginUrl == null ? null : loginUrl.get();
        return what + (login == null ? "Sign in to Last.fm again."
                : "Sign in again at " + login + " and use the new personal MCP URL it shows.");
    }
}
