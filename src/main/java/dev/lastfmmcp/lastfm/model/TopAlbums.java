package dev.lastfmmcp.lastfm.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A ranked page of albums, for a user, an artist or a tag (whichever was queried).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TopAlbums(String user, String artist, String tag, Page page, List<RankedAlbum> albums) {

    public TopAlbums {
        albums = albums == null ? List.of() : List.copyOf(albums);
    }
}
