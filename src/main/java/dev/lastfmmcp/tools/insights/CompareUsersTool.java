package dev.lastfmmcp.tools.insights;

import java.util.List;
import java.util.Map;

import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.model.TopArtists;
import dev.lastfmmcp.tools.Args;
import dev.lastfmmcp.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Variable;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.format.Markdown.number;
import static dev.lastfmmcp.format.Words.plays;

/**
 * compare_users (route {@code tool-compare_users}): both users' top artists for the period, fetched together, then
 * the {@link TasteCompatibility} score, the shared artists and the ones each has that the other lacks.
 */
public class CompareUsersTool {

    /** How many artists of each list are shown in the text, and kept in the structured lists. */
    static final int SHOWN = 10;
    static final int LISTED = 50;

    private final InsightSettings settings;

    public CompareUsersTool(InsightSettings settings) {
        this.settings = settings;
    }

    /** How many artists each list had, and how many distinct artists both lists name together. */
    public record Compared(int user1, int user2, int union) {
    }

    LastfmRequest request(String user, Period period) {
        return LastfmRequest.of("user.getTopArtists", "user", user, "period", period.value(),
                "limit", String.valueOf(settings.artistListLimit()));
    }

    public List<LastfmRequest> requests(@Variable("args") Map<String, Object> arguments) {
        Args args = Args.of(arguments);
        Period period = Period.of(args.text("period"));
        return List.of(request(args.text("user1"), period), request(args.text("user2"), period));
    }

    public McpSchema.CallToolResult result(@Variable("args") Map<String, Object> arguments,
            @Variable("fetched") List<?> fetched) {
        Args args = Args.of(arguments);
        Period period = Period.of(args.text("period"));
        Fetches fetches = Fetches.of(fetched);
        Fetch first = fetches.get(request(args.text("user1"), period));
        Fetch second = fetches.get(request(args.text("user2"), period));
        TopArtists top1 = first.require(TopArtists.class);
        TopArtists top2 = second.require(TopArtists.class);
        String user1 = top1.user() != null ? top1.user() : args.text("user1");
        String user2 = top2.user() != null ? top2.user() : args.text("user2");
        TasteCompatibility.Comparison comparison = TasteCompatibility.compare(top1.artists(), top2.artists());
        int percent = (int) Math.round(comparison.score() * 100);
        boolean sameUser = user1.equalsIgnoreCase(user2);
        List<String> caveats = new java.util.ArrayList<>();
        if (!sameUser && !top1.artists().isEmpty() && !top2.artists().isEmpty()) {
            smallSample(user1, top1, period).ifPresent(caveats::add);
            smallSample(user2, top2, period).ifPresent(caveats::add);
        }
        boolean small = !caveats.isEmpty();
        String method = "cosine similarity of the two users' play-count vectors over the union of their top "
                        + "artists (user.getTopArtists, period=" + period.value() + ", up to "
                        + number(settings.artistListLimit()) + " each), with plays log-scaled as ln(1 + plays) so "
                        + "that one heavily played artist does not decide the score";

        ToolOutput out = ToolOutput.create().from(first.result(), second.result())
                .put("user1", user1)
                .put("user2", user2)
                .put("period", period.value())
                .put("periodLabel", period.words())
                .put("score", comparison.score())
                .put("scorePercent", percent)
                .put("label", comparison.label())
                .put("sameUser", sameUser)
                .put("smallSample", small)
                .put("caveats", caveats)
                .put("method", method)
                .put("artistsCompared", new Compared(top1.artists().size(), top2.artists().size(),
                        comparison.union()))
                .put("sharedCount", comparison.shared().size())
                .put("shared", comparison.shared().stream().limit(LISTED).toList())
                .put("onlyUser1Count", comparison.onlyUser1().size())
                .put("onlyUser1", comparison.onlyUser1().stream().limit(LISTED).toList())
                .put("onlyUser2Count", comparison.onlyUser2().size())
                .put("onlyUser2", comparison.onlyUser2().stream().limit(LISTED).toList())
                .put("lastfmRequests", 2);
        out.heading("Taste compatibility: " + escape(user1) + " and " + escape(user2) + ", " + period.words());
        if (top1.artists().isEmpty() || top2.artists().isEmpty()) {
            String empty = top1.artists().isEmpty() ? user1 : user2;
            out.line("**0% — " + comparison.label() + ".** " + escape(empty) + " has no scrobbles "
                     + (period.isOverall() ? "yet" : "in " + period.words()) + ", so there is nothing to compare.")
                    .blank();
        } else if (sameUser) {
            out.line("**" + percent + "% — " + comparison.label() + ".** " + escape(user1) + " was compared with "
                     + "themselves: the same list on both sides always scores 100%, so this says nothing about "
                     + "anyone's taste. Compare " + escape(user1) + " with another user.").blank();
        } else {
            out.line("**" + percent + "% — " + comparison.label() + (small ? " (small sample)" : "") + ".** "
                     + number(comparison.shared().size()) + " of the " + number(comparison.union())
                     + " artists in their top lists are shared.").blank();
            for (String caveat : caveats) {
                out.line("_" + escape(caveat) + "_").blank();
            }
        }
        out.line("_How: " + method + " (" + escape(user1) + ": " + number(top1.artists().size()) + " artists, "
                 + escape(user2) + ": " + number(top2.artists().size()) + ")._");
        if (!comparison.shared().isEmpty()) {
            out.blank().line("### Shared artists (" + number(comparison.shared().size()) + ")");
            out.numbered(comparison.shared().stream().limit(SHOWN).map(a -> "**" + escape(a.name()) + "** — "
                    + escape(user1) + " " + plays(a.user1Plays()) + " · " + escape(user2) + " " + plays(a.user2Plays()))
                    .toList());
        }
        only(out, user1, user2, comparison.onlyUser1());
        only(out, user2, user1, comparison.onlyUser2());
        out.blank().line("_Last.fm requests: 2 (repeats are answered from the cache)._");

        if (!comparison.onlyUser2().isEmpty()) {
            out.next().call("get_artist_info", "artist", comparison.onlyUser2().get(0).name(), "username", user1);
        }
        out.next().call("get_music_recommendations", "username", user1, "limit", 10)
                .call("get_listening_stats", "username", user2, "period", period.value());
        // another period of the same pair; a small sample of all time only gets smaller in a shorter one
        if (!sameUser && !(small && period.isOverall())) {
            out.next().call("compare_users", "user1", user1, "user2", user2, "period",
                    period.isOverall() ? Period.THREE_MONTHS.value() : Period.OVERALL.value());
        }
        return out.build();
    }

    /** "Small sample: tiny has only 3 scrobbles of 2 artists in the last 7 days, ..." when the list is that small. */
    static java.util.Optional<String> smallSample(String user, TopArtists top, Period period) {
        if (!TasteCompatibility.smallSample(top.artists())) {
            return java.util.Optional.empty();
        }
        long scrobbles = TasteCompatibility.scrobbles(top.artists());
        int artists = top.artists().size();
        return java.util.Optional.of("Small sample: " + user + " has only " + number(scrobbles)
                + (scrobbles == 1 ? " scrobble" : " scrobbles") + " of " + number(artists)
                + (artists == 1 ? " artist" : " artists") + (period.isOverall() ? "" : " in " + period.words())
                + ", so this score says little about their taste."
                + (period.isOverall() ? "" : " A longer period may say more."));
    }

    private static void only(ToolOutput out, String user, String other, List<TasteCompatibility.ArtistPlays> only) {
        if (only.isEmpty()) {
            return;
        }
        out.blank().line("### Only " + escape(user) + " (" + number(only.size()) + ", not in " + escape(other)
                         + "'s list)");
        out.numbered(only.stream().limit(SHOWN).map(a -> "**" + escape(a.name()) + "** — " + plays(a.plays()))
                .toList());
    }

}
