package dev.lastfmmcp.lastfm.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An artist.search result.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArtistHit(String name, String mbid, String url, Long listeners, String imageUrl) {
}
