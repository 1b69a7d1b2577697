package dev.lastfmmcp.musicbrainz;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * MusicBrainz identifiers are UUIDs. An MBID comes from Last.fm's answers or from MusicBrainz's own, and goes into a
 * MusicBrainz URL path, so anything else ({@code ../../2.0/x}, {@code @evil.example/x}, a blank) is no MBID at all:
 * the caller then falls back to a name search.
 */
public final class Mbid {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Mbid() {
    }

    /** The MBID in canonical (lower-case) form, or null when {@code value} is not a UUID. */
    public static String valid(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return UUID.matcher(trimmed).matches() ? trimmed.toLowerCase(Locale.ROOT) : null;
    }
}
