package dev.lastfmmcp.tools.users;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.LovedTrack;
import dev.lastfmmcp.lastfm.model.LovedTracks;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.RecentTrack;
import dev.lastfmmcp.lastfm.model.RecentTracks;
import dev.lastfmmcp.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.tools.CatalogText.artistName;
import static dev.lastfmmcp.tools.CatalogText.by;

/** The answers of get_recent_tracks and get_loved_tracks: what a user played (and is playing) and loved. */
final class ListeningResults {

    private ListeningResults() {
    }

    /**
     * Recent tracks: the now-playing track first and marked (left out when the range lies wholly in the past),
     * scrobble times in the asked timezone, the queried range echoed, loved tracks marked ♥.
     */
    static McpSchema.CallToolResult recent(String asked, ListeningRange range, int limit, Instant now,
            LastfmResult result) {
        RecentTracks recent = result.as(RecentTracks.class);
        String user = recent.user() != null ? recent.user() : asked;
        boolean pastRange = range.endsBefore(now);
        List<RecentTrack> tracks = recent.tracks().stream().filter(t -> !(t.nowPlaying() && pastRange)).toList();
        RecentTrack playing = tracks.stream().filter(RecentTrack::nowPlaying).findFirst().orElse(null);
        List<RecentTrack> scrobbles = tracks.stream().filter(t -> !t.nowPlaying()).toList();
        Page page = recent.page();

        ToolOutput out = ToolOutput.create().from(result)
                .put("user", user)
                .put("timezone", range.zone().getId())
                .put("range", range.echo())
                .put("tracks", tracks)
                .put("page", page);
        out.heading("Recent tracks of " + escape(user));
        String described = range.describe();
        out.line(described != null ? "_Range: " + described + "._" : "_Times in " + range.zone().getId() + "._")
                .blank();
        if (playing != null) {
            out.line("▶ now playing: " + track(playing) + (Boolean.TRUE.equals(playing.loved()) ? " ♥" : "")).blank();
        }
        String scope = range.bounded() ? "in this range" : "in all";
        String past = Texts.pastLastPage(page, "scrobble", "scrobbles", scope);
        if (scrobbles.isEmpty()) {
            out.line(past != null ? past
                    : range.date() != null ? "No scrobbles by " + escape(user) + " on that day."
                    : range.bounded() ? "No scrobbles by " + escape(user) + " in this range."
                    : page != null && page.page() > 1 ? "No scrobbles on this page."
                    : escape(user) + " has no scrobbles yet.");
        }
        int first = page == null ? 1 : (page.page() - 1) * Math.max(page.perPage(), 0) + 1;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < scrobbles.size(); i++) {
            RecentTrack t = scrobbles.get(i);
            lines.add((first + i) + ". " + track(t)
                      + (t.playedAt() == null ? "" : " · " + Dates.dateTime(t.playedAt(), range.zone()))
                      + (Boolean.TRUE.equals(t.loved()) ? " ♥" : ""));
        }
        lines.forEach(out::line);
        String pageLine = Texts.pageLine(page, "scrobble", "scrobbles",
                range.bounded() ? "in this range" : "in all");
        if (pageLine != null && !scrobbles.isEmpty()) {
            out.blank().line(pageLine);
        }

        if (Texts.hasNextPage(page) || Texts.isPastLastPage(page)) {
            out.next().call("get_recent_tracks", "username", user, "limit", limit,
                    "page", Texts.isPastLastPage(page) ? page.totalPages() : page.page() + 1,
                    "date", range.date() == null ? null : range.date().toString(),
                    "from", range.date() == null ? range.from() : null,
                    "to", range.date() == null ? range.to() : null,
                    "timezone", range.zone().getId().equals("UTC") ? null : range.zone().getId());
        }
        RecentTrack top = playing != null ? playing : scrobbles.isEmpty() ? null : scrobbles.get(0);
        if (top != null && artistName(top.artist()) != null) {
            out.next().call("get_track_info", "artist", artistName(top.artist()), "track", top.name())
                    .call("get_artist_info", "artist", artistName(top.artist()), "username", user);
        }
        out.next().call("get_top_artists", "username", user, "period", "7day", "limit", 10)
                .call("get_loved_tracks", "username", user, "limit", 20);
        return out.build();
    }

    /** "**Track** by Artist — _Album_". */
    private static String track(RecentTrack track) {
        return "**" + escape(track.name()) + "**" + by(track.artist())
               + (track.album() == null ? "" : " — _" + escape(track.album()) + "_");
    }

    /** Loved tracks, most recently loved first, with the day each was loved (UTC). */
    static McpSchema.CallToolResult loved(String asked, int limit, LastfmResult result) {
        LovedTracks loved = result.as(LovedTracks.class);
        String user = loved.user() != null ? loved.user() : asked;
        Page page = loved.page();
        ToolOutput out = ToolOutput.create().from(result)
                .put("user", user)
                .put("tracks", loved.tracks())
                .put("page", page);
        out.heading("Tracks " + escape(user) + " loved");
        String past = Texts.pastLastPage(page, "loved track", "loved tracks", "in all");
        if (loved.tracks().isEmpty()) {
            out.line(past != null ? past : page != null && page.page() > 1 ? "No loved tracks on this page."
                    : escape(user) + " has not loved any tracks yet.");
        } else {
            int first = page == null ? 1 : (page.page() - 1) * Math.max(page.perPage(), 0) + 1;
            for (int i = 0; i < loved.tracks().size(); i++) {
                LovedTrack t = loved.tracks().get(i);
                out.line((first + i) + ". **" + escape(t.name()) + "**" + by(t.artist())
                         + (t.lovedAt() == null ? "" : " — loved " + Dates.day(t.lovedAt(), ZoneOffset.UTC)));
            }
            out.blank().line(Texts.pageLine(page, "loved track", "loved tracks", "in all") + " Dates in UTC.");
        }
        if (Texts.hasNextPage(page) || Texts.isPastLastPage(page)) {
            out.next().call("get_loved_tracks", "username", user, "limit", limit,
                    "page", Texts.isPastLastPage(page) ? page.totalPages() : page.page() + 1);
        }
        if (!loved.tracks().isEmpty() && artistName(loved.tracks().get(0).artist()) != null) {
            LovedTrack latest = loved.tracks().get(0);
            out.next().call("get_track_info", "artist", artistName(latest.artist()), "track", latest.name())
                    .call("get_similar_tracks", "artist", artistName(latest.artist()), "track", latest.name(),
                            "limit", 10);
        }
        out.next().call("get_top_tracks", "username", user, "period", "overall", "limit", 10)
                .call("get_recent_tracks", "username", user, "limit", 20);
        return out.build();
    }
}
