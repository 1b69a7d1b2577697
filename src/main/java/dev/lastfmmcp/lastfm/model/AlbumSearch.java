package dev.lastfmmcp.lastfm.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A page of album.search results.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlbumSearch(String query, Page page, List<AlbumHit> albums) {

    public AlbumSearch {
        albums = albums == null ? List.of() : List.copyOf(albums);
    }
}
