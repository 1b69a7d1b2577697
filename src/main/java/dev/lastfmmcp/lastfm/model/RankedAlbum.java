package dev.lastfmmcp.lastfm.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An album in a ranked list (top albums, weekly album chart), with its 1-based rank.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RankedAlbum(int rank, String name, String mbid, String url, ArtistRef artist, Long playcount,
        String imageUrl) {
}
