package dev.lastfmmcp.lastfm.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A reference to an artist: name, MusicBrainz id and Last.fm URL (absent parts omitted).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArtistRef(String name, String mbid, String url) {
}
