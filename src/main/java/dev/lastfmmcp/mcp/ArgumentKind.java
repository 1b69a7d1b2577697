package dev.lastfmmcp.mcp;

import java.util.Locale;

/**
 * What a prompt argument or a resource-template variable names, which decides how its values are checked and
 * completed: a Last.fm user, an artist, a track, an album, a genre (tag), one of a fixed set of choices, or anything
 * else (no completion).
 */
public enum ArgumentKind {
    USERNAME,
    ARTIST,
    TRACK,
    ALBUM,
    GENRE,
    CHOICE,
    NONE;

    /** The kind a catalogue names ({@code kind: artist}); -> IllegalStateException for an unknown word. */
    public static ArgumentKind named(String word) {
        try {
            return valueOf(word.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unknown argument kind '" + word + "'");
        }
    }

    /** The kind of a resource-template variable, from its name ({@code {artist}}, {@code {username}}, ...). */
    public static ArgumentKind ofVariable(String name) {
        return switch (name) {
            case "username" -> USERNAME;
            case "artist" -> ARTIST;
            case "track" -> TRACK;
            case "album" -> ALBUM;
            case "genre", "tag" -> GENRE;
            default -> NONE;
        };
    }
}
