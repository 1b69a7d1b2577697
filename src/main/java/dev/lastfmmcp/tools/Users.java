package dev.lastfmmcp.tools;

import dev.lastfmmcp.jsonrpc.ToolException;
import java.util.regex.Pattern;

import dev.lastfmmcp.mcp.Caller;

/**
 * Which Last.fm user a personal tool is about: the {@code username} argument, or the signed-in user when it is left
 * out. Every personal tool reads its user here.
 */
public final class Users {

    /**
     * Last.fm's rule for usernames: a letter, then letters, digits, {@code _} or {@code -}, at most 15 in all (sign-up
     * asks for at least 2, but early accounts such as "e" have one).
     */
    public static final Pattern VALID_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,14}");

    private Users() {
    }

    /** Whether {@code name} can be a Last.fm username. */
    public static boolean isValidName(String name) {
        return name != null && VALID_NAME.matcher(name).matches();
    }

    /** The signed-in user of the caller, or null when no one is signed in. */
    public static String signedIn(Caller caller) {
        return caller == null || caller.isAnonymous() ? null : caller.lastfmUser();
    }

    public static String username(Args args, Caller request) {
        String given = args.text("username");
        if (given != null) {
            return given;
        }
        String signedIn = signedIn(request);
        if (signedIn != null) {
            return signedIn;
        }
        throw new ToolException("A Last.fm username is needed: pass username=\"<their Last.fm name>\" (the name "
                                + "in https://www.last.fm/user/<name>), or sign in with Last.fm so it defaults to "
                                + "you (lastfm_auth_status gives the sign-in link).");
    }
}
