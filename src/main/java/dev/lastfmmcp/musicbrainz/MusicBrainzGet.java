package dev.lastfmmcp.musicbrainz;

/** One GET to MusicBrainz (exchange variable {@code mbGet}): the path under ws/2/ and the encoded query. */
public record MusicBrainzGet(String path, String query) {
}
