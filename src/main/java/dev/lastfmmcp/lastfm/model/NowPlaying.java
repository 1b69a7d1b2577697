package dev.lastfmmcp.lastfm.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to track.updateNowPlaying: the names Last.fm shows, and its ignored code and text (0 = shown). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NowPlaying(String track, String artist, String album, String albumArtist, boolean corrected,
        int ignoredCode, String ignoredMessage) {
}
