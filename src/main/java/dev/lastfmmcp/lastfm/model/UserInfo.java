package dev.lastfmmcp.lastfm.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Last.fm user profile (user.getInfo, user.getFriends): counts as numbers, registration as an instant, age only when
 * shown, and in user.getFriends asked with {@code recenttracks=1} the friend's latest track when Last.fm sends it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserInfo(String name, String realName, String url, String country, Integer age, Long playcount,
        Long artistCount, Long albumCount, Long trackCount, Instant registeredAt, Boolean subscriber, String imageUrl,
        String type, RecentTrack recentTrack) {

    /** This profile with {@code track} as its latest track. */
    public UserInfo withRecentTrack(RecentTrack track) {
        return new UserInfo(name, realName, url, country, age, playcount, artistCount, albumCount, trackCount,
                registeredAt, subscriber, imageUrl, type, track);
    }
}
