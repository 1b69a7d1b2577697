package dev.lastfmmcp.lastfm.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A user's loved tracks, most recently loved first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LovedTracks(String user, Page page, List<LovedTrack> tracks) {

    public LovedTracks {
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }
}
