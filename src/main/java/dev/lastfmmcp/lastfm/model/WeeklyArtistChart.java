package dev.lastfmmcp.lastfm.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A user's artist chart for one week.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WeeklyArtistChart(String user, Instant from, Instant to, List<RankedArtist> artists) {

    public WeeklyArtistChart {
        artists = artists == null ? List.of() : List.copyOf(artists);
    }
}
