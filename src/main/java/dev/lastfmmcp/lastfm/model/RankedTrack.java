package dev.lastfmmcp.lastfm.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A track in a ranked list (top tracks, charts), with its 1-based rank and duration in seconds when known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RankedTrack(int rank, String name, String mbid, String url, ArtistRef artist, Long playcount,
        Long listeners, Integer durationSeconds, String imageUrl) {
}
