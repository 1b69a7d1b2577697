package dev.lastfmmcp.lastfm.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An album.search result.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlbumHit(String name, String artist, String mbid, String url, String imageUrl) {
}
