package dev.lastfmmcp.tools.users;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import dev.lastfmmcp.lastfm.LastfmErrorKind;
import dev.lastfmmcp.lastfm.LastfmException;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.RecentTrack;
import dev.lastfmmcp.lastfm.model.RecentTracks;
import dev.lastfmmcp.lastfm.model.UserInfo;

/**
 * The friends of get_user_friends while their latest tracks are completed (exchange variable {@code activity}).
 * user.getFriends is asked with {@code recenttracks=1}; each friend it sends without a latest track costs one
 * user.getRecentTracks call ({@code limit=1}), so the extra calls are at most the friends shown, at most the tool's
 * {@code limit}. A Last.fm outage or rate limit stops the remaining look-ups instead of hammering it.
 */
public final class FriendActivity {

    static final String FROM_FRIENDS = "user.getFriends";
    static final String FROM_RECENT = "user.getRecentTracks";

    private final List<UserInfo> friends;
    private final String[] sources;
    private final String[] notes;
    private final Deque<Integer> pending = new ArrayDeque<>();
    private final List<LastfmResult> results = new ArrayList<>();
    private final int lookups;
    private Integer current;
    private int done;

    public FriendActivity(List<UserInfo> friends, int bound) {
        this.friends = new ArrayList<>(friends.subList(0, Math.min(friends.size(), bound)));
        this.sources = new String[this.friends.size()];
        this.notes = new String[this.friends.size()];
        for (int i = 0; i < this.friends.size(); i++) {
            if (this.friends.get(i).recentTrack() != null) {
                sources[i] = FROM_FRIENDS;
            } else if (this.friends.get(i).name() != null) {
                pending.add(i);
            }
        }
        this.lookups = pending.size();
    }

    /** Whether a friend still needs a look-up (the route's loop condition). */
    public boolean hasNext() {
        return !pending.isEmpty();
    }

    /** The next look-up: that friend's latest scrobble or now-playing track. */
    public LastfmRequest next() {
        current = pending.poll();
        if (current == null) {
            throw new IllegalStateException("no friend left to look up");
        }
        return LastfmRequest.of("user.getRecentTracks", "user", friends.get(current).name(), "limit", "1",
                "page", "1", "extended", "1");
    }

    /** The friend the last {@link #next} was for. */
    public String currentName() {
        return current == null ? null : friends.get(current).name();
    }

    /** Records the answer to the current look-up. */
    public void found(LastfmResult result) {
        results.add(result);
        RecentTracks recent = result.as(RecentTracks.class);
        RecentTrack latest = recent.tracks().isEmpty() ? null : recent.tracks().get(0);
        if (latest == null) {
            notes[current] = "no scrobbles yet";
        } else {
            friends.set(current, friends.get(current).withRecentTrack(latest));
            sources[current] = FROM_RECENT;
        }
        done++;
    }

    /** Records a failed look-up; an outage, a rate limit or a configuration problem ends the look-ups. */
    public void failed(LastfmException failure) {
        notes[current] = switch (failure.kind()) {
            case PRIVATE -> "listening history hidden";
            case NOT_FOUND -> "not found on Last.fm";
            default -> "latest track unavailable: " + failure.getMessage();
        };
        done++;
        if (failure.kind() != LastfmErrorKind.PRIVATE && failure.kind() != LastfmErrorKind.NOT_FOUND
            && failure.kind() != LastfmErrorKind.REJECTED) {
            while (!pending.isEmpty()) {
                notes[pending.poll()] = "latest track not looked up: Last.fm was failing";
            }
        }
    }

    /** Look-ups planned (friends user.getFriends sent without a latest track). */
    public int lookups() {
        return lookups;
    }

    /** Look-ups answered or failed so far. */
    public int done() {
        return done;
    }

    /** The friends with their latest tracks, sources and notes, in Last.fm's order. */
    public List<Friend> friends() {
        List<Friend> out = new ArrayList<>(friends.size());
        for (int i = 0; i < friends.size(); i++) {
            out.add(new Friend(friends.get(i), sources[i], notes[i]));
        }
        return out;
    }

    /** The user.getRecentTracks answers, so a stale one marks the result stale. */
    public LastfmResult[] results() {
        return results.toArray(LastfmResult[]::new);
    }

    /** How many latest tracks came with user.getFriends. */
    public long fromFriendsList() {
        return Arrays.stream(sources).filter(FROM_FRIENDS::equals).count();
    }
}
