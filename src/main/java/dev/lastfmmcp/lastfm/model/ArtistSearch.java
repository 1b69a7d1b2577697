package dev.lastfmmcp.lastfm.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A page of artist.search results.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArtistSearch(String query, Page page, List<ArtistHit> artists) {

    public ArtistSearch {
        artists = artists == null ? List.of() : List.copyOf(artists);
    }
}
