package dev.lastfmmcp.unit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.lastfm.LastfmErrorKind;
import dev.lastfmmcp.lastfm.LastfmException;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.ArtistRef;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.RankedArtist;
import dev.lastfmmcp.lastfm.model.RankedTrack;
import dev.lastfmmcp.lastfm.model.SimilarArtist;
import dev.lastfmmcp.lastfm.model.SimilarArtists;
import dev.lastfmmcp.lastfm.model.Tag;
import dev.lastfmmcp.lastfm.model.TopArtists;
import dev.lastfmmcp.lastfm.model.TopTags;
import dev.lastfmmcp.lastfm.model.TopTracks;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.Progress;
import dev.lastfmmcp.tools.insights.Fetch;
import dev.lastfmmcp.tools.insights.Fetches;
import dev.lastfmmcp.tools.insights.InsightSettings;
import dev.lastfmmcp.tools.insights.Period;
import dev.lastfmmcp.tools.insights.RecommendationPlan;
import dev.lastfmmcp.tools.insights.RecommendationTool;
import dev.lastfmmcp.tools.insights.Recommendations;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The phases of get_music_recommendations on plain values: fallbacks, partial failures, genre, limit, progress. */
class RecommendationPlanTest {

    private static final InsightSettings SETTINGS = new InsightSettings(1000, 10, 200, 2, Period.THREE_MONTHS, 50,
            3);
    private static final LastfmException NOT_FOUND = new LastfmException(LastfmErrorKind.NOT_FOUND, 6,
            "User not found: ghost. Check the Last.fm username.");
    private static final LastfmException DOWN = new LastfmException(LastfmErrorKind.UNAVAILABLE, 0,
            "Last.fm is unavailable right now (HTTP 503); try again in a minute.");

    private static TopArtists top(String... namePlays) {
        List<RankedArtist> artists = new ArrayList<>();
        for (int i = 0; i < namePlays.length; i += 2) {
            artists.add(new RankedArtist(i / 2 + 1, namePlays[i], null, null, Long.parseLong(namePlays[i + 1]), null,
                    null));
        }
        return new TopArtists("u", null, null, new Page(1, 1000, 1, artists.size()), artists);
    }

    private static SimilarArtists similar(String artist, Object... nameMatches) {
        List<SimilarArtist> list = new ArrayList<>();
        for (int i = 0; i < nameMatches.length; i += 2) {
            list.add(new SimilarArtist((String) nameMatches[i], null, null, (Double) nameMatches[i + 1], null));
        }
        return new SimilarArtists(artist, list);
    }

    private static TopTags tags(String artist, String... names) {
        List<Tag> list = new ArrayList<>();
        for (String name : names) {
            list.add(new Tag(name, null, 100L, null, null));
        }
        return new TopTags(null, artist, null, list);
    }

    private static TopTracks track(String artist, String name) {
        return new TopTracks(null, artist, null, null, null, List.of(new RankedTrack(1, name, null, null,
                new ArtistRef(artist, null, null), 10L, 5L, null, null)));
    }

    /** Answers every request with {@code answer} (a record, or a LastfmException for a failure). */
    private static Fetches answer(List<LastfmRequest> requests, Function<LastfmRequest, Object> answer) {
        List<Fetch> fetches = new ArrayList<>();
        for (LastfmRequest request : requests) {
            Object data = answer.apply(request);
            fetches.add(data instanceof LastfmException e ? Fetch.failed(request, e)
                    : Fetch.succeeded(request, LastfmResult.fresh(data)));
        }
        return Fetches.of(fetches);
    }

    private static Object byPeriod(LastfmRequest request, Object overall, Object period) {
        return "overall".equals(request.param("period")) ? overall : period;
    }

    private static RecommendationPlan planned(String genre, int limit, TopArtists seeds) {
        RecommendationPlan plan = new RecommendationPlan("u", limit, genre, SETTINGS);
        plan.readFirst(answer(plan.firstRequests(), r -> byPeriod(r,
                top("Known", "900", "A", "500", "B", "300"), seeds)));
        Map<String, SimilarArtists> similar = Map.of(
                "A", similar("A", "X", 0.9, "Known", 1.0, "Y", 0.5),
                "B", similar("B", "Y", 0.8, "Z", 0.6, "W", 0.1));
        plan.readSimilar(answer(plan.similarRequests(), r -> similar.getOrDefault(r.param("artist"),
                similar(r.param("artist")))));
        return plan;
    }

    @Test
    void seedsComeFromTheSeedPeriodAndKnownArtistsAreLeftOut() {
        RecommendationPlan plan = planned(null, 10, top("A", "60", "B", "40", "C", "1"));
        assertThat(plan.seedPeriod()).isEqualTo(Period.THREE_MONTHS);
        assertThat(plan.seeds()).extracting(Recommendations.Seed::name).containsExactly("A", "B");
        // X: 0.6 x 0.9 = 0.54; Y: 0.6 x 0.5 + 0.4 x 0.8 = 0.62; Z: 0.24; W: 0.04
        assertThat(plan.picks()).extracting(Recommendations.Candidate::name).containsExactly("Y", "X", "Z", "W");
        assertThat(plan.requests()).isEqualTo(2 + 2);
        plan.readTracks(answer(plan.trackRequests(), r -> r.param("artist").equals("Z") ? DOWN
                : track(r.param("artist"), "Song of " + r.param("artist"))));
        assertThat(plan.topTrack("Y").name()).isEqualTo("Song of Y");
        assertThat(plan.topTrack("Z")).isNull();
        assertThat(plan.skipped()).containsExactly("No track to start with for Z (Last.fm is unavailable right "
                                                   + "now (HTTP 503); try again in a minute.)");
        assertThat(plan.requests()).isEqualTo(2 + 2 + 4);
        assertThat(plan.requestBound()).isEqualTo(2 + 2 + 10);
    }

    @Test
    void theLimitIsHonoured() {
        RecommendationPlan plan = planned(null, 2, top("A", "60", "B", "40"));
        assertThat(plan.picks()).extracting(Recommendations.Candidate::name).containsExactly("Y", "X");
        assertThat(plan.trackRequests()).hasSize(2);
    }

    @Test
    void withoutPlaysInTheSeedPeriodTheAllTimeTopArtistsAreTheSeeds() {
        RecommendationPlan plan = planned(null, 10, top());
        assertThat(plan.seedPeriod()).isEqualTo(Period.OVERALL);
        assertThat(plan.seeds()).extracting(Recommendations.Seed::name).containsExactly("Known", "A");
    }

    @Test
    void aFailedSeedListFallsBackButAFailedLibraryIsTheToolsError() {
        RecommendationPlan plan = new RecommendationPlan("u", 5, null, SETTINGS);
        plan.readFirst(answer(plan.firstRequests(), r -> byPeriod(r, top("A", "5"), DOWN)));
        assertThat(plan.seedPeriod()).isEqualTo(Period.OVERALL);
        assertThat(plan.skipped()).singleElement().asString().startsWith("The top artists of the last 3 months "
                                                                         + "could not be read");

        RecommendationPlan unknown = new RecommendationPlan("ghost", 5, null, SETTINGS);
        List<LastfmRequest> requests = unknown.firstRequests();
        assertThatThrownBy(() -> unknown.readFirst(answer(requests, r -> NOT_FOUND))).isSameAs(NOT_FOUND);
    }

    @Test
    void oneFailedSimilarListIsSkippedButAllFailingIsAnError() {
        RecommendationPlan plan = new RecommendationPlan("u", 5, null, SETTINGS);
        plan.readFirst(answer(plan.firstRequests(), r -> byPeriod(r, top("A", "5", "B", "3"), top("A", "5",
                "B", "3"))));
        plan.readSimilar(answer(plan.similarRequests(), r -> r.param("artist").equals("B") ? DOWN
                : similar("A", "X", 0.5)));
        assertThat(plan.picks()).extracting(Recommendations.Candidate::name).containsExactly("X");
        assertThat(plan.skipped()).containsExactly("The similar artists of B could not be read, so that seed adds "
                                                   + "nothing.");

        RecommendationPlan broken = new RecommendationPlan("u", 5, null, SETTINGS);
        broken.readFirst(answer(broken.firstRequests(), r -> top("A", "5")));
        List<LastfmRequest> requests = broken.similarRequests();
        assertThatThrownBy(() -> broken.readSimilar(answer(requests, r -> DOWN))).isSameAs(DOWN);
    }

    @Test
    void aGenreChecksTheBestCandidatesTagsAndKeepsTheTaggedOnes() {
        RecommendationPlan plan = planned("Dream Pop", 10, top("A", "60", "B", "40"));
        assertThat(plan.picks()).isEmpty();
        List<LastfmRequest> tagRequests = plan.tagRequests();
        // the best 3 candidates (genre-candidates = 3): Y, X, Z; W is not checked
        assertThat(tagRequests).extracting(r -> r.param("artist")).containsExactly("Y", "X", "Z");
        plan.readTags(answer(tagRequests, r -> switch (r.param("artist")) {
            case "Y" -> tags("Y", "shoegaze", "dream-pop");
            case "X" -> tags("X", "post-rock");
            default -> DOWN;
        }));
        assertThat(plan.picks()).extracting(Recommendations.Candidate::name).containsExactly("Y");
        assertThat(plan.matchedTags("Y")).containsExactly("dream-pop");
        // Z's tags could not be read: not checked, so neither kept nor counted as checked
        assertThat(plan.genreChecked()).isEqualTo(2);
        assertThat(plan.genreUnchecked()).isEqualTo(1);
        assertThat(plan.genreLookedUp()).isEqualTo(3);
        assertThat(plan.skipped()).containsExactly("The tags of Z could not be read, so they were not recommended.");
        assertThat(plan.requests()).isEqualTo(2 + 2 + 3);
        assertThat(plan.requestBound()).isEqualTo(2 + 2 + 3 + 10);
    }

    @Test
    void anAllTimeSeedPeriodNeedsOneFirstRequest() {
        InsightSettings overall = new InsightSettings(1000, 10, 200, 2, Period.OVERALL, 50, 3);
        RecommendationPlan plan = new RecommendationPlan("u", 5, null, overall);
        List<LastfmRequest> requests = plan.firstRequests();
        assertThat(requests).singleElement().satisfies(r -> assertThat(r.param("period")).isEqualTo("overall"));
        plan.readFirst(answer(requests, r -> top("A", "5", "B", "1")));
        assertThat(plan.seeds()).hasSize(2);
        assertThat(plan.requestBound()).isEqualTo(1 + 2 + 5);
    }

    @Test
    void reasonsNameTheSeedsAndTheirPlays() {
        Recommendations.Candidate one = new Recommendations.Candidate("X", null, null, 0.5,
                List.of(new Recommendations.Because("A", 1, 0.954)));
        assertThat(RecommendationTool.reason(one, Period.OVERALL))
                .isEqualTo("Similar to A (95% match), which you played 1 time.");
        Recommendations.Candidate three = new Recommendations.Candidate("X", null, null, 0.5,
                List.of(new Recommendations.Because("A", 1200, 0.9), new Recommendations.Because("B", 30, 0.5),
                        new Recommendations.Because("C", 3, 0.2)));
        assertThat(RecommendationTool.reason(three, Period.SEVEN_DAYS)).isEqualTo("Similar to A (90% match) "
                + "and B (50% match), which you played 1,200 and 30 times in the last 7 days, and to 1 more of your "
                + "top artists.");
    }

    @Test
    void progressIsReportedBetweenThePhases() {
        JsonRpcCodec codec = new JsonRpcCodec(AppConfiguration.objectMapper());
        RecommendationTool tool = new RecommendationTool(SETTINGS, new Progress(codec));
        McpRequest request = new McpRequest("c", 0, Instant.EPOCH, "POST", "/mcp");
        List<JsonNode> sent = new ArrayList<>();
        request.setProgressSink(sent::add);
        McpCall call = new McpCall(codec.classify(codec.parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                + "\"tools/call\",\"params\":{\"name\":\"get_music_recommendations\",\"_meta\":{\"progressToken\":9}}}")));
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("username", "u");
        args.put("limit", 2);
        args.put("genre", "shoegaze");
        RecommendationPlan plan = tool.plan(args, request.getCaller());
        plan.readFirst(answer(tool.firstRequests(plan, request, call), r -> top("A", "5")));
        plan.readSimilar(answer(tool.similarRequests(plan, request, call), r -> similar("A", "X", 0.5)));
        plan.readTags(answer(tool.tagRequests(plan, request, call), r -> tags("X", "shoegaze")));
        tool.trackRequests(plan, request, call);
        assertThat(sent).extracting(n -> n.at("/params/message").asText()).containsExactly(
                "Reading u's top artists and library (1/4)",
                "Finding artists similar to u's top artist (2/4)",
                "Checking the tags of the best candidate for \"shoegaze\" (3/4)",
                "Finding a track to start with for the recommendation (4/4)");
        assertThat(sent).extracting(n -> n.at("/params/progress").asDouble()).containsExactly(1.0, 2.0, 3.0, 4.0);
        assertThat(sent).allSatisfy(n -> assertThat(n.at("/params/total").asDouble()).isEqualTo(4.0));
    }
}
