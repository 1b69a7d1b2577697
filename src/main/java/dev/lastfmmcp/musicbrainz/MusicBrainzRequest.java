package dev.lastfmmcp.musicbrainz;

/**
 * What a tool asks MusicBrainz for (exchange variable {@code musicbrainz}): an artist (by MBID, or by name when
 * Last.fm has none) or an album's release group (by release MBID, or by title and artist).
 */
public record MusicBrainzRequest(Kind kind, String mbid, String name, String artist) {

    public enum Kind {
        ARTIST, RELEASE_GROUP
    }

    public static MusicBrainzRequest artist(String mbid, String name) {
        return new MusicBrainzRequest(Kind.ARTIST, blankToNull(mbid), name, null);
    }

    public static MusicBrainzRequest album(String releaseMbid, String title, String artist) {
        return new MusicBrainzRequest(Kind.RELEASE_GROUP, blankToNull(releaseMbid), title, artist);
    }

    public String cacheKey() {
        return kind + "|" + (mbid != null ? mbid : (name + "|" + artist).toLowerCase(java.util.Locale.ROOT));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
