package dev.lastfmmcp.lastfm.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A ranked page of tracks, for a user, an artist, a tag, a country or the global chart (whichever was queried).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TopTracks(String user, String artist, String tag, String country, Page page, List<RankedTrack> tracks) {

    public TopTracks {
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }
}
