package dev.lastfmmcp.lastfm.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A track a user loved, and when.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LovedTrack(String name, String mbid, String url, ArtistRef artist, String imageUrl, Instant lovedAt) {
}
