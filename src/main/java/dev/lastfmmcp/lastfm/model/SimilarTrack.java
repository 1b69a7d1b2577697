package dev.lastfmmcp.lastfm.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A track similar to the queried one, with its similarity as a fraction 0..1.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimilarTrack(String name, String mbid, String url, ArtistRef artist, Double match, Long playcount,
        Integer durationSeconds, String imageUrl) {
}
