package dev.lastfmmcp.tools.insights;

import java.util.ArrayList;
import java.util.List;

import dev.lastfmmcp.format.Markdown;
import dev.lastfmmcp.lastfm.model.ArtistRef;
import dev.lastfmmcp.tools.ToolOutput;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.format.Markdown.number;
import static dev.lastfmmcp.format.Words.plays;
import static dev.lastfmmcp.format.Words.scrobbles;
import static dev.lastfmmcp.tools.CatalogText.by;

/** The Markdown of get_listening_stats: overview with derivations, top 5s, genres, listening times, all time. */
final class StatsMarkdown {

    private StatsMarkdown() {
    }

    static void write(ToolOutput out, StatsPlan plan, StatsSummary stats) {
        out.heading("Listening statistics: " + escape(plan.displayName()) + ", " + plan.period().words());
        overview(out, plan, stats);
        rankings(out, stats);
        genres(out, plan, stats);
        listening(out, plan, stats);
        allTime(out, stats);
        plan.footer(out);
        nextSteps(out, plan, stats);
    }

    private static void overview(ToolOutput out, StatsPlan plan, StatsSummary stats) {
        if (plan.from() != null) {
            out.line("From " + Insights.minute(plan.from(), plan.zone()) + " to "
                     + Insights.minute(plan.now(), plan.zone()) + " (" + plan.zone().getId() + ").").blank();
        }
        List<String> facts = new ArrayList<>();
        facts.add("**Scrobbles:** " + (stats.scrobblesExact() ? "" : "at least ") + number(stats.scrobbles())
                  + " — " + stats.howDerived().get("scrobbles"));
        StringBuilder unique = new StringBuilder("**Unique:** " + number(stats.uniqueArtists()) + " artists");
        if (stats.uniqueAlbums() != null) {
            unique.append(" · ").append(number(stats.uniqueAlbums())).append(" albums");
        }
        if (stats.uniqueTracks() != null) {
            unique.append(" · ").append(number(stats.uniqueTracks())).append(" tracks");
        }
        facts.add(unique.append(" — the totals of the period's top lists").toString());
        if (stats.averagePerDay() != null) {
            facts.add("**Per day:** " + Insights.decimal(stats.averagePerDay()) + " scrobbles on average — "
                      + stats.howDerived().get("averagePerDay"));
        }
        if (stats.top10Share() != null) {
            facts.add("**Top " + StatsSummary.TOP_SHARE_ARTISTS + " artists:** " + Insights.percent(stats.top10Share())
                      + " of the plays");
        }
        out.bullets(facts);
        if (stats.scrobbles() == 0) {
            out.blank().line(escape(plan.displayName()) + " has no scrobbles "
                             + (plan.period().isOverall() ? "yet." : "in " + plan.period().words() + "."));
        }
    }

    private static void rankings(ToolOutput out, StatsSummary stats) {
        if (!stats.topArtists().isEmpty()) {
            out.blank().line("### Top artists");
            out.numbered(stats.topArtists().stream().map(a -> "**" + escape(a.name()) + "** — "
                                                              + plays(a.playcount())).toList());
        }
        if (!stats.topAlbums().isEmpty()) {
            out.blank().line("### Top albums");
            out.numbered(stats.topAlbums().stream().map(a -> "**" + escape(a.name()) + "**" + by(a.artist()) + " — "
                                                             + plays(a.playcount())).toList());
        }
        if (!stats.topTracks().isEmpty()) {
            out.blank().line("### Top tracks");
            out.numbered(stats.topTracks().stream().map(t -> "**" + escape(t.name()) + "**" + by(t.artist()) + " — "
                                                             + plays(t.playcount())).toList());
        }
    }

    private static void genres(ToolOutput out, StatsPlan plan, StatsSummary stats) {
        if (stats.topGenres().isEmpty()) {
            if (plan.tagLookups() > 0 && plan.untagged().size() == plan.tagLookups()) {
                out.blank().line("### Top genres");
                out.line("Not known: the Last.fm tags of " + mostPlayed(plan.tagLookups())
                         + " could not be read.");
            }
            return;
        }
        out.blank().line("### Top genres");
        out.line("_From the Last.fm tags of " + tagSource(plan, true) + ", weighted by their plays._");
        out.numbered(stats.topGenres().stream().limit(StatsPlan.TOP_SHOWN)
                .map(g -> "**" + escape(g.name()) + "** — " + Insights.percent(g.share()) + " ("
                          + String.join(", ", g.artists().stream().limit(3).map(Markdown::escape).toList())
                          + (g.artists().size() > 3 ? ", …" : "") + ")")
                .toList());
    }

    /**
     * Whose tags the genres come from: "the 10 most played artists", or with some unread "8 of the 10 most played
     * artists (the tags of A and B could not be read)" (naming them when {@code names}, else counting them).
     */
    static String tagSource(StatsPlan plan, boolean names) {
        List<String> unread = plan.untagged();
        if (unread.isEmpty()) {
            return mostPlayed(plan.tagged().size());
        }
        String which = names ? "the tags of " + (unread.size() <= 3 ? and(unread.stream().map(Markdown::escape)
                .toList()) : unread.size() + " of them") : unread.size() + "";
        return (plan.tagLookups() - unread.size()) + " of " + mostPlayed(plan.tagLookups()) + " (" + which
               + " could not be read)";
    }

    private static String mostPlayed(int count) {
        return count == 1 ? "the most played artist" : "the " + count + " most played artists";
    }

    private static String and(List<String> items) {
        return items.size() == 1 ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static void listening(ToolOutput out, StatsPlan plan, StatsSummary stats) {
        ListeningStats.ListeningTimes times = stats.listening();
        if (times == null) {
            return; // the recent scrobbles could not be read: the footer says so
        }
        out.blank().line("### When " + escape(plan.displayName()) + " listens");
        if (times.sampleSize() == 0) {
            out.line("No scrobbles " + (plan.period().isOverall() ? "yet" : "in " + plan.period().words())
                     + " to place in time: user.getRecentTracks returned none.");
            return;
        }
        out.line("_From the " + StatsSummary.recent(times.sampleSize())
                 + (plan.period().isOverall() ? "" : " of the period") + ", "
                 + Insights.minute(times.sampleFrom(), plan.zone()) + " to "
                 + Insights.minute(times.sampleTo(), plan.zone()) + " (" + times.timezone() + ")._");
        int peak = times.peakHour();
        String peakDay = times.peakWeekday();
        int peakDayCount = times.byWeekday().stream().filter(d -> d.day().equals(peakDay)).findFirst()
                .map(ListeningStats.WeekdayCount::scrobbles).orElse(0);
        List<String> facts = new ArrayList<>();
        facts.add("Busiest hour: " + String.format("%02d:00–%02d:00", peak, (peak + 1) % 24) + " ("
                  + scrobbles(times.byHour().get(peak)) + "); busiest day: " + peakDay + " ("
                  + scrobbles(peakDayCount) + ")");
        String[] parts = {"night (0–6 h)", "morning (6–12 h)", "afternoon (12–18 h)", "evening (18–24 h)"};
        List<String> blocks = new ArrayList<>();
        for (int block = 0; block < 4; block++) {
            int count = times.byHour().subList(block * 6, block * 6 + 6).stream().mapToInt(Integer::intValue).sum();
            blocks.add(parts[block] + " " + Insights.percent((double) count / times.sampleSize()));
        }
        facts.add("By time of day: " + String.join(" · ", blocks));
        facts.add("By weekday: " + String.join(" · ", times.byWeekday().stream()
                .map(d -> d.day().substring(0, 3) + " " + number(d.scrobbles())).toList()));
        out.bullets(facts);
    }

    private static void allTime(ToolOutput out, StatsSummary stats) {
        StatsSummary.AllTime all = stats.allTime();
        if (all.scrobbles() == null && all.memberSince() == null) {
            return;
        }
        out.blank().line("### All time");
        List<String> facts = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        if (all.scrobbles() != null) {
            line.append(number(all.scrobbles())).append(" scrobbles");
        }
        if (all.memberSince() != null) {
            line.append(line.isEmpty() ? "Member" : "").append(" since ")
                    .append(all.memberSince().toString(), 0, 10).append(" (").append(number(all.days()))
                    .append(" days");
            if (all.averagePerDay() != null) {
                line.append(", ").append(Insights.decimal(all.averagePerDay())).append(" a day");
            }
            line.append(')');
        }
        facts.add(line.toString());
        List<String> counts = new ArrayList<>();
        if (all.artists() != null) {
            counts.add(number(all.artists()) + " artists");
        }
        if (all.albums() != null) {
            counts.add(number(all.albums()) + " albums");
        }
        if (all.tracks() != null) {
            counts.add(number(all.tracks()) + " tracks");
        }
        if (!counts.isEmpty()) {
            facts.add(String.join(" · ", counts));
        }
        out.bullets(facts);
    }

    private static void nextSteps(ToolOutput out, StatsPlan plan, StatsSummary stats) {
        String user = plan.user();
        if (!stats.topGenres().isEmpty()) {
            out.next().call("get_music_recommendations", "username", user, "limit", 10,
                    "genre", stats.topGenres().get(0).name());
        } else {
            out.next().call("get_music_recommendations", "username", user, "limit", 10);
        }
        if (!stats.topArtists().isEmpty()) {
            out.next().call("get_artist_info", "artist", stats.topArtists().get(0).name(), "username", user);
        }
        out.next().call("get_top_artists", "username", user, "period", plan.period().value())
                .call("get_listening_stats", "username", user, "period",
                        plan.period().isOverall() ? Period.SEVEN_DAYS.value() : Period.OVERALL.value(),
                        "timezone", plan.zone().getId());
    }

}
