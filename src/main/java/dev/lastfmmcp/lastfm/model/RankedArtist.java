package dev.lastfmmcp.lastfm.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An artist in a ranked list (top artists, charts), with its 1-based rank and the counts the method gives.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RankedArtist(int rank, String name, String mbid, String url, Long playcount, Long listeners,
        String imageUrl) {
}
