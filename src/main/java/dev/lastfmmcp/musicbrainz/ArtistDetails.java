package dev.lastfmmcp.musicbrainz;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A MusicBrainz artist: kind, country and area, life-span dates as given ("1964", "1977-12-31"), official homepage,
 * genres and other tags (most voted first), and the disambiguation comment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArtistDetails(String mbid, String name, String type, String country, String area, String begin,
        String end, Boolean ended, String homepage, List<String> genres, List<String> tags, String disambiguation) {

    public ArtistDetails {
        genres = genres == null ? List.of() : List.copyOf(genres);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
