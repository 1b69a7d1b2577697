package dev.lastfmmcp.lastfm.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A track (track.getInfo): duration in seconds, global counts, the user's counts when a username was given, top tags
 * and wiki.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackInfo(String name, String mbid, String url, ArtistRef artist, AlbumRef album, Integer durationSeconds,
        Long listeners, Long playcount, Long userPlaycount, Boolean userLoved, List<Tag> topTags, Wiki wiki) {

    public TrackInfo {
        topTags = topTags == null ? List.of() : List.copyOf(topTags);
    }
}
