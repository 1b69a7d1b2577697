package dev.lastfmmcp.tools.users;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.Friends;
import dev.lastfmmcp.lastfm.model.RecentTrack;
import dev.lastfmmcp.lastfm.model.UserInfo;
import dev.lastfmmcp.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.format.Markdown.number;
import static dev.lastfmmcp.tools.CatalogText.by;

/** The answers of get_user_info (a profile with its counts) and get_user_friends (friends and what they play). */
final class ProfileResults {

    private ProfileResults() {
    }

    static McpSchema.CallToolResult info(String asked, Instant now, LastfmResult result) {
        UserInfo user = result.as(UserInfo.class);
        String name = user.name() != null ? user.name() : asked;
        Double perDay = perDay(user, now);
        ToolOutput out = ToolOutput.create().from(result)
                .put("user", user)
                .put("scrobblesPerDay", perDay);
        out.heading(escape(name) + (user.realName() == null ? "" : " (" + escape(user.realName()) + ")"));
        List<String> facts = new ArrayList<>();
        if (user.registeredAt() != null) {
            facts.add("Member since " + Dates.day(user.registeredAt(), ZoneOffset.UTC));
        }
        if (user.playcount() != null) {
            facts.add("Scrobbles: " + number(user.playcount())
                      + (perDay == null ? "" : " (about " + perDay(perDay) + " a day)"));
        }
        List<String> library = new ArrayList<>();
        add(library, "Artists", user.artistCount());
        add(library, "Albums", user.albumCount());
        add(library, "Tracks", user.trackCount());
        if (!library.isEmpty()) {
            facts.add(String.join(" · ", library));
        }
        if (user.country() != null) {
            facts.add("Country: " + escape(user.country()));
        }
        if (user.age() != null) {
            facts.add("Age: " + user.age());
        }
        if (Boolean.TRUE.equals(user.subscriber())) {
            facts.add("Last.fm Pro subscriber");
        }
        if (user.url() != null) {
            facts.add("Profile: " + user.url());
        }
        out.bullets(facts);
        out.next().call("get_recent_tracks", "username", name, "limit", 10)
                .call("get_top_artists", "username", name, "period", "overall", "limit", 10)
                .call("get_weekly_chart_list", "username", name)
                .call("get_user_friends", "username", name);
        return out.build();
    }

    /** Scrobbles per day since registration, one decimal; null without both counts or within the first day. */
    static Double perDay(UserInfo user, Instant now) {
        if (user.playcount() == null || user.registeredAt() == null) {
            return null;
        }
        double days = Duration.between(user.registeredAt(), now).toSeconds() / 86_400.0;
        return days < 1 ? null : Math.round(user.playcount() / days * 10) / 10.0;
    }

    private static String perDay(double value) {
        return value >= 10 ? number(Math.round(value)) : String.valueOf(value);
    }

    private static void add(List<String> parts, String label, Long count) {
        if (count != null) {
            parts.add(label + ": " + number(count));
        }
    }

    /** Friends with their latest track, and how those tracks were found. */
    static McpSchema.CallToolResult friends(String asked, int limit, Instant now, LastfmResult result,
            FriendActivity activity) {
        Friends list = result.as(Friends.class);
        String user = list.user() != null ? list.user() : asked;
        List<Friend> friends = activity.friends();
        long total = list.page() == null ? friends.size() : Math.max(list.page().total(), friends.size());
        LastfmResult[] results = new LastfmResult[activity.results().length + 1];
        results[0] = result;
        System.arraycopy(activity.results(), 0, results, 1, activity.results().length);

        ToolOutput out = ToolOutput.create().from(results)
                .put("user", user)
                .put("total", total)
                .put("friends", friends)
                .put("lookups", activity.lookups())
                .put("lookupBound", limit);
        out.heading("Friends of " + escape(user) + (friends.isEmpty() ? "" : " (" + number(friends.size())
                                                                             + " of " + number(total) + ")"));
        if (friends.isEmpty()) {
            out.line(escape(user) + " has no friends on Last.fm yet.");
        }
        int rank = 1;
        for (Friend friend : friends) {
            out.line(rank++ + ". " + friend(friend, now));
        }
        if (!friends.isEmpty()) {
            out.blank().line("_Latest tracks: " + activity.fromFriendsList() + " came with user.getFriends; "
                             + activity.lookups() + " looked up with user.getRecentTracks, one call per friend "
                             + "(at most limit = " + limit + "). Times in UTC._");
        }
        if (!friends.isEmpty()) {
            String first = friends.get(0).user().name();
            out.next().call("get_recent_tracks", "username", first, "limit", 10)
                    .call("get_top_artists", "username", first, "period", "1month", "limit", 10);
        }
        if (total > friends.size()) {
            out.next().call("get_user_friends", "username", user, "limit", Math.min(50, limit * 2));
        }
        out.next().call("get_user_info", "username", user);
        return out.build();
    }

    /** "**eartle** (Michael) · United Kingdom — ▶ now playing **Song** by Artist". */
    private static String friend(Friend friend, Instant now) {
        UserInfo user = friend.user();
        StringBuilder line = new StringBuilder("**").append(escape(user.name())).append("**");
        if (user.realName() != null) {
            line.append(" (").append(escape(user.realName())).append(')');
        }
        if (user.country() != null) {
            line.append(" · ").append(escape(user.country()));
        }
        RecentTrack track = user.recentTrack();
        if (track != null) {
            String song = "**" + escape(track.name()) + "**" + by(track.artist());
            if (track.nowPlaying()) {
                line.append(" — ▶ now playing ").append(song);
            } else {
                line.append(" — last played ").append(song);
                if (track.playedAt() != null) {
                    line.append(" · ").append(Dates.dateTime(track.playedAt(), ZoneOffset.UTC)).append(" (")
                            .append(Dates.ago(track.playedAt(), now)).append(')');
                }
            }
        } else if (friend.recentTrackNote() != null) {
            line.append(" — ").append(escape(friend.recentTrackNote()));
        }
        return line.toString();
    }
}
