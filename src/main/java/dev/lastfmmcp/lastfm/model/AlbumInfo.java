package dev.lastfmmcp.lastfm.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An album (album.getInfo): counts, the user's playcount when a username was given, tracklist, tags and wiki.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlbumInfo(String name, String artist, String mbid, String url, String imageUrl, Long listeners,
        Long playcount, Long userPlaycount, List<AlbumTrack> tracks, List<Tag> tags, Wiki wiki) {

    public AlbumInfo {
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
