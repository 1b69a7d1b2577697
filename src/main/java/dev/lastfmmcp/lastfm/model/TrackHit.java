package dev.lastfmmcp.lastfm.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A track.search result.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackHit(String name, String artist, String mbid, String url, Long listeners, String imageUrl) {
}
