package dev.lastfmmcp.tools.users;

import java.time.Clock;
import java.util.Map;

import dev.lastfmmcp.format.Markdown;
import dev.lastfmmcp.lastfm.LastfmErrorKind;
import dev.lastfmmcp.lastfm.LastfmException;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.Friends;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.Progress;
import dev.lastfmmcp.tools.Args;
import dev.lastfmmcp.jsonrpc.ToolException;
import dev.lastfmmcp.tools.Users;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;

/**
 * The user tools (catalogue {@code mcp/tools/users.yaml}, routes {@code routes/tools/tools-users.camel.yaml}): a
 * request method per tool (arguments → Last.fm call, checked first) and a result method (normalised data → Markdown
 * and structured content, built by {@link ListeningResults}, {@link TopListResults}, {@link ChartResults} and
 * {@link ProfileResults}). Every tool reads its user with {@link Users#username}.
 */
public class UserTools {

    private final Clock clock;
    private final Progress progress;

    public UserTools(Clock clock, Progress progress) {
        this.clock = clock;
        this.progress = progress;
    }

    // ---------------------------------------------------------------- get_recent_tracks

    public LastfmRequest recentTracksRequest(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request) {
        Args args = Args.of(arguments);
        ListeningRange range = range(args);
        return LastfmRequest.of("user.getRecentTracks", "user", Users.username(args, request),
                "limit", String.valueOf(args.integer("limit")), "page", String.valueOf(args.integer("page")),
                "extended", "1", "from", text(range.from()), "to", text(range.to()));
    }

    /** A hidden history gets a way forward; every other failure goes on as it is. */
    public void recentTracksFailed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) LastfmException failure,
            @Variable("args") Map<String, Object> arguments, @Variable("caller") Caller request) {
        if (failure.kind() == LastfmErrorKind.PRIVATE) {
            String user = Users.username(Args.of(arguments), request);
            throw new ToolException(failure.getMessage() + " Their profile and top lists may still be public: try "
                                    + "get_top_artists(username=" + Markdown.quote(user) + ") or get_user_info("
                                    + "username=" + Markdown.quote(user) + ").", failure);
        }
        throw failure;
    }

    public McpSchema.CallToolResult recentTracks(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request, @Variable("recentTracks") LastfmResult result) {
        Args args = Args.of(arguments);
        return ListeningResults.recent(Users.username(args, request), range(args), args.integer("limit"),
                clock.instant(), result);
    }

    static ListeningRange range(Args args) {
        return ListeningRange.of(args.text("date"), args.longValue("from"), args.longValue("to"),
                args.text("timezone"));
    }

    // ---------------------------------------------------------------- get_loved_tracks

    public LastfmRequest lovedTracksRequest(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request) {
        Args args = Args.of(arguments);
        return LastfmRequest.of("user.getLovedTracks", "user", Users.username(args, request),
                "limit", String.valueOf(args.integer("limit")), "page", String.valueOf(args.integer("page")));
    }

    public McpSchema.CallToolResult lovedTracks(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request, @Variable("lovedTracks") LastfmResult result) {
        Args args = Args.of(arguments);
        return ListeningResults.loved(Users.username(args, request), args.integer("limit"), result);
    }

    // ---------------------------------------------------------------- get_top_artists / albums / tracks

    public LastfmRequest topArtistsRequest(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request) {
        return topRequest("user.getTopArtists", Args.of(arguments), request);
    }

    public LastfmRequest topAlbumsRequest(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request) {
        return topRequest("user.getTopAlbums", Args.of(arguments), request);
    }

    public LastfmRequest topTracksRequest(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request) {
        return topRequest("user.getTopTracks", Args.of(arguments), request);
    }

    private static LastfmRequest topRequest(String method, Args args, Caller request) {
        return LastfmRequest.of(method, "user", Users.username(args, request), "period", period(args),
                "limit", String.valueOf(args.integer("limit")), "page", String.valueOf(args.integer("page")));
    }

    private static String period(Args args) {
        return args.text("period");
    }

    public McpSchema.CallToolResult topArtists(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request, @Variable("topArtists") LastfmResult result) {
        Args args = Args.of(arguments);
        return TopListResults.artists(Users.username(args, request), period(args), args.integer("limit"),
                result);
    }

    public McpSchema.CallToolResult topAlbums(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request, @Variable("topAlbums") LastfmResult result) {
        Args args = Args.of(arguments);
        return TopListResults.albums(Users.username(args, request), period(args), args.integer("limit"), result);
    }

    public McpSchema.CallToolResult topTracks(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request, @Variable("topTracks") LastfmResult result) {
        Args args = Args.of(arguments);
        return TopListResults.tracks(Users.username(args, request), period(args), args.integer("limit"), result);
    }

    // ---------------------------------------------------------------- get_user_top_tags

    public LastfmRequest topTagsRequest(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request) {
        return LastfmRequest.of("user.getTopTags", "user", Users.username(Args.of(arguments), request));
    }

    public McpSchema.CallToolResult topTags(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request, @Variable("topTags") LastfmResult result) {
        return TopListResults.tags(Users.username(Args.of(arguments), request), result);
    }

    // ---------------------------------------------------------------- get_user_info

    public LastfmRequest infoRequest(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request) {
        return LastfmRequest.of("user.getInfo", "user", Users.username(Args.of(arguments), request));
    }

    public McpSchema.CallToolResult info(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request, @Variable("userInfo") LastfmResult result) {
        return ProfileResults.info(Users.username(Args.of(arguments), request), clock.instant(), result);
    }

    // ---------------------------------------------------------------- weekly charts

    public LastfmRequest weeklyChartListRequest(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request) {
        return LastfmRequest.of("user.getWeeklyChartList", "user", Users.username(Args.of(arguments), request));
    }

    public McpSchema.CallToolResult weeklyChartList(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request, @Variable("weeklyChartList") LastfmResult result) {
        return ChartResults.weeks(Users.username(Args.of(arguments), request), result);
    }

    public LastfmRequest weeklyArtistChartRequest(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request) {
        return chartRequest("user.getWeeklyArtistChart", Args.of(arguments), request);
    }

    public LastfmRequest weeklyTrackChartRequest(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request) {
        return chartRequest("user.getWeeklyTrackChart", Args.of(arguments), request);
    }

    public LastfmRequest weeklyAlbumChartRequest(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request) {
        return chartRequest("user.getWeeklyAlbumChart", Args.of(arguments), request);
    }

    /** from and to together (a week from get_weekly_chart_list) or neither (the latest week). */
    static LastfmRequest chartRequest(String method, Args args, Caller request) {
        Long from = args.longValue("from");
        Long to = args.longValue("to");
        if ((from == null) != (to == null)) {
            throw new ToolException("Give both from and to (Unix seconds, e.g. a week from get_weekly_chart_list), "
                                    + "or neither for the latest week; only " + (from == null ? "to" : "from")
                                    + " was given.");
        }
        if (from != null && from >= to) {
            throw new ToolException("from (" + from + ") must be before to (" + to + "): swap them and call again.");
        }
        return LastfmRequest.of(method, "user", Users.username(args, request), "from", text(from), "to", text(to));
    }

    /** {@code weeks}: the user's chart weeks, or null when they could not be read. */
    public McpSchema.CallToolResult weeklyArtistChart(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request, @Variable("weeklyChart") LastfmResult result,
            @Variable("weeklyChartList") LastfmResult weeks) {
        Args args = Args.of(arguments);
        return ChartResults.artists(Users.username(args, request), !args.has("from"), result, weeks);
    }

    /** {@code weeks}: the user's chart weeks, or null when they could not be read. */
    public McpSchema.CallToolResult weeklyTrackChart(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request, @Variable("weeklyChart") LastfmResult result,
            @Variable("weeklyChartList") LastfmResult weeks) {
        Args args = Args.of(arguments);
        return ChartResults.tracks(Users.username(args, request), !args.has("from"), result, weeks);
    }

    /** {@code weeks}: the user's chart weeks, or null when they could not be read. */
    public McpSchema.CallToolResult weeklyAlbumChart(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request, @Variable("weeklyChart") LastfmResult result,
            @Variable("weeklyChartList") LastfmResult weeks) {
        Args args = Args.of(arguments);
        return ChartResults.albums(Users.username(args, request), !args.has("from"), result, weeks);
    }

    // ---------------------------------------------------------------- get_user_friends

    public LastfmRequest friendsRequest(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request) {
        Args args = Args.of(arguments);
        return LastfmRequest.of("user.getFriends", "user", Users.username(args, request),
                "limit", String.valueOf(args.integer("limit")), "recenttracks", "1");
    }

    /**
     * The friends to complete, at most {@code limit} of them. Progress counts the friends list as step 1 and each
     * look-up as one more step.
     */
    public FriendActivity friendActivity(@Variable("args") Map<String, Object> arguments,
            @Variable("friends") LastfmResult result, @Variable("mcp") McpRequest request,
            @Variable("call") McpCall call) {
        FriendActivity activity = new FriendActivity(result.as(Friends.class).users(),
                Args.of(arguments).integer("limit"));
        if (activity.lookups() > 0) {
            progress.report(request, call, 1, activity.lookups() + 1.0, "Found " + activity.friends().size()
                    + " friends; looking up the latest tracks of " + activity.lookups() + " of them");
        }
        return activity;
    }

    public LastfmRequest nextFriendLookup(@Variable("activity") FriendActivity activity) {
        return activity.next();
    }

    public void friendFound(@Variable("activity") FriendActivity activity,
            @Variable("friendRecent") LastfmResult result, @Variable("mcp") McpRequest request,
            @Variable("call") McpCall call) {
        activity.found(result);
        reportLookup(activity, request, call);
    }

    public void friendFailed(@Variable("activity") FriendActivity activity,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) LastfmException failure,
            @Variable("mcp") McpRequest request, @Variable("call") McpCall call) {
        activity.failed(failure);
        reportLookup(activity, request, call);
    }

    private void reportLookup(FriendActivity activity, McpRequest request, McpCall call) {
        progress.report(request, call, activity.done() + 1, activity.lookups() + 1.0,
                "Latest track of " + activity.currentName() + " (" + activity.done() + " of " + activity.lookups()
                + ")");
    }

    public McpSchema.CallToolResult friends(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request, @Variable("friends") LastfmResult result,
            @Variable("activity") FriendActivity activity) {
        Args args = Args.of(arguments);
        return ProfileResults.friends(Users.username(args, request), args.integer("limit"), clock.instant(),
                result, activity);
    }

    private static String text(Long value) {
        return value == null ? null : String.valueOf(value);
    }
}
