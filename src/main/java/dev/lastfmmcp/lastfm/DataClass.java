package dev.lastfmmcp.lastfm;

import java.util.Locale;

/** How long a Last.fm answer may be served from cache, by the kind of data it is. */
public enum DataClass {
    /** user.getRecentTracks, and user.getFriends with {@code recenttracks=1}: change with every scrobble. */
    RECENT,
    /** user.getLovedTracks. */
    LOVED,
    /** user.getTop*, user.getFriends (without recent tracks). */
    TOP,
    /** user.getInfo. */
    USER,
    /** info, weekly charts, artist/tag/chart/geo lists, search. */
    REFERENCE,
    /** artist.getSimilar, track.getSimilar. */
    SIMILAR,
    /** auth.* and write methods: never cached. */
    UNCACHED;

    public static DataClass of(LastfmRequest request) {
        if (request.isAuth() || request.isWrite()) {
            return UNCACHED;
        }
        String method = request.method().toLowerCase(Locale.ROOT);
        if (method.equals("user.getrecenttracks")
            || (method.equals("user.getfriends") && "1".equals(request.param("recenttracks")))) {
            return RECENT;
        }
        if (method.equals("user.getlovedtracks")) {
            return LOVED;
        }
        if (method.startsWith("user.gettop") || method.equals("user.getfriends")) {
            return TOP;
        }
        if (method.equals("user.getinfo")) {
            return USER;
        }
        if (method.endsWith(".getsimilar")) {
            return SIMILAR;
        }
        return REFERENCE;
    }
}
