package dev.lastfmmcp.unit;

import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.completion.CompletionQuery;
import dev.lastfmmcp.completion.Completions;
import dev.lastfmmcp.completion.Matching;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.lastfm.LastfmException;
import dev.lastfmmcp.lastfm.LastfmErrorKind;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.ArtistHit;
import dev.lastfmmcp.lastfm.model.ArtistSearch;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.Tag;
import dev.lastfmmcp.lastfm.model.TopTags;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.prompts.PromptCatalogue;
import dev.lastfmmcp.resources.ResourceCatalogue;
import dev.lastfmmcp.tools.ToolCatalogue;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** completion/complete without a CamelContext: what is completed from where, and the shape of the answer. */
class CompletionsTest {

    private final ObjectMapper mapper = AppConfiguration.objectMapper();
    private final JsonRpcCodec codec = new JsonRpcCodec(mapper);
    private final ToolCatalogue tools = ToolCatalogue.load(mapper, 100);
    private final Completions completions = new Completions(ResourceCatalogue.load(mapper, tools, 100, ""),
            PromptCatalogue.load(100), "rj");
    private final McpRequest anonymous = new McpRequest("c-1", 0, java.time.Instant.EPOCH, "POST", "/mcp");

    private CompletionQuery resolve(String params) {
        return completions.resolve(new McpCall(codec.classify(codec.parse(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"completion/complete\",\"params\":" + params + "}"))),
                anonymous);
    }

    private CompletionQuery prompt(String prompt, String argument, String value, String context) {
        return resolve("{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"" + prompt + "\"},\"argument\":{\"name\":\""
                       + argument + "\",\"value\":\"" + value + "\"}"
                       + (context == null ? "" : ",\"context\":{\"arguments\":" + context + "}") + "}");
    }

    private CompletionQuery template(String uri, String argument, String value, String context) {
        return resolve("{\"ref\":{\"type\":\"ref/resource\",\"uri\":\"" + uri + "\"},\"argument\":{\"name\":\""
                       + argument + "\",\"value\":\"" + value + "\"}"
                       + (context == null ? "" : ",\"context\":{\"arguments\":" + context + "}") + "}");
    }

    private static McpSchema.CompleteResult.CompleteCompletion values(McpSchema.CompleteResult result) {
        return result.completion();
    }

    @Test
    void choicesCompleteFromTheirListByPrefix() {
        McpSchema.CompleteResult periods = completions.fromValues(prompt("listening_insights", "period", "", null));
        assertThat(values(periods).values()).containsExactly("7day", "1month", "3month", "6month", "12month",
                "overall");
        assertThat(values(periods).total()).isEqualTo(6);
        assertThat(values(periods).hasMore()).isFalse();
        assertThat(values(completions.fromValues(prompt("listening_insights", "period", "1", null))).values())
                .containsExactly("1month", "12month");
        assertThat(values(completions.fromValues(prompt("listening_habits", "timeframe", "H", null))).values())
                .containsExactly("historical");
        assertThat(values(completions.fromValues(template("lastfm://user/{username}/top-artists", "period", "o",
                null))).values()).containsExactly("overall");
    }

    @Test
    void usernamesCompleteToTheSignedInOrDefaultUserOnly() {
        assertThat(values(completions.fromValues(prompt("music_discovery", "username", "", null))).values())
                .containsExactly("rj");
        assertThat(values(completions.fromValues(prompt("music_discovery", "username", "x", null))).values())
                .isEmpty();
        McpRequest signedIn = new McpRequest("c-2", 0, java.time.Instant.EPOCH, "POST", "/mcp");
        signedIn.setCaller(dev.lastfmmcp.mcp.Caller.lastfmUser("frikandel_"));
        CompletionQuery query = completions.resolve(new McpCall(codec.classify(codec.parse(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":"
                + "\"ref/resource\",\"uri\":\"lastfm://user/{username}/loved\"},\"argument\":{\"name\":\"username\","
                + "\"value\":\"FRI\"}}}"))), signedIn);
        assertThat(values(completions.fromValues(query)).values()).containsExactly("frikandel_");
        assertThat(query.needsLastfm()).isFalse();
    }

    @Test
    void artistsAreSearchedOrPopularOnesForAnEmptyPrefix() {
        assertThat(prompt("artist_analysis", "artist", "radioh", null).lastfm())
                .isEqualTo(LastfmRequest.of("artist.search", "artist", "radioh", "limit", "50"));
        assertThat(template("lastfm://artist/{artist}/similar", "artist", " ", null).lastfm())
                .isEqualTo(LastfmRequest.of("chart.getTopArtists", "limit", "50"));
    }

    @Test
    void tracksAreNarrowedByAnArtistGivenInTheContext() {
        assertThat(prompt("track_analysis", "track", "hells", "{\"artist\":\"AC/DC\"}").lastfm())
                .isEqualTo(LastfmRequest.of("track.search", "track", "hells", "artist", "AC/DC", "limit", "50"));
        assertThat(prompt("track_analysis", "track", "hells", null).lastfm())
                .isEqualTo(LastfmRequest.of("track.search", "track", "hells", "limit", "50"));
        assertThat(template("lastfm://track/{artist}/{track}", "track", "", "{\"artist\":\"AC/DC\"}").lastfm())
                .isEqualTo(LastfmRequest.of("artist.getTopTracks", "artist", "AC/DC", "limit", "50",
                        "autocorrect", "1"));
        assertThat(template("lastfm://track/{artist}/{track}/similar", "track", "", "{\"artist\":\"  \"}").lastfm())
                .isEqualTo(LastfmRequest.of("chart.getTopTracks", "limit", "50"));
    }

    @Test
    void albumsAreSearchedOrTakenFromTheArtistsTopAlbums() {
        assertThat(prompt("album_analysis", "album", "ok comp", null).lastfm())
                .isEqualTo(LastfmRequest.of("album.search", "album", "ok comp", "limit", "50"));
        CompletionQuery byArtist = prompt("album_analysis", "album", "ok", "{\"artist\":\"Radiohead\"}");
        assertThat(byArtist.lastfm()).isEqualTo(LastfmRequest.of("artist.getTopAlbums", "artist", "Radiohead",
                "limit", "100", "autocorrect", "1"));
        assertThat(byArtist.filter()).isTrue();
        CompletionQuery nothingToGoOn = prompt("album_analysis", "album", "", null);
        assertThat(nothingToGoOn.needsLastfm()).isFalse();
        assertThat(values(completions.fromValues(nothingToGoOn)).values()).isEmpty();
    }

    @Test
    void genresComeFromLastfmsTopTagsNarrowedHere() {
        CompletionQuery query = prompt("music_discovery", "genre", "ROCK", null);
        assertThat(query.lastfm()).isEqualTo(LastfmRequest.of("chart.getTopTags", "limit", "500"));
        TopTags tags = new TopTags(null, null, null, List.of(tag("rock"), tag("indie rock"), tag("Rockabilly"),
                tag("electronic"), tag("rock"), tag("punk rock")));
        McpSchema.CompleteResult result = completions.fromLastfm(query, LastfmResult.fresh(tags));
        assertThat(values(result).values()).containsExactly("rock", "Rockabilly", "indie rock", "punk rock");
        assertThat(values(result).total()).isEqualTo(4);
        assertThat(values(result).hasMore()).isFalse();
    }

    @Test
    void searchesKeepLastfmsOrderWithoutDuplicatesAndReportItsTotal() {
        CompletionQuery query = prompt("artist_analysis", "artist", "radiohed", null);
        ArtistSearch search = new ArtistSearch("radiohed", new Page(1, 50, 20, 987), List.of(
                new ArtistHit("Radiohead", null, null, 5L, null), new ArtistHit("Radiohead", "x", null, 1L, null),
                new ArtistHit("Radiohead Tribute", null, null, 1L, null)));
        McpSchema.CompleteResult result = completions.fromLastfm(query, LastfmResult.fresh(search));
        assertThat(values(result).values()).containsExactly("Radiohead", "Radiohead Tribute");
        assertThat(values(result).total()).isEqualTo(987);
        assertThat(values(result).hasMore()).isTrue();
    }

    @Test
    void atMostAHundredValues() {
        CompletionQuery query = prompt("music_discovery", "genre", "", null);
        TopTags tags = new TopTags(null, null, null, IntStream.range(0, 250).mapToObj(i -> tag("tag" + i)).toList());
        McpSchema.CompleteResult result = completions.fromLastfm(query, LastfmResult.fresh(tags));
        assertThat(values(result).values()).hasSize(100).startsWith("tag0", "tag1");
        assertThat(values(result).total()).isEqualTo(250);
        assertThat(values(result).hasMore()).isTrue();
    }

    @Test
    void aLastfmFailureIsAnEmptyCompletion() {
        McpSchema.CompleteResult result = completions.unavailable(new LastfmException(LastfmErrorKind.NOT_CONFIGURED,
                0, "no key"), prompt("artist_analysis", "artist", "a", null), anonymous);
        assertThat(values(result).values()).isEmpty();
        assertThat(values(result).total()).isZero();
        assertThat(values(result).hasMore()).isFalse();
        assertThat(prompt("artist_analysis", "artist", "x".repeat(501), null).needsLastfm()).isFalse();
    }

    @Test
    void unknownReferencesAndArgumentsAreInvalidParams() {
        for (String params : List.of("{}", "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"artist_analysis\"}}",
                "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"nope\"},\"argument\":{\"name\":\"a\",\"value\":\"\"}}",
                "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"artist_analysis\"},\"argument\":{\"name\":\"track\","
                + "\"value\":\"\"}}",
                "{\"ref\":{\"type\":\"ref/resource\",\"uri\":\"lastfm://artist/Cher\"},\"argument\":{\"name\":"
                + "\"artist\",\"value\":\"\"}}",
                "{\"ref\":{\"type\":\"ref/tool\",\"name\":\"ping\"},\"argument\":{\"name\":\"a\",\"value\":\"\"}}",
                "{\"ref\":{\"type\":\"ref/prompt\"},\"argument\":{\"name\":\"artist\",\"value\":\"\"}}",
                "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"artist_analysis\"},\"argument\":{\"name\":\"artist\","
                + "\"value\":5}}")) {
            assertThatThrownBy(() -> resolve(params)).as(params).isInstanceOfSatisfying(JsonRpcException.class,
                    e -> assertThat(e.code()).isEqualTo(JsonRpcErrors.INVALID_PARAMS));
        }
    }

    @Test
    void matchingIsCaseAndAccentInsensitiveWordStartsAfterPrefixes() {
        assertThat(Matching.narrow(List.of("Björk", "Bjorn", "Sigur Rós", "The Bjork Tribute", "abjorkb"), "bjö"))
                .containsExactly("Björk", "Bjorn", "The Bjork Tribute");
        assertThat(Matching.narrow(List.of("b", "a", "b"), "")).containsExactly("b", "a");
        assertThat(Matching.narrow(List.of("Sigur Rós"), "ros")).containsExactly("Sigur Rós");
    }

    private static Tag tag(String name) {
        return new Tag(name, null, null, null, null);
    }
}
