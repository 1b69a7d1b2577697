package dev.lastfmmcp.tools.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.lastfmmcp.lastfm.model.UserInfo;

/**
 * A friend in get_user_friends: their profile (with {@code recentTrack}), where that latest track came from
 * ({@code user.getFriends} or {@code user.getRecentTracks}), and why it is missing when it is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Friend(@JsonUnwrapped UserInfo user, String recentTrackSource, String recentTrackNote) {
}
