package dev.lastfmmcp.musicbrainz;

/**
 * What a tool asks MusicBrainz for (exchange variable {@code musicbrainz}): an artist (by MBID, or by name when
 * Last.fm has none) or an album's release group (by release MBID, or by title and artist).
 */
public record MusicBrainzRequest(Kind kind, String mbid, String name, String artist) {

    /** Only a UUID is kept as the MBID ({@link Mbid}); anything else is treated as no MBID. */
    public MusicBrainzRequest {
        mbid = Mbid.valid(mbid);
    }

    public enum Kind {
        ARTIST, RELEASE_GROUP
    }

    public static MusicBrainzRequest artist(String mbid, String name) {
        return new MusicBrainzRequest(Kind.ARTIST, mbid, name, null);
    }

    public static MusicBrainzRequest album(String releaseMbid, String title, String artist) {
        return new MusicBrainzRequest(Kind.RELEASE_GROUP, releaseMbid, title, artist);
    }

    public String cacheKey() {
        return kind + "|" + (mbid != null ? mbid : (name + "|" + artist).toLowerCase(java.util.Locale.ROOT));
    }
}
