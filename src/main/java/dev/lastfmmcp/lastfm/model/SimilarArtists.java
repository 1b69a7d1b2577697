package dev.lastfmmcp.lastfm.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Artists similar to {@code artist}, most similar first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimilarArtists(String artist, List<SimilarArtist> artists) {

    public SimilarArtists {
        artists = artists == null ? List.of() : List.copyOf(artists);
    }
}
