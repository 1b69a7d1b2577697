package dev.lastfmmcp.lastfm.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A track on an album's tracklist, with its 1-based position and duration in seconds when known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlbumTrack(int rank, String name, String url, Integer durationSeconds, ArtistRef artist) {
}
