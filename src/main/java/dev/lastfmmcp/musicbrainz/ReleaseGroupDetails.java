package dev.lastfmmcp.musicbrainz;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A MusicBrainz release group: title, first release date as given ("1997-05-21", "1997"), primary and secondary
 * types, and the artist credit as one string ("DJ Muggs vs. Ill Bill") when it was included.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReleaseGroupDetails(String mbid, String title, String firstReleaseDate, String primaryType,
        List<String> secondaryTypes, String artistCredit, String disambiguation) {

    public ReleaseGroupDetails {
        secondaryTypes = secondaryTypes == null ? List.of() : List.copyOf(secondaryTypes);
    }
}
