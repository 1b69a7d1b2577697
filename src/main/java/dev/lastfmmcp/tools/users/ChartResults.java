package dev.lastfmmcp.tools.users;

import dev.lastfmmcp.format.Words;
import java.util.List;
import java.util.function.Function;

import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.RankedAlbum;
import dev.lastfmmcp.lastfm.model.RankedArtist;
import dev.lastfmmcp.lastfm.model.RankedTrack;
import dev.lastfmmcp.lastfm.model.WeeklyAlbumChart;
import dev.lastfmmcp.lastfm.model.WeeklyArtistChart;
import dev.lastfmmcp.lastfm.model.WeeklyChartList;
import dev.lastfmmcp.lastfm.model.WeeklyTrackChart;
import dev.lastfmmcp.tools.RankedList;
import dev.lastfmmcp.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.format.Markdown.number;
import static dev.lastfmmcp.tools.CatalogText.artistName;
import static dev.lastfmmcp.format.Words.plays;

/**
 * The answers of get_weekly_chart_list (the weeks, newest first, readable and raw) and of the weekly artist, track
 * and album charts (one week, readable and raw, with links to the week before and to the other charts of the week).
 */
final class ChartResults {

    /** Weeks listed in the text; the structured content has them all. */
    static final int WEEKS_SHOWN = 10;

    private ChartResults() {
    }

    static McpSchema.CallToolResult weeks(String asked, LastfmResult result) {
        WeeklyChartList list = result.as(WeeklyChartList.class);
        String user = list.user() != null ? list.user() : asked;
        List<WeekRange> weeks = list.charts().stream().map(WeekRange::compact).toList();
        ToolOutput out = ToolOutput.create().from(result)
                .put("user", user)
                .put("count", weeks.size())
                .put("weeks", weeks);
        out.heading("Weekly charts of " + escape(user));
        if (weeks.isEmpty()) {
            out.line(escape(user) + " has no weekly charts yet: they appear once a week of scrobbles is complete.");
            out.next().call("get_recent_tracks", "username", user, "limit", 20)
                    .call("get_user_info", "username", user);
            return out.build();
        }
        WeekRange newest = weeks.get(0);
        WeekRange oldest = weeks.get(weeks.size() - 1);
        out.line(Words.count(weeks.size(), "week", "weeks") + " of charts, from " + oldest.label() + " to "
                 + newest.label() + " (UTC), newest first. "
                 + (weeks.size() > WEEKS_SHOWN ? "The " + WEEKS_SHOWN + " newest:" : "All of them:"))
                .blank();
        int rank = 1;
        for (WeekRange week : weeks.subList(0, Math.min(WEEKS_SHOWN, weeks.size()))) {
            out.line(rank++ + ". " + week.label() + " — from=" + week.from() + ", to=" + week.to());
        }
        if (weeks.size() > WEEKS_SHOWN) {
            out.blank().line("All " + number(weeks.size()) + " weeks, with their from/to, are in the structured "
                             + "content (weeks).");
        }
        out.next().call("get_weekly_artist_chart", "username", user, "from", newest.from(), "to", newest.to())
                .call("get_weekly_track_chart", "username", user, "from", newest.from(), "to", newest.to())
                .call("get_weekly_album_chart", "username", user, "from", newest.from(), "to", newest.to());
        return out.build();
    }

    static McpSchema.CallToolResult artists(String asked, boolean latest, LastfmResult result, LastfmResult weeks) {
        WeeklyArtistChart chart = result.as(WeeklyArtistChart.class);
        String user = chart.user() != null ? chart.user() : asked;
        WeekRange week = WeekRange.of(chart.from(), chart.to());
        RankedList<RankedArtist> artists = RankedList.of(chart.artists());
        ToolOutput out = weekChart(result, user, latest, week, "artists", artists,
                RankedList.Numbering.byRank(RankedArtist::rank),
                a -> RankedList.row(a.name(), null, plays(a.playcount())));
        if (!artists.isEmpty()) {
            out.next().call("get_artist_info", "artist", artists.first().name(), "username", user);
        }
        return others(out, "get_weekly_artist_chart", user, week, weeks);
    }

    static McpSchema.CallToolResult tracks(String asked, boolean latest, LastfmResult result, LastfmResult weeks) {
        WeeklyTrackChart chart = result.as(WeeklyTrackChart.class);
        String user = chart.user() != null ? chart.user() : asked;
        WeekRange week = WeekRange.of(chart.from(), chart.to());
        ToolOutput out = weekChart(result, user, latest, week, "tracks", RankedList.of(chart.tracks()),
                RankedList.Numbering.byRank(RankedTrack::rank),
                t -> RankedList.row(t.name(), artistName(t.artist()), plays(t.playcount())));
        return others(out, "get_weekly_track_chart", user, week, weeks);
    }

    static McpSchema.CallToolResult albums(String asked, boolean latest, LastfmResult result, LastfmResult weeks) {
        WeeklyAlbumChart chart = result.as(WeeklyAlbumChart.class);
        String user = chart.user() != null ? chart.user() : asked;
        WeekRange week = WeekRange.of(chart.from(), chart.to());
        ToolOutput out = weekChart(result, user, latest, week, "albums", RankedList.of(chart.albums()),
                RankedList.Numbering.byRank(RankedAlbum::rank),
                a -> RankedList.row(a.name(), artistName(a.artist()), plays(a.playcount())));
        return others(out, "get_weekly_album_chart", user, week, weeks);
    }

    /** One week's chart: the user, the week, the items ranked as Last.fm ranks them (or that there are none). */
    private static <T> ToolOutput weekChart(LastfmResult result, String user, boolean latest, WeekRange week,
            String key, RankedList<T> items, RankedList.Numbering<T> rank, Function<T, String> row) {
        ToolOutput out = ToolOutput.create().from(result)
                .put("user", user)
                .put("latest", latest)
                .put("week", week)
                .put(key, items.items());
        out.heading(Words.possessive(user) + " top " + key + ", "
                    + (week == null ? "latest week" : "week of " + week.label()));
        if (week != null) {
            out.line("_" + (latest ? "The latest week. " : "") + "UTC; from=" + week.from() + ", to=" + week.to()
                     + "._").blank();
        }
        items.write(out, escape(user) + " scrobbled no " + key + " that week.", rank, row);
        return out;
    }

    /** The newest week of the list that ends at or before {@code week} starts; null when there is none. */
    static WeekRange weekBefore(WeeklyChartList list, WeekRange week) {
        WeekRange before = null;
        for (var chart : list.charts()) {
            WeekRange candidate = WeekRange.compact(chart);
            if (candidate.to() <= week.from() && (before == null || candidate.to() > before.to())) {
                before = candidate;
            }
        }
        return before;
    }

    /**
     * The same chart for the week before (the newest listed week that ends by this one's start; none before the
     * oldest, nor when the list could not be read), the other charts of this week, the list of weeks.
     */
    private static McpSchema.CallToolResult others(ToolOutput out, String tool, String user, WeekRange week,
            LastfmResult weeks) {
        if (week != null) {
            WeekRange before = weeks == null ? null : weekBefore(weeks.as(WeeklyChartList.class), week);
            if (before != null) {
                out.next().call(tool, "username", user, "from", before.from(), "to", before.to());
            } else if (weeks != null) {
                out.blank().line("This is the oldest week of " + Words.possessive(user) + " weekly charts: there "
                                 + "is none before it.");
            }
            for (String other : List.of("get_weekly_artist_chart", "get_weekly_track_chart",
                    "get_weekly_album_chart")) {
                if (!other.equals(tool)) {
                    out.next().call(other, "username", user, "from", week.from(), "to", week.to());
                }
            }
        }
        out.next().call("get_weekly_chart_list", "username", user);
        return out.build();
    }
}
