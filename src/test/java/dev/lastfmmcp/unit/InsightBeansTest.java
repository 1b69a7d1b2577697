package dev.lastfmmcp.unit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.lastfm.LastfmErrorKind;
import dev.lastfmmcp.lastfm.LastfmException;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.RankedArtist;
import dev.lastfmmcp.lastfm.model.TopArtists;
import dev.lastfmmcp.lastfm.model.TopTags;
import dev.lastfmmcp.lastfm.model.UserInfo;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.tools.ToolCatalogue;
import dev.lastfmmcp.tools.insights.AuthStatusTool;
import dev.lastfmmcp.tools.insights.FanOut;
import dev.lastfmmcp.tools.insights.Fetch;
import dev.lastfmmcp.tools.insights.Fetches;
import dev.lastfmmcp.tools.insights.InsightSettings;
import dev.lastfmmcp.tools.insights.Period;
import dev.lastfmmcp.tools.insights.StatsPlan;
import dev.lastfmmcp.tools.insights.StatsSummary;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The insight beans around the algorithms: the fan-out aggregation, the stats plan, the sign-in status, settings. */
class InsightBeansTest {

    private static final LastfmException PRIVATE = new LastfmException(LastfmErrorKind.PRIVATE, 17,
            "This user's listening history is private (u): they have hidden their recent listening on Last.fm, so "
            + "it cannot be read.");

    @Test
    void theFanOutGathersEveryOutcomeAndKeepsUnexpectedFailures() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            FanOut fanOut = new FanOut();
            LastfmRequest first = LastfmRequest.of("artist.getTopTags", "artist", "A");
            LastfmRequest second = LastfmRequest.of("artist.getTopTags", "artist", "B");
            Exchange one = part(context, Fetch.succeeded(first, LastfmResult.fresh("a")));
            Exchange two = part(context, Fetch.failed(second, PRIVATE));
            Exchange gathered = fanOut.aggregate(fanOut.aggregate(null, one), two);
            Fetches fetches = Fetches.of(gathered.getMessage().getBody(List.class));
            assertThat(fetches.all()).hasSize(2);
            assertThat(fetches.get(second).ok()).isFalse();
            assertThat(fetches.get(LastfmRequest.of("artist.getTopTags", "artist", "A")).result().data())
                    .isEqualTo("a");
            assertThatThrownBy(() -> fetches.get(second).require(TopTags.class)).isSameAs(PRIVATE);
            assertThatThrownBy(() -> fetches.get(LastfmRequest.of("user.getInfo", "user", "x")))
                    .isInstanceOf(IllegalStateException.class);

            Exchange broken = new DefaultExchange(context);
            broken.setException(new IllegalStateException("a bug"));
            assertThat(fanOut.aggregate(gathered, broken).getException()).hasMessage("a bug");
            assertThat(Fetches.of(null).all()).isEmpty();
        }
    }

    private static Exchange part(CamelContext context, Fetch fetch) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(fetch);
        return exchange;
    }

    private static final InsightSettings SETTINGS = InsightSettings.defaults();

    private static Fetches answer(List<LastfmRequest> requests, java.util.function.Function<LastfmRequest, Object> f) {
        List<Fetch> list = new ArrayList<>();
        for (LastfmRequest request : requests) {
            Object data = f.apply(request);
            list.add(data instanceof LastfmException e ? Fetch.failed(request, e)
                    : Fetch.succeeded(request, LastfmResult.fresh(data)));
        }
        return Fetches.of(list);
    }

    private static TopArtists artists(long total, long... plays) {
        List<RankedArtist> list = new ArrayList<>();
        for (int i = 0; i < plays.length; i++) {
            list.add(new RankedArtist(i + 1, "Artist " + (i + 1), null, null, plays[i], null, null));
        }
        return new TopArtists("u", null, null, new Page(1, 1000, 1, total), list);
    }

    @Test
    void theStatsPlanNeedsTheProfileAndTopArtistsAndNotesWhatElseIsMissing() {
        Instant now = Instant.parse("2024-05-08T10:17:45Z");
        StatsPlan plan = new StatsPlan("u", Period.SEVEN_DAYS, ZoneId.of("UTC"), now, SETTINGS);
        List<LastfmRequest> first = plan.firstRequests();
        assertThat(first).extracting(LastfmRequest::method).containsExactly("user.getInfo", "user.getTopArtists",
                "user.getTopAlbums", "user.getTopTracks", "user.getRecentTracks");
        assertThat(first.get(4).param("from")).isEqualTo(String.valueOf(Instant.parse("2024-05-01T10:00:00Z")
                .getEpochSecond()));
        assertThat(first.get(4).param("limit")).isEqualTo("200");
        UserInfo profile = new UserInfo("U", null, null, null, null, 5000L, null, null, null,
                Instant.parse("2020-05-08T00:00:00Z"), null, null, null, null);
        plan.readFirst(answer(first, r -> switch (r.method()) {
            case "user.getInfo" -> profile;
            case "user.getTopArtists" -> artists(1500, 40, 30, 20, 10);
            default -> PRIVATE;
        }));
        assertThat(plan.skipped()).hasSize(3).allSatisfy(note -> assertThat(note).contains("private (u)"));
        assertThat(plan.tagRequests()).hasSize(4);
        plan.readTags(answer(plan.tagRequests(), r -> PRIVATE));
        assertThat(plan.skipped()).last().asString().startsWith("The tags of Artist 1, Artist 2, Artist 3, Artist 4 "
                                                                + "could not be read");

        StatsSummary summary = StatsSummary.of(plan);
        assertThat(summary.scrobbles()).isEqualTo(100);
        assertThat(summary.scrobblesExact()).isFalse();
        assertThat(summary.howDerived().get("scrobbles")).startsWith("at least: the sum of the play counts of the "
                                                                     + "first 4 of 1,500 artists");
        assertThat(summary.uniqueArtists()).isEqualTo(1500);
        assertThat(summary.uniqueAlbums()).isNull();
        assertThat(summary.listening()).isNull();
        assertThat(summary.topGenres()).isEmpty();
        assertThat(summary.allTime().days()).isEqualTo(1461);
        assertThat(plan.displayName()).isEqualTo("U");
        assertThat(plan.requests()).isEqualTo(5 + 8);
        assertThat(plan.requestBound()).isEqualTo(15);

        StatsPlan unknown = new StatsPlan("ghost", Period.OVERALL, ZoneId.of("UTC"), now, SETTINGS);
        List<LastfmRequest> requests = unknown.firstRequests();
        assertThat(requests.get(4).param("from")).isNull();
        assertThatThrownBy(() -> unknown.readFirst(answer(requests, r -> r.method().equals("user.getInfo")
                ? profile : PRIVATE))).isSameAs(PRIVATE);
    }

    @Test
    void signInStatusListsToolsByKindAndNamesASignedInUser() {
        AuthStatusTool tool = new AuthStatusTool(ToolCatalogue.load(AppConfiguration.objectMapper(), 100));
        AuthStatusTool.ToolKinds kinds = tool.kinds();
        assertThat(kinds.personal()).contains("get_listening_stats", "compare_users");
        assertThat(kinds.catalogue()).contains("get_similar_artists").doesNotContain("get_listening_stats");
        assertThat(kinds.server()).contains("lastfm_auth_status");

        McpRequest signedIn = new McpRequest("c", 0, Instant.EPOCH, "POST", "/mcp");
        signedIn.setCaller(dev.lastfmmcp.mcp.Caller.lastfmUser("rj"));
        McpSchema.CallToolResult result = tool.status(signedIn.getCaller());
        JsonNode structured = AppConfiguration.objectMapper().valueToTree(result.structuredContent());
        assertThat(structured.get("signedIn").asBoolean()).isTrue();
        assertThat(structured.get("user").asText()).isEqualTo("rj");
        assertThat(((McpSchema.TextContent) result.content().get(0)).text()).contains("Signed in as **rj**.")
                .doesNotContain("example user");

        McpSchema.CallToolResult anonymous = tool.status(dev.lastfmmcp.mcp.Caller.ANONYMOUS);
        JsonNode none = AppConfiguration.objectMapper().valueToTree(anonymous.structuredContent());
        assertThat(none.get("signedIn").asBoolean()).isFalse();
        assertThat(none.has("user")).as("no user: the property is left out, not null").isFalse();
    }

    @Test
    void signInStatusSuggestsCallsOnlyForARealUser() {
        ToolCatalogue catalogue = ToolCatalogue.load(AppConfiguration.objectMapper(), 100);
        McpRequest anonymous = new McpRequest("c", 0, Instant.EPOCH, "POST", "/mcp");

        String none = ((McpSchema.TextContent) new AuthStatusTool(catalogue, "").status(anonymous.getCaller()).content().get(0))
                .text();
        assertThat(none).doesNotContain("rj").doesNotContain("get_listening_stats(")
                .doesNotContain("get_music_recommendations(").contains("`server_info()`");

        String configured = ((McpSchema.TextContent) new AuthStatusTool(catalogue, "nova_listens").status(anonymous.getCaller())
                .content().get(0)).text();
        assertThat(configured).doesNotContain("rj")
                .contains("The examples below use nova_listens, this server's default user (LASTFM_DEFAULT_USER)")
                .contains("get_listening_stats(username=\"nova_listens\", period=\"1month\")");

        McpRequest signedIn = new McpRequest("c", 0, Instant.EPOCH, "POST", "/mcp");
        signedIn.setCaller(dev.lastfmmcp.mcp.Caller.lastfmUser("someone"));
        String own = ((McpSchema.TextContent) new AuthStatusTool(catalogue, "nova_listens").status(signedIn.getCaller())
                .content().get(0)).text();
        assertThat(own).contains("get_listening_stats(username=\"someone\"").doesNotContain("nova_listens");
    }

    @Test
    void settingsOutsideTheirRangesStopTheServer() {
        assertThatThrownBy(() -> new InsightSettings(1001, 10, 200, 10, Period.SIX_MONTHS, 50, 50))
                .hasMessageContaining("insights.artist-list-limit");
        assertThatThrownBy(() -> new InsightSettings(1000, 10, 201, 10, Period.SIX_MONTHS, 50, 50))
                .hasMessageContaining("insights.stats.recent-sample");
        assertThatThrownBy(() -> new InsightSettings(1000, 10, 200, 0, Period.SIX_MONTHS, 50, 50))
                .hasMessageContaining("insights.recommendations.seeds");
        assertThatThrownBy(() -> new InsightSettings(1000, 10, 200, 10, null, 50, 50))
                .hasMessageContaining("seed-period");
        assertThat(InsightSettings.defaults().artistListLimit()).isEqualTo(1000);
    }
}
