package dev.lastfmmcp.lastfm.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A ranked page of artists, for a user, a tag, a country or the global chart (whichever was queried).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TopArtists(String user, String tag, String country, Page page, List<RankedArtist> artists) {

    public TopArtists {
        artists = artists == null ? List.of() : List.copyOf(artists);
    }
}
