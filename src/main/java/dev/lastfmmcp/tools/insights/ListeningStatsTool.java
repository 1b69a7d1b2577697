package dev.lastfmmcp.tools.insights;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.Progress;
import dev.lastfmmcp.tools.Args;
import dev.lastfmmcp.tools.ToolOutput;
import dev.lastfmmcp.tools.Users;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Variable;

/**
 * get_listening_stats (route {@code tool-get_listening_stats}): plans the calls of each phase, reports progress
 * between them, and turns the {@link StatsSummary} into structured content and Markdown ({@link StatsMarkdown}).
 */
public class ListeningStatsTool {

    static final int STEPS = 3;

    private final InsightSettings settings;
    private final Progress progress;
    private final Clock clock;

    public ListeningStatsTool(InsightSettings settings, Progress progress, Clock clock) {
        this.settings = settings;
        this.progress = progress;
        this.clock = clock;
    }

    /** The plan of this call (variable {@code plan}): user, period, time zone and the period's window. */
    public StatsPlan plan(@Variable("args") Map<String, Object> arguments, @Variable("caller") Caller request) {
        Args args = Args.of(arguments);
        return new StatsPlan(Users.username(args, request), Period.of(args.text("period")),
                StatsPlan.zone(args.text("timezone")), clock.instant(), settings);
    }

    // ---------------------------------------------------------------- phases (requests and progress)

    public List<LastfmRequest> firstRequests(@Variable("plan") StatsPlan plan, @Variable("mcp") McpRequest request,
            @Variable("call") McpCall call) {
        progress.report(request, call, 1, (double) STEPS, "Reading " + plan.user() + "'s profile, top lists and "
                                                          + "recent scrobbles (1/" + STEPS + ")");
        return plan.firstRequests();
    }

    public void readFirst(@Variable("plan") StatsPlan plan, @Variable("fetched") List<?> fetched) {
        plan.readFirst(Fetches.of(fetched));
    }

    public List<LastfmRequest> tagRequests(@Variable("plan") StatsPlan plan, @Variable("mcp") McpRequest request,
            @Variable("call") McpCall call) {
        List<LastfmRequest> requests = plan.tagRequests();
        progress.report(request, call, 2, (double) STEPS, "Reading the tags of " + plan.user() + "'s "
                                                          + Insights.top(requests.size(), "artist", "artists")
                                                          + " (2/" + STEPS + ")");
        return requests;
    }

    public void readTags(@Variable("plan") StatsPlan plan, @Variable("fetched") List<?> fetched) {
        plan.readTags(Fetches.of(fetched));
    }

    // ---------------------------------------------------------------- result

    public McpSchema.CallToolResult result(@Variable("plan") StatsPlan plan, @Variable("mcp") McpRequest request,
            @Variable("call") McpCall call) {
        progress.report(request, call, 3, (double) STEPS, "Computing the statistics (3/" + STEPS + ")");
        StatsSummary stats = StatsSummary.of(plan);
        ToolOutput out = plan.output()
                .put("user", plan.displayName())
                .put("period", plan.period().value())
                .put("periodLabel", plan.period().words())
                .put("timezone", plan.zone().getId())
                .put("from", plan.from())
                .put("to", plan.now())
                .put("scrobbles", stats.scrobbles())
                .put("scrobblesExact", stats.scrobblesExact())
                .put("uniqueArtists", stats.uniqueArtists())
                .put("uniqueAlbums", stats.uniqueAlbums())
                .put("uniqueTracks", stats.uniqueTracks())
                .put("days", stats.days())
                .put("averagePerDay", stats.averagePerDay())
                .put("top10Share", stats.top10Share())
                .put("topArtists", stats.topArtists())
                .put("topAlbums", stats.topAlbums())
                .put("topTracks", stats.topTracks())
                .put("topGenres", stats.topGenres())
                .put("listening", stats.listening())
                .put("allTime", stats.allTime())
                .put("profile", plan.profile())
                .put("howDerived", stats.howDerived());
        StatsMarkdown.write(out, plan, stats);
        return out.build();
    }
}
