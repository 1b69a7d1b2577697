package dev.lastfmmcp.lastfm.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The album a track appears on (track.getInfo), with the track's 1-based position on it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlbumRef(String title, String artist, String mbid, String url, Integer position, String imageUrl) {
}
