package dev.lastfmmcp.lastfm.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One scrobble as Last.fm echoes it (track.scrobble): the names it recorded (corrected when it corrected them), the
 * timestamp, and the ignored code and text (code 0 = accepted).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scrobbled(String track, String artist, String album, String albumArtist, Long timestamp,
        boolean corrected, int ignoredCode, String ignoredMessage) {

    public boolean accepted() {
        return ignoredCode == 0;
    }
}
