package dev.lastfmmcp.lastfm.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One scrobble of user.getRecentTracks, or the track playing now ({@code nowPlaying}, no {@code playedAt}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecentTrack(String name, ArtistRef artist, String album, String albumMbid, String mbid, String url,
        String imageUrl, boolean nowPlaying, Instant playedAt, Boolean loved) {
}
