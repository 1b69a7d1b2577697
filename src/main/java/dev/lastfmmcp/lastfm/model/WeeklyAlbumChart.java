package dev.lastfmmcp.lastfm.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A user's album chart for one week.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WeeklyAlbumChart(String user, Instant from, Instant to, List<RankedAlbum> albums) {

    public WeeklyAlbumChart {
        albums = albums == null ? List.of() : List.copyOf(albums);
    }
}
