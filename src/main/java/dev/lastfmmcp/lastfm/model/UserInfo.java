package dev.lastfmmcp.lastfm.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Last.fm user profile (user.getInfo, user.getFriends): counts as numbers, registration as an instant, age only when
 * shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserInfo(String name, String realName, String url, String country, Integer age, Long playcount,
        Long artistCount, Long albumCount, Long trackCount, Instant registeredAt, Boolean subscriber, String imageUrl,
        String type) {
}
