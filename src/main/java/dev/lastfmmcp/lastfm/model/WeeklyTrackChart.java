package dev.lastfmmcp.lastfm.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A user's track chart for one week.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WeeklyTrackChart(String user, Instant from, Instant to, List<RankedTrack> tracks) {

    public WeeklyTrackChart {
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }
}
