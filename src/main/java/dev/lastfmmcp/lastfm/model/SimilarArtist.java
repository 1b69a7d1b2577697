package dev.lastfmmcp.lastfm.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An artist similar to the queried one, with its similarity as a fraction 0..1.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimilarArtist(String name, String mbid, String url, Double match, String imageUrl) {
}
