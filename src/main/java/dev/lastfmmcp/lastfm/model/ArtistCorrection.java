package dev.lastfmmcp.lastfm.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The name Last.fm would correct an artist name to (artist.getCorrection); {@code artist} is absent when there is none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArtistCorrection(ArtistRef artist) {
}
