package dev.lastfmmcp.lastfm.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Tracks similar to one by {@code artist}, most similar first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimilarTracks(String artist, List<SimilarTrack> tracks) {

    public SimilarTracks {
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }
}
