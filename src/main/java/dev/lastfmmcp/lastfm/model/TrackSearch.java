package dev.lastfmmcp.lastfm.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A page of track.search results.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackSearch(String query, Page page, List<TrackHit> tracks) {

    public TrackSearch {
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }
}
