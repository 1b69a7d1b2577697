package dev.lastfmmcp.tools.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.model.RankedTrack;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.Progress;
import dev.lastfmmcp.tools.Args;
import dev.lastfmmcp.tools.ToolOutput;
import dev.lastfmmcp.tools.Users;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Variable;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.format.Markdown.number;

/**
 * get_music_recommendations (route {@code tool-get_music_recommendations}): plans each phase's requests, reports
 * progress between phases, and explains every recommendation ("similar to X and Y, which you played N times").
 */
public class RecommendationTool {

    private final InsightSettings settings;
    private final Progress progress;

    public RecommendationTool(InsightSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** A recommended artist, ready for the structured result. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Recommendation(int rank, String name, String url, String mbid, double score,
            List<Recommendations.Because> because, String reason, List<String> genreTags, RankedTrack startWith) {
    }

    public RecommendationPlan plan(@Variable("args") Map<String, Object> arguments,
            @Variable("caller") Caller request) {
        Args args = Args.of(arguments);
        return new RecommendationPlan(Users.username(args, request), args.integer("limit"), args.text("genre"),
                settings);
    }

    // ---------------------------------------------------------------- phases

    public List<LastfmRequest> firstRequests(@Variable("plan") RecommendationPlan plan,
            @Variable("mcp") McpRequest request, @Variable("call") McpCall call) {
        report(request, call, plan, 1, "Reading " + plan.user() + "'s top artists and library");
        return plan.firstRequests();
    }

    public void readFirst(@Variable("plan") RecommendationPlan plan, @Variable("fetched") List<?> fetched) {
        plan.readFirst(Fetches.of(fetched));
    }

    public List<LastfmRequest> similarRequests(@Variable("plan") RecommendationPlan plan,
            @Variable("mcp") McpRequest request, @Variable("call") McpCall call) {
        report(request, call, plan, 2, "Finding artists similar to " + plan.user() + "'s "
                                       + Insights.top(plan.seeds().size(), "artist", "artists"));
        return plan.similarRequests();
    }

    public void readSimilar(@Variable("plan") RecommendationPlan plan, @Variable("fetched") List<?> fetched) {
        plan.readSimilar(Fetches.of(fetched));
    }

    public List<LastfmRequest> tagRequests(@Variable("plan") RecommendationPlan plan,
            @Variable("mcp") McpRequest request, @Variable("call") McpCall call) {
        List<LastfmRequest> requests = plan.tagRequests();
        report(request, call, plan, 3, "Checking the tags of the "
                                       + (requests.size() == 1 ? "best candidate" : "best " + requests.size()
                                                                                    + " candidates")
                                       + " for \"" + plan.genre() + "\"");
        return requests;
    }

    public void readTags(@Variable("plan") RecommendationPlan plan, @Variable("fetched") List<?> fetched) {
        plan.readTags(Fetches.of(fetched));
    }

    public List<LastfmRequest> trackRequests(@Variable("plan") RecommendationPlan plan,
            @Variable("mcp") McpRequest request, @Variable("call") McpCall call) {
        List<LastfmRequest> requests = plan.trackRequests();
        report(request, call, plan, steps(plan), "Finding a track to start with for "
                                                 + (requests.size() == 1 ? "the recommendation"
                                                         : "each of the " + requests.size() + " recommendations"));
        return requests;
    }

    public void readTracks(@Variable("plan") RecommendationPlan plan, @Variable("fetched") List<?> fetched) {
        plan.readTracks(Fetches.of(fetched));
    }

    /** Phases of this call: the genre check is one more. */
    static int steps(RecommendationPlan plan) {
        return plan.genre() == null ? 3 : 4;
    }

    private void report(McpRequest request, McpCall call, RecommendationPlan plan, int step, String message) {
        int steps = steps(plan);
        progress.report(request, call, step, (double) steps, message + " (" + step + "/" + steps + ")");
    }

    // ---------------------------------------------------------------- result

    public McpSchema.CallToolResult result(@Variable("plan") RecommendationPlan plan) {
        List<Recommendation> recommendations = recommendations(plan);
        ToolOutput out = plan.output()
                .put("user", plan.user())
                .put("genre", plan.genre())
                .put("limit", plan.limit())
                .put("seedPeriod", plan.seedPeriod().value())
                .put("seeds", plan.seeds())
                .put("recommendations", recommendations)
                .put("candidates", plan.candidates().size())
                .put("genreChecked", plan.genre() == null ? null : plan.genreChecked())
                .put("genreUnchecked", plan.genre() == null ? null : plan.genreUnchecked())
                .put("libraryChecked", plan.library().artists().size())
                .put("libraryTotal", plan.library().page() == null ? plan.library().artists().size()
                        : plan.library().page().total())
                .put("method", "score = Σ over the seed artists of (the seed's share of the seeds' plays × Last.fm's "
                               + "similarity match); artists in the user's library are left out"
                               + (plan.genre() == null ? "" : "; only candidates with the genre among their top "
                                                              + Recommendations.GENRE_TAGS + " tags are kept"));
        out.heading("Music recommendations for " + escape(plan.user())
                    + (plan.genre() == null ? "" : " (genre: " + escape(plan.genre()) + ")"));
        intro(out, plan);
        if (recommendations.isEmpty()) {
            out.line(nothingFound(plan));
        } else if (plan.genre() != null && plan.genreUnchecked() > 0) {
            out.line("Could not check the tag \"" + escape(plan.genre()) + "\" for " + plan.genreUnchecked()
                     + " of " + best(plan.genreLookedUp()) + " (Last.fm did not give their tags): they are left "
                     + "out, not ruled out.").blank();
        }
        out.numbered(recommendations.stream().map(RecommendationTool::line).toList());
        out.blank().line("_How: " + number(plan.candidates().size()) + " candidates from " + plan.similarLists()
                         + " similar-artist lists, each scored by Σ (seed's share of plays × Last.fm match)"
                         + genreHow(plan) + "._");
        plan.footer(out);
        nextSteps(out, plan, recommendations);
        return out.build();
    }

    static List<Recommendation> recommendations(RecommendationPlan plan) {
        List<Recommendation> list = new ArrayList<>();
        int rank = 1;
        for (Recommendations.Candidate pick : plan.picks()) {
            List<String> tags = plan.matchedTags(pick.name());
            list.add(new Recommendation(rank++, pick.name(), pick.url(), pick.mbid(), pick.score(), pick.because(),
                    reason(pick, plan.seedPeriod()), tags.isEmpty() ? null : tags, plan.topTrack(pick.name())));
        }
        return list;
    }

    /** "Similar to X (95% match) and Y (80% match), which you played 345 and 120 times in the last 6 months." */
    public static String reason(Recommendations.Candidate candidate, Period seedPeriod) {
        List<Recommendations.Because> because = candidate.because();
        List<Recommendations.Because> shown = because.subList(0, Math.min(2, because.size()));
        List<String> names = shown.stream().map(b -> b.artist() + " (" + Insights.percent(b.match()) + " match)")
                .toList();
        List<String> plays = shown.stream().map(b -> number(b.plays())).toList();
        String when = seedPeriod.isOverall() ? "" : " in " + seedPeriod.words();
        StringBuilder text = new StringBuilder("Similar to ").append(String.join(" and ", names))
                .append(", which you played ").append(String.join(" and ", plays))
                .append(shown.size() == 1 && because.get(0).plays() == 1 ? " time" : " times").append(when);
        if (because.size() > 2) {
            int more = because.size() - 2;
            text.append(", and to ").append(more).append(" more of your top artists");
        }
        return text.append('.').toString();
    }

    private static void intro(ToolOutput out, RecommendationPlan plan) {
        if (plan.seeds().isEmpty()) {
            return;
        }
        List<String> seeds = plan.seeds().stream()
                .map(s -> escape(s.name()) + " " + Insights.percent(s.weight())).toList();
        out.line("Seeds: " + escape(plan.user()) + "'s " + plan.seeds().size() + " most played artists of "
                 + plan.seedPeriod().words() + ", weighted by their share of the plays: " + String.join(", ", seeds)
                 + ".");
        long total = plan.library().page() == null ? plan.library().artists().size() : plan.library().page().total();
        out.line("Left out: the " + number(plan.library().artists().size()) + " artists " + escape(plan.user())
                 + " has played most of all time" + (total > plan.library().artists().size()
                         ? " (of " + number(total) + "; rarely played ones may still appear)" : "") + ".").blank();
    }

    private static String nothingFound(RecommendationPlan plan) {
        if (plan.seeds().isEmpty()) {
            return escape(plan.user()) + " has no scrobbles yet, so there is nothing to base recommendations on.";
        }
        if (plan.genre() != null && !plan.candidates().isEmpty()) {
            String genre = "\"" + escape(plan.genre()) + "\"";
            int checked = plan.genreChecked();
            int unchecked = plan.genreUnchecked();
            if (unchecked == 0) {
                return (checked == 1 ? "The best candidate is not" : "None of the best " + checked
                                                                     + " candidates is")
                       + " tagged " + genre + " on Last.fm. Try a broader genre, or leave the genre out.";
            }
            if (checked == 0) {
                return "Could not check the tag " + genre + " for " + (unchecked == 1 ? "" : "any of ")
                       + best(unchecked) + ": Last.fm did not give " + (unchecked == 1 ? "its" : "their")
                       + " tags, so none is recommended and none is ruled out. Try again in a minute, or leave the "
                       + "genre out.";
            }
            String readable = checked == 1 ? "The one candidate whose tags could be read is not"
                    : (checked == 2 ? "Neither of the 2" : "None of the " + checked)
                      + " candidates whose tags could be read is";
            return readable + " tagged " + genre + "; the tags of the other " + unchecked + " of "
                   + "the best " + plan.genreLookedUp() + " could not be read. Try again in a minute, a broader "
                   + "genre, or leave the genre out.";
        }
        return "Every artist similar to the seeds is already in " + escape(plan.user()) + "'s library.";
    }

    /** "the best candidate" or "the best 5 candidates". */
    private static String best(int count) {
        return count == 1 ? "the best candidate" : "the best " + count + " candidates";
    }

    /** The genre part of the "How" line: how many candidates were looked up, and how many of them could be read. */
    private static String genreHow(RecommendationPlan plan) {
        if (plan.genre() == null) {
            return "";
        }
        String genre = "\"" + escape(plan.genre()) + "\"";
        return plan.genreUnchecked() == 0
                ? "; the best " + plan.genreChecked() + " checked for the tag " + genre
                : "; the best " + plan.genreLookedUp() + " looked up for the tag " + genre + ", "
                  + plan.genreChecked() + " of them read";
    }

    private static String line(Recommendation r) {
        StringBuilder text = new StringBuilder("**").append(escape(r.name())).append("** — ")
                .append(escape(r.reason()));
        if (r.startWith() != null) {
            text.append(" Start with \"").append(escape(r.startWith().name())).append("\".");
        }
        if (r.genreTags() != null) {
            text.append(" Tagged: ").append(escape(String.join(", ", r.genreTags()))).append('.');
        }
        return text.append(" (score ").append(Insights.percent(r.score())).append(')').toString();
    }

    private static void nextSteps(ToolOutput out, RecommendationPlan plan, List<Recommendation> recommendations) {
        if (!recommendations.isEmpty()) {
            String first = recommendations.get(0).name();
            out.next().call("get_artist_top_tracks", "artist", first, "limit", 5)
                    .call("get_artist_info", "artist", first, "username", plan.user())
                    .call("get_similar_artists", "artist", first, "limit", 10);
        } else if (!plan.seeds().isEmpty()) {
            out.next().call("get_similar_artists", "artist", plan.seeds().get(0).name(), "limit", 30);
        }
        if (plan.genre() != null) {
            out.next().call("get_music_recommendations", "username", plan.user(), "limit", plan.limit());
        }
        out.next().call("get_listening_stats", "username", plan.user(), "period", plan.seedPeriod().value());
    }
}
