package dev.lastfmmcp.lastfm.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An artist (artist.getInfo): global counts, the user's playcount when a username was given, similar artists, tags and
 * bio.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArtistInfo(String name, String mbid, String url, String imageUrl, Boolean onTour, Long listeners,
        Long playcount, Long userPlaycount, List<ArtistRef> similar, List<Tag> tags, Wiki bio) {

    public ArtistInfo {
        similar = similar == null ? List.of() : List.copyOf(similar);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
