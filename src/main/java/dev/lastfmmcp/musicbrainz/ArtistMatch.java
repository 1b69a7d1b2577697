package dev.lastfmmcp.musicbrainz;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The MusicBrainz artist a name search confidently resolved to, with its search score (0..100). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArtistMatch(String mbid, String name, int score, String type, String country, String disambiguation) {
}
