package dev.lastfmmcp.lastfm.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A user's recent tracks, newest first; a now-playing track comes first and is not counted in the page totals.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecentTracks(String user, Page page, List<RecentTrack> tracks) {

    public RecentTracks {
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }
}
