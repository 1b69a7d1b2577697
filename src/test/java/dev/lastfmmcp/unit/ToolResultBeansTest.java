package dev.lastfmmcp.unit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.lastfm.LastfmNormalizer;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.NextStepCalls;
import dev.lastfmmcp.tools.ToolCatalogue;
import dev.lastfmmcp.tools.artists.ArtistTools;
import dev.lastfmmcp.tools.charts.ChartTools;
import dev.lastfmmcp.tools.tags.TagTools;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tool result beans on recorded Last.fm answers, without transport or CamelContext: fixture → normaliser →
 * {@link LastfmResult} → result method, then the Markdown facts and the structured content, which must match the
 * tool's outputSchema from the catalogue, and every "Next steps" call must fit its tool's inputSchema.
 */
class ToolResultBeansTest {

    private static final ObjectMapper JSON = AppConfiguration.objectMapper();
    private static final ToolCatalogue CATALOGUE = ToolCatalogue.load(JSON, 100);
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final NextStepCalls NEXT_STEPS = new NextStepCalls(CATALOGUE.all().stream().collect(
            Collectors.toMap(definition -> definition.name(), definition -> definition.inputSchema())));
    private final LastfmNormalizer normalizer = new LastfmNormalizer();

    private LastfmResult fresh(String method, String fixture) {
        return LastfmResult.fresh(normalizer.normalize(method, Fixtures.lastfmJson(fixture)));
    }

    private static String text(McpSchema.CallToolResult result) {
        String text = ((McpSchema.TextContent) result.content().get(0)).text();
        assertThat(NEXT_STEPS.problems(text)).as("next-step calls in %s", text).isEmpty();
        return text;
    }

    /** The structured content, checked against the tool's outputSchema. */
    private static JsonNode structured(String tool, McpSchema.CallToolResult result) {
        assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
        JsonNode content = JSON.valueToTree(result.structuredContent());
        JsonNode schema = JSON.valueToTree(CATALOGUE.get(tool).tool().outputSchema());
        List<Error> errors = SCHEMAS.getSchema(schema).validate(content);
        assertThat(errors).as("structuredContent of %s against its outputSchema", tool).isEmpty();
        return content;
    }

    @Test
    void artistTopTracksRanksTheFirstNWithThousandsSeparators() {
        McpSchema.CallToolResult result = new ArtistTools().topTracks(Map.of("artist", "chris cornell", "limit", 3),
                fresh("artist.getTopTracks", "artist.getTopTracks__chris-cornell.json"));
        String text = text(result);
        assertThat(text).startsWith("## Top tracks of Chris Cornell")
                .contains("1. **You Know My Name** — 2,053,916 scrobbles, 335,135 listeners")
                .contains("3. **Can't Change Me**")
                .doesNotContain("4. ")
                // same name but for case: no correction notice
                .doesNotContain("corrected");
        assertThat(NextStepCalls.lines(text)).contains("get_track_info(artist=\"Chris Cornell\", track=\"You Know My Name\")");
        JsonNode content = structured("get_artist_top_tracks", result);
        assertThat(content.get("artist").asText()).isEqualTo("Chris Cornell");
        assertThat(content.get("tracks")).hasSize(3);
        assertThat(content.get("tracks").get(1).get("name").asText()).isEqualTo("Billie Jean");
        assertThat(content.has("stale")).isFalse();
    }

    @Test
    void aStaleSimilarArtistsAnswerSaysSoInTextAndStructure() {
        LastfmResult fresh = fresh("artist.getSimilar", "artist.getSimilar__metallica.json");
        LastfmResult stale = LastfmResult.stale(fresh.data(), Duration.ofMinutes(7));
        McpSchema.CallToolResult result = new ArtistTools().similar(Map.of("artist", "Metalica", "limit", 30), stale);
        String text = text(result);
        assertThat(text).startsWith("> Last.fm could not be reached just now")
                .contains("## Artists similar to Metallica")
                .contains("Last.fm corrected \"Metalica\" to \"Metallica\"")
                .contains("1. **Megadeth** — 100% match")
                .contains("2. **Pantera** — 60% match");
        assertThat(NextStepCalls.lines(text)).isNotEmpty()
                .allSatisfy(call -> assertThat(call).doesNotContain("Metalica"));
        JsonNode content = structured("get_similar_artists", result);
        assertThat(content.get("stale").asBoolean()).isTrue();
        assertThat(content.get("staleAgeSeconds").asLong()).isEqualTo(420L);
        assertThat(content.get("correctedFrom").asText()).isEqualTo("Metalica");
        assertThat(content.get("artists")).hasSize(3);
    }

    @Test
    void tagTopArtistsListsTheRankingAndPointsOnward() {
        McpSchema.CallToolResult result = new TagTools().topArtists(Map.of("tag", "metal", "limit", 20),
                fresh("tag.getTopArtists", "tag.getTopArtists__metal.json"));
        String text = text(result);
        assertThat(text).startsWith("## Top artists tagged \"metal\"")
                .contains("1. **System of a Down**")
                .contains("get_artist_info")
                .contains("System of a Down");
        JsonNode content = structured("get_tag_top_artists", result);
        assertThat(content.get("tag").asText()).isEqualTo("metal");
        assertThat(content.get("artists")).hasSize(3);
        assertThat(content.get("artists").get(0).get("name").asText()).isEqualTo("System of a Down");
    }

    @Test
    void anUnknownTagIsAnEmptyListNotAnError() {
        McpSchema.CallToolResult result = new TagTools().topArtists(Map.of("tag", "nosuchtagzz", "limit", 20),
                fresh("tag.getTopArtists", "tag.getTopArtists__empty-unknown-tag.json"));
        JsonNode content = structured("get_tag_top_artists", result);
        assertThat(content.get("artists")).isEmpty();
        assertThat(text(result)).contains("nosuchtagzz").doesNotContain("1. ");
    }

    @Test
    void theWorldwideChartRanksArtistsWithListenersAndScrobbles() {
        McpSchema.CallToolResult result = new ChartTools().topArtists(Map.of("limit", 2),
                fresh("chart.getTopArtists", "chart.getTopArtists__limit10.json"));
        String text = text(result);
        assertThat(text).startsWith("## Top artists on Last.fm worldwide")
                .contains("1. **The Weeknd** — 3,389,182 listeners")
                .contains("497,235,451 scrobbles")
                .contains("2. **Taylor Swift**")
                .doesNotContain("3. ");
        assertThat(NextStepCalls.lines(text)).contains("get_artist_info(artist=\"The Weeknd\")");
        JsonNode content = structured("get_global_top_artists", result);
        assertThat(content.get("artists")).hasSize(2);
        assertThat(content.path("country").isMissingNode() || content.get("country").isNull()).isTrue();
    }

    @Test
    void aCountrysChartNamesTheCountryAndOffersTheWorldwideOne() {
        McpSchema.CallToolResult result = new ChartTools().topArtists(Map.of("limit", 10, "country", "canada"),
                fresh("geo.getTopArtists", "geo.getTopArtists__canada-limit10.json"));
        String text = text(result);
        assertThat(text).startsWith("## Top artists on Last.fm in Canada")
                .contains("1. **Radiohead** — 6,075,666 listeners");
        assertThat(NextStepCalls.lines(text)).contains("get_global_top_artists(limit=10)");
        JsonNode content = structured("get_global_top_artists", result);
        assertThat(content.get("country").asText()).isEqualTo("Canada");
        assertThat(content.get("artists")).hasSize(10);
    }
}
