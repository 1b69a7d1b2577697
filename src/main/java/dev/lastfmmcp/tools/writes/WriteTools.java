package dev.lastfmmcp.tools.writes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.lastfmmcp.jsonrpc.ToolException;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.AlbumInfo;
import dev.lastfmmcp.lastfm.model.AlbumTrack;
import dev.lastfmmcp.lastfm.model.NowPlaying;
import dev.lastfmmcp.lastfm.model.ScrobbleBatch;
import dev.lastfmmcp.lastfm.LastfmMeters;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.tools.Args;
import dev.lastfmmcp.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Variable;

import dev.lastfmmcp.format.Words;

import static dev.lastfmmcp.format.Markdown.escape;

/**
 * The write tools (love_track, unlove_track; routes in {@code routes/tools/tools-writes.camel.yaml}): request methods
 * turn arguments into Last.fm write calls made as the signed-in user (their session key; signed, POSTed, never cached
 * by {@code direct:lastfm-call}), result methods say what changed.
 */
public class WriteTools {

    private final Supplier<String> loginUrl;
    private final Clock clock;
    private final LastfmMeters meters;

    /** @param loginUrl where to sign in ({@code /login}), or null when this server has no sign-in configured */
    public WriteTools(Supplier<String> loginUrl, Clock clock) {
        this(loginUrl, clock, LastfmMeters.none());
    }

    /** @param meters where scrobbles are counted by outcome ({@code lastfm_scrobbles_total}) */
    public WriteTools(Supplier<String> loginUrl, Clock clock, LastfmMeters meters) {
        this.loginUrl = loginUrl;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * The caller's Last.fm session key; a ToolException that says how to sign in when no one is signed in (or the
     * sign-in carries no session key).
     */
    String sessionKey(Caller caller, String doing) {
        if (caller != null && !caller.isAnonymous() && caller.lastfmSessionKey() != null
            && !caller.lastfmSessionKey().isBlank()) {
            return caller.lastfmSessionKey();
        }
        String login = loginUrl == null ? null : loginUrl.get();
        if (login == null) {
            throw new ToolException("To " + doing + " a Last.fm user has to be signed in, and this server has no "
                                    + "Last.fm sign-in configured (its operator sets LASTFM_SHARED_SECRET and "
                                    + "PUBLIC_BASE_URL). Reading tools work without.");
        }
        throw new ToolException("To " + doing + " you need to be signed in with Last.fm: open " + login
                                + " in a browser, allow access, and use the personal MCP URL it shows "
                                + "(...?session_id=...) instead of this one. lastfm_auth_status says who is "
                                + "signed in.");
    }

    // ---------------------------------------------------------------- love_track, unlove_track

    public LastfmRequest loveRequest(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller caller, @Variable("call") McpCall call) {
        return trackWrite("track.love", arguments, caller, call, "love a track");
    }

    public LastfmRequest unloveRequest(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller caller, @Variable("call") McpCall call) {
        return trackWrite("track.unlove", arguments, caller, call, "unlove a track");
    }

    private LastfmRequest trackWrite(String method, Map<String, Object> arguments, Caller caller, McpCall call,
            String doing) {
        String sk = sessionKey(caller, doing);
        WriteAudit.planned(call, 1);
        Args args = Args.of(arguments);
        return LastfmRequest.of(method, "artist", args.text("artist"), "track", args.text("track"))
                .withSessionKey(sk);
    }

    public McpSchema.CallToolResult loved(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller caller, @Variable("call") McpCall call) {
        WriteAudit.settled(call, "written");
        return loveResult(arguments, caller, true);
    }

    public McpSchema.CallToolResult unloved(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller caller, @Variable("call") McpCall call) {
        WriteAudit.settled(call, "written");
        return loveResult(arguments, caller, false);
    }

    private static McpSchema.CallToolResult loveResult(Map<String, Object> arguments, Caller caller, boolean loved) {
        Args args = Args.of(arguments);
        String artist = args.text("artist");
        String track = args.text("track");
        String user = caller.lastfmUser();
        ToolOutput out = ToolOutput.create().put("username", user).put("artist", artist).put("track", track)
                .put("loved", loved);
        out.heading((loved ? "Loved: " : "No longer loved: ") + escape(track) + " by " + escape(artist));
        out.line(loved
                ? "**" + escape(track) + "** by " + escape(artist) + " is now among " + escape(user)
                  + "'s loved tracks on Last.fm."
                : "**" + escape(track) + "** by " + escape(artist) + " is no longer among " + escape(user)
                  + "'s loved tracks on Last.fm.");
        out.next().call("get_loved_tracks", "limit", 10)
                .call("get_track_info", "artist", artist, "track", track, "username", user);
        if (!loved) {
            out.next().call("love_track", "artist", artist, "track", track);
        }
        return out.build();
    }

    // ---------------------------------------------------------------- update_now_playing

    public LastfmRequest nowPlayingRequest(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller caller, @Variable("call") McpCall call) {
        String sk = sessionKey(caller, "update what you are playing");
        WriteAudit.planned(call, 1);
        Args args = Args.of(arguments);
        return LastfmRequest.of("track.updateNowPlaying", "artist", args.text("artist"), "track", args.text("track"),
                "album", args.text("album"), "albumArtist", args.text("albumArtist"),
                "duration", text(args.longValue("duration")), "trackNumber", text(args.longValue("trackNumber")))
                .withSessionKey(sk);
    }

    static String text(Long value) {
        return value == null ? null : value.toString();
    }

    public McpSchema.CallToolResult nowPlaying(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller caller, @Variable("written") LastfmResult result,
            @Variable("call") McpCall call) {
        Args args = Args.of(arguments);
        NowPlaying answer = result.as(NowPlaying.class);
        String artist = answer.artist() != null ? answer.artist() : args.text("artist");
        String track = answer.track() != null ? answer.track() : args.text("track");
        String album = answer.album() != null ? answer.album() : args.text("album");
        boolean shown = answer.ignoredCode() == 0;
        WriteAudit.settled(call, shown ? "written" : "ignored");
        ToolOutput out = ToolOutput.create().put("username", caller.lastfmUser()).put("artist", artist)
                .put("track", track).put("album", album).put("nowPlaying", shown);
        if (shown) {
            out.heading("Now playing: " + escape(track) + " by " + escape(artist));
            out.line(escape(caller.lastfmUser()) + "'s Last.fm profile shows **" + escape(track) + "** by "
                     + escape(artist) + (album == null ? "" : " (" + escape(album) + ")")
                     + " as now playing. It is not scrobbled: scrobble it once it was played.");
        } else {
            out.put("ignored", ignored(answer.ignoredCode(), answer.ignoredMessage()));
            out.heading("Ignored by Last.fm: " + escape(track) + " by " + escape(artist));
            out.line("Last.fm did not take it as now playing: " + Scrobbles.ignoredReason(answer.ignoredCode(),
                    answer.ignoredMessage()) + ".");
        }
        out.next().call("get_recent_tracks", "limit", 5);
        return out.build();
    }

    static Map<String, Object> ignored(int code, String message) {
        Map<String, Object> ignored = new java.util.LinkedHashMap<>();
        ignored.put("code", code);
        if (message != null) {
            ignored.put("message", message);
        }
        return ignored;
    }

    // ---------------------------------------------------------------- scrobble_tracks (and scrobble_album)

    /** The checked items of {@code scrobbles} (nothing is sent yet); sign-in is checked first. */
    @SuppressWarnings("unchecked")
    public ScrobbleRun scrobblePlan(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller caller, @Variable("call") McpCall call) {
        sessionKey(caller, "scrobble");
        List<Map<String, Object>> scrobbles = (List<Map<String, Object>>) arguments.get("scrobbles");
        WriteAudit.planned(call, scrobbles.size());
        return ScrobbleRun.of(scrobbles, clock.instant());
    }

    /** The next batch's signed track.scrobble request. */
    public LastfmRequest scrobbleBatch(@Variable("scrobbleRun") ScrobbleRun run, @Variable("caller") Caller caller) {
        return run.request(sessionKey(caller, "scrobble"));
    }

    public void scrobbleAnswered(@Variable("scrobbleRun") ScrobbleRun run,
            @Variable("written") LastfmResult result) {
        run.answered(result.as(ScrobbleBatch.class));
    }

    public void scrobbleFailed(ScrobbleRun run, Exception failure) {
        run.failed(failure);
    }

    /** Every item as accepted, ignored (Last.fm's code and text), refused, duplicate, unknown or not sent. */
    public McpSchema.CallToolResult scrobbled(@Variable("scrobbleRun") ScrobbleRun run,
            @Variable("caller") Caller caller, @Variable("call") McpCall call) {
        String user = caller.lastfmUser();
        List<ScrobbleRun.Item> items = run.items();
        int accepted = run.count(ScrobbleRun.Status.ACCEPTED);
        int unknown = run.count(ScrobbleRun.Status.UNKNOWN);
        Map<String, Object> totals = new java.util.LinkedHashMap<>();
        totals.put("asked", items.size());
        totals.put("accepted", accepted);
        totals.put("ignored", run.count(ScrobbleRun.Status.IGNORED));
        totals.put("refused", run.count(ScrobbleRun.Status.REFUSED));
        totals.put("duplicates", run.count(ScrobbleRun.Status.DUPLICATE));
        totals.put("unknown", unknown);
        totals.put("notSent", run.count(ScrobbleRun.Status.NOT_SENT));
        totals.put("batches", run.getBatchCount());
        WriteAudit.scrobbled(call, totals);
        for (ScrobbleRun.Status status : ScrobbleRun.Status.values()) {
            if (status != ScrobbleRun.Status.PENDING) {
                meters.scrobbles(status.name().toLowerCase(java.util.Locale.ROOT), run.count(status));
            }
        }
        List<Map<String, Object>> records = new ArrayList<>();
        items.forEach(item -> records.add(item.record()));
        ToolOutput out = ToolOutput.create().put("username", user).put("totals", totals).put("scrobbles", records);
        out.heading("Scrobbled " + accepted + " of " + Words.count(items.size(), "track", "tracks"));
        List<String> parts = new ArrayList<>();
        totals.forEach((name, value) -> {
            if (!name.equals("asked") && !name.equals("batches") && (Integer) value > 0) {
                parts.add(value + " " + (name.equals("notSent") ? "not sent" : name));
            }
        });
        out.line("For " + escape(user) + ": " + (parts.isEmpty() ? "nothing sent" : String.join(", ", parts))
                 + " (" + Words.count(run.getBatchCount(), "request", "requests") + " to Last.fm).");
        if (run.note() != null) {
            out.blank().line(escape(run.note()));
        }
        if (run.failure() != null) {
            out.blank().line("Stopped: " + escape(run.failure()));
        }
        if (unknown > 0) {
            out.blank().line("The unknown ones were sent but Last.fm's answer was lost: check the user's recent tracks "
                             + "before sending them again, or they may be scrobbled twice.");
        }
        out.blank();
        List<String> rows = new ArrayList<>();
        for (ScrobbleRun.Item item : items) {
            rows.add("**" + escape(item.track) + "** by " + escape(item.artist)
                     + (item.timestamp == null ? "" : " at " + Instant.ofEpochSecond(item.timestamp)) + " — "
                     + item.status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                     + (item.message == null ? "" : ": " + escape(item.message)));
        }
        out.numbered(rows);
        long[] range = run.range(unknown > 0 ? ScrobbleRun.Status.UNKNOWN : ScrobbleRun.Status.ACCEPTED);
        if (range != null) {
            out.next().call("get_recent_tracks", "from", range[0], "to", range[1] + 1, "limit",
                    Math.min(200, Math.max(1, accepted + unknown)));
        } else {
            out.next().call("get_recent_tracks", "limit", 10);
        }
        out.next().call("lastfm_auth_status");
        return out.build();
    }

    // ---------------------------------------------------------------- scrobble_album

    /** Length assumed for a track Last.fm gives no duration for. */
    static final int ASSUMED_SECONDS = 180;

    /** album.getInfo for the tracklist and lengths (sign-in checked first, so nothing is read for nobody). */
    public LastfmRequest albumRequest(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller caller) {
        sessionKey(caller, "scrobble");
        Args args = Args.of(arguments);
        return LastfmRequest.of("album.getInfo", "artist", args.text("artist"), "album", args.text("album"),
                "autocorrect", "1");
    }

    /**
     * The album's tracks as scrobbles played back to back and ending at {@code finishedAt} (default now): each
     * timestamp is finishedAt minus the lengths of that track and every later one.
     */
    public ScrobbleRun albumPlan(@Variable("args") Map<String, Object> arguments,
            @Variable("albumInfo") LastfmResult result, @Variable("call") McpCall call) {
        Args args = Args.of(arguments);
        AlbumInfo album = result.as(AlbumInfo.class);
        String albumArtist = album.artist() != null ? album.artist() : args.text("artist");
        String title = album.name() != null ? album.name() : args.text("album");
        if (album.tracks().isEmpty()) {
            throw new ToolException("Last.fm has no tracklist for " + title + " by " + albumArtist + ", so there "
                                    + "is nothing to scrobble: scrobble the tracks one by one with scrobble_tracks.");
        }
        Object finished = arguments.get("finishedAt");
        long end;
        try {
            end = finished == null ? clock.instant().getEpochSecond() : ScrobbleRun.epochSeconds(finished);
        } catch (IllegalArgumentException e) {
            throw new ToolException("finishedAt: " + e.getMessage() + ".");
        }
        List<AlbumTrack> tracks = album.tracks();
        WriteAudit.planned(call, tracks.size());
        List<Map<String, Object>> items = new ArrayList<>();
        long at = end;
        int assumed = 0;
        for (int i = tracks.size() - 1; i >= 0; i--) {
            AlbumTrack track = tracks.get(i);
            int seconds = track.durationSeconds() == null || track.durationSeconds() <= 0 ? ASSUMED_SECONDS
                    : track.durationSeconds();
            if (seconds == ASSUMED_SECONDS && (track.durationSeconds() == null || track.durationSeconds() <= 0)) {
                assumed++;
            }
            at -= seconds;
            Map<String, Object> item = new java.util.LinkedHashMap<>();
            item.put("artist", track.artist() != null && track.artist().name() != null ? track.artist().name()
                    : albumArtist);
            item.put("track", track.name());
            item.put("timestamp", at);
            item.put("album", title);
            item.put("albumArtist", albumArtist);
            item.put("duration", (long) seconds);
            item.put("trackNumber", (long) (track.rank() > 0 ? track.rank() : i + 1));
            items.add(0, item);
        }
        return ScrobbleRun.of(items, clock.instant()).withNote(title + " by " + albumArtist + ": "
                + Words.count(tracks.size(), "track", "tracks") + " played back to back, the last ending at "
                + Instant.ofEpochSecond(end) + (assumed == 0 ? "" : "; " + Words.count(assumed, "track", "tracks")
                + " without a length on Last.fm counted as " + ASSUMED_SECONDS + " s") + ".");
    }
}
