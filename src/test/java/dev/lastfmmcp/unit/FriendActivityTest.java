package dev.lastfmmcp.unit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.lastfm.LastfmErrorKind;
import dev.lastfmmcp.lastfm.LastfmException;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.ArtistRef;
import dev.lastfmmcp.lastfm.model.Friends;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.RecentTrack;
import dev.lastfmmcp.lastfm.model.RecentTracks;
import dev.lastfmmcp.lastfm.model.UserInfo;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.Progress;
import dev.lastfmmcp.tools.users.Friend;
import dev.lastfmmcp.tools.users.FriendActivity;
import dev.lastfmmcp.tools.users.UserTools;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** get_user_friends' look-ups: only friends without a latest track, bounded, stopped by an outage, reported. */
class FriendActivityTest {

    private static final RecentTrack SONG = new RecentTrack("Song", new ArtistRef("Band", null, null), null, null,
            null, null, null, false, Instant.parse("2026-11-21T13:03:00Z"), null);

    private static UserInfo user(String name, RecentTrack track) {
        return new UserInfo(name, null, null, null, null, null, null, null, null, null, null, null, null, track);
    }

    private static LastfmResult recent(RecentTrack... tracks) {
        return LastfmResult.fresh(new RecentTracks("x", new Page(1, 1, 1, tracks.length), List.of(tracks)));
    }

    @Test
    void looksUpOnlyFriendsSentWithoutALatestTrackAndNoMoreThanTheBound() {
        List<UserInfo> friends = List.of(user("a", SONG), user("b", null), user("c", null), user("d", null));
        FriendActivity activity = new FriendActivity(friends, 3);
        assertThat(activity.lookups()).isEqualTo(2);

        LastfmRequest first = activity.next();
        assertThat(first.method()).isEqualTo("user.getRecentTracks");
        assertThat(first.params()).containsEntry("user", "b").containsEntry("limit", "1");
        activity.found(recent(SONG));
        activity.next();
        activity.found(recent());
        assertThat(activity.hasNext()).isFalse();

        List<Friend> out = activity.friends();
        assertThat(out).extracting(f -> f.user().name()).containsExactly("a", "b", "c");
        assertThat(out.get(0).recentTrackSource()).isEqualTo("user.getFriends");
        assertThat(out.get(1).recentTrackSource()).isEqualTo("user.getRecentTracks");
        assertThat(out.get(1).user().recentTrack()).isEqualTo(SONG);
        assertThat(out.get(2).recentTrackNote()).isEqualTo("no scrobbles yet");
        assertThat(activity.fromFriendsList()).isEqualTo(1);
        assertThat(activity.results()).hasSize(2);
    }

    @Test
    void aHiddenHistoryIsANoteButAnOutageStopsTheRemainingLookups() {
        FriendActivity activity = new FriendActivity(List.of(user("a", null), user("b", null), user("c", null),
                user("d", null)), 10);
        activity.next();
        activity.failed(new LastfmException(LastfmErrorKind.PRIVATE, 17, "private"));
        assertThat(activity.hasNext()).isTrue();
        activity.next();
        activity.failed(new LastfmException(LastfmErrorKind.UNAVAILABLE, 0, "Last.fm is unavailable right now."));
        assertThat(activity.hasNext()).isFalse();
        assertThat(activity.friends()).extracting(Friend::recentTrackNote).containsExactly(
                "listening history hidden", "latest track unavailable: Last.fm is unavailable right now.",
                "latest track not looked up: Last.fm was failing", "latest track not looked up: Last.fm was failing");
    }

    @Test
    void friendsSerialiseFlatWithTheirSourceAndNote() throws Exception {
        ObjectMapper mapper = AppConfiguration.objectMapper();
        JsonNode json = mapper.valueToTree(new Friend(user("a", SONG), "user.getFriends", null));
        assertThat(json.get("name").asText()).isEqualTo("a");
        assertThat(json.at("/recentTrack/name").asText()).isEqualTo("Song");
        assertThat(json.get("recentTrackSource").asText()).isEqualTo("user.getFriends");
        assertThat(json.has("user")).isFalse();
        assertThat(json.has("recentTrackNote")).isFalse();
    }

    @Test
    void theBeanReportsProgressPerLookup() {
        JsonRpcCodec codec = new JsonRpcCodec(AppConfiguration.objectMapper());
        UserTools tools = new UserTools(Clock.fixed(Instant.parse("2026-11-21T14:00:00Z"), ZoneOffset.UTC),
                new Progress(codec));
        McpRequest request = new McpRequest("c", 0, Instant.EPOCH, "POST", "/mcp");
        List<JsonNode> sent = new ArrayList<>();
        request.setProgressSink(sent::add);
        McpCall call = new McpCall(codec.classify(codec.parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                + "\"tools/call\",\"params\":{\"name\":\"get_user_friends\",\"_meta\":{\"progressToken\":7}}}")));
        LastfmResult friends = LastfmResult.fresh(new Friends("rj", new Page(1, 2, 1, 2),
                List.of(user("a", null), user("b", null))));

        FriendActivity activity = tools.friendActivity(Map.of("username", "rj", "limit", 2), friends, request, call);
        tools.nextFriendLookup(activity);
        tools.friendFound(activity, recent(SONG), request, call);
        tools.nextFriendLookup(activity);
        tools.friendFailed(activity, new LastfmException(LastfmErrorKind.PRIVATE, 17, "private"), request, call);

        assertThat(sent).extracting(n -> n.at("/params/progress").asDouble()).containsExactly(1.0, 2.0, 3.0);
        assertThat(sent).extracting(n -> n.at("/params/total").asDouble()).containsOnly(3.0);
        assertThat(sent.get(0).at("/params/message").asText())
                .isEqualTo("Found 2 friends; looking up the latest tracks of 2 of them");
        assertThat(sent.get(2).at("/params/message").asText()).isEqualTo("Latest track of b (2 of 2)");
    }
}
