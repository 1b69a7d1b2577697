package dev.lastfmmcp.completion;

import dev.lastfmmcp.mcp.ArgumentSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.AlbumHit;
import dev.lastfmmcp.lastfm.model.AlbumSearch;
import dev.lastfmmcp.lastfm.model.ArtistHit;
import dev.lastfmmcp.lastfm.model.ArtistSearch;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.RankedAlbum;
import dev.lastfmmcp.lastfm.model.RankedArtist;
import dev.lastfmmcp.lastfm.model.RankedTrack;
import dev.lastfmmcp.lastfm.model.Tag;
import dev.lastfmmcp.lastfm.model.TopAlbums;
import dev.lastfmmcp.lastfm.model.TopArtists;
import dev.lastfmmcp.lastfm.model.TopTags;
import dev.lastfmmcp.lastfm.model.TopTracks;
import dev.lastfmmcp.lastfm.model.TrackHit;
import dev.lastfmmcp.lastfm.model.TrackSearch;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.prompts.PromptCatalogue;
import dev.lastfmmcp.resources.ResourceCatalogue;
import dev.lastfmmcp.jsonrpc.ToolException;
import dev.lastfmmcp.tools.Users;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of {@code completion/complete} that compute: which argument is meant (-32602 for an unknown prompt,
 * template or argument) and where its values come from, then the completion from Last.fm's answer or from the values
 * known here. Choices complete from their list, usernames to the signed-in or default user, artists, tracks and
 * albums from Last.fm's searches (popular ones for an empty prefix), genres from Last.fm's top tags.
 */
public class Completions {

    private static final Logger LOG = LoggerFactory.getLogger(Completions.class);

    /** The most values one completion carries (the MCP limit). */
    static final int MAX_VALUES = 100;
    /** Results asked of a Last.fm search or chart. */
    static final int SEARCH_LIMIT = 50;
    /** An artist's top albums read to narrow to the prefix. */
    static final int ARTIST_ALBUMS = 100;
    /** Last.fm's top tags read to narrow to the prefix (one request, cached for a day). */
    static final int TOP_TAGS = 500;
    /** A longer prefix matches nothing and is not sent upstream. */
    static final int MAX_PREFIX = 500;

    private final ResourceCatalogue resources;
    private final PromptCatalogue prompts;
    private final String defaultUser;

    public Completions(ResourceCatalogue resources, PromptCatalogue prompts, String defaultUser) {
        this.resources = resources;
        this.prompts = prompts;
        this.defaultUser = defaultUser == null || defaultUser.isBlank() ? null : defaultUser.trim();
    }

    /** The query for this request (variable {@code completion}); -32602 when it names nothing completable. */
    public CompletionQuery resolve(@Variable("call") McpCall call, @Variable("mcp") McpRequest request) {
        JsonNode params = call.getParams();
        JsonNode ref = params == null ? null : params.get("ref");
        JsonNode argument = params == null ? null : params.get("argument");
        if (ref == null || !ref.isObject() || argument == null || !argument.isObject()
            || !argument.path("name").isTextual()) {
            throw JsonRpcException.invalidParams("completion/complete needs params.ref ({type: \"ref/prompt\", name} "
                                                 + "or {type: \"ref/resource\", uri}) and params.argument "
                                                 + "({name, value})");
        }
        JsonNode value = argument.path("value");
        if (!value.isMissingNode() && !value.isTextual()) {
            throw JsonRpcException.invalidParams("params.argument.value must be a string");
        }
        String name = argument.get("name").textValue();
        ArgumentSpec spec = switch (ref.path("type").asText()) {
            case "ref/prompt" -> prompts.argument(required(ref, "name"), name);
            case "ref/resource" -> resources.argument(required(ref, "uri"), name);
            default -> throw JsonRpcException.invalidParams("params.ref.type must be \"ref/prompt\" or "
                                                            + "\"ref/resource\"");
        };
        call.setName(ref.has("name") ? ref.get("name").asText() : ref.get("uri").asText());
        String signedIn = Users.signedIn(request == null ? null : request.getCaller());
        return query(spec, value.asText(""), context(params), signedIn != null ? signedIn : defaultUser);
    }

    private static String required(JsonNode ref, String field) {
        if (!ref.path(field).isTextual()) {
            throw JsonRpcException.invalidParams("params.ref needs " + field + " (a string)");
        }
        return ref.get(field).textValue();
    }

    /** The string values of {@code context.arguments}, trimmed, blank ones left out. */
    static Map<String, String> context(JsonNode params) {
        Map<String, String> context = new LinkedHashMap<>();
        params.path("context").path("arguments").fields().forEachRemaining(field -> {
            if (field.getValue().isTextual() && !field.getValue().textValue().isBlank()) {
                context.put(field.getKey(), field.getValue().textValue().strip());
            }
        });
        return context;
    }

    /** Where the values of {@code spec} for {@code prefix} come from. */
    static CompletionQuery query(ArgumentSpec spec, String prefix, Map<String, String> context, String user) {
        String typed = prefix.strip();
        if (typed.length() > MAX_PREFIX) {
            return CompletionQuery.fromValues(spec, typed, List.of());
        }
        String artist = context.get("artist");
        String limit = String.valueOf(SEARCH_LIMIT);
        return switch (spec.kind()) {
            case CHOICE -> CompletionQuery.fromValues(spec, typed, spec.choices());
            case USERNAME -> CompletionQuery.fromValues(spec, typed, user == null ? List.of() : List.of(user));
            case ARTIST -> CompletionQuery.fromLastfm(spec, typed, typed.isEmpty()
                    ? LastfmRequest.of("chart.getTopArtists", "limit", limit)
                    : LastfmRequest.of("artist.search", "artist", typed, "limit", limit), false);
            case TRACK -> CompletionQuery.fromLastfm(spec, typed, typed.isEmpty()
                    ? artist == null ? LastfmRequest.of("chart.getTopTracks", "limit", limit)
                    : LastfmRequest.of("artist.getTopTracks", "artist", artist, "limit", limit, "autocorrect", "1")
                    : LastfmRequest.of("track.search", "track", typed, "artist", artist, "limit", limit), false);
            case ALBUM -> artist != null
                    ? CompletionQuery.fromLastfm(spec, typed, LastfmRequest.of("artist.getTopAlbums", "artist", artist,
                            "limit", String.valueOf(ARTIST_ALBUMS), "autocorrect", "1"), true)
                    : typed.isEmpty() ? CompletionQuery.fromValues(spec, typed, List.of())
                    : CompletionQuery.fromLastfm(spec, typed,
                            LastfmRequest.of("album.search", "album", typed, "limit", limit), false);
            case GENRE -> CompletionQuery.fromLastfm(spec, typed,
                    LastfmRequest.of("chart.getTopTags", "limit", String.valueOf(TOP_TAGS)), true);
            case NONE -> CompletionQuery.fromValues(spec, typed, List.of());
        };
    }

    /** The completion from Last.fm's answer (variable {@code completionData}). */
    public McpSchema.CompleteResult fromLastfm(@Variable("completion") CompletionQuery query,
            @Variable("completionData") LastfmResult result) {
        List<String> names = new ArrayList<>();
        Page page = null;
        Object data = result.data();
        if (data instanceof ArtistSearch search) {
            search.artists().stream().map(ArtistHit::name).forEach(names::add);
            page = search.page();
        } else if (data instanceof TrackSearch search) {
            search.tracks().stream().map(TrackHit::name).forEach(names::add);
            page = search.page();
        } else if (data instanceof AlbumSearch search) {
            search.albums().stream().map(AlbumHit::name).forEach(names::add);
            page = search.page();
        } else if (data instanceof TopArtists top) {
            top.artists().stream().map(RankedArtist::name).forEach(names::add);
            page = top.page();
        } else if (data instanceof TopTracks top) {
            top.tracks().stream().map(RankedTrack::name).forEach(names::add);
            page = top.page();
        } else if (data instanceof TopAlbums top) {
            top.albums().stream().map(RankedAlbum::name).forEach(names::add);
            page = top.page();
        } else if (data instanceof TopTags top) {
            top.tags().stream().map(Tag::name).forEach(names::add);
        } else {
            throw new IllegalStateException("no completion from " + (data == null ? "nothing" : data.getClass()));
        }
        names.removeIf(name -> name == null || name.isBlank());
        if (query.filter()) {
            return result(Matching.narrow(names, query.prefix()), 0);
        }
        return result(List.copyOf(new LinkedHashSet<>(names)), page == null ? 0 : page.total());
    }

    /** The completion from the values known here (choices, the user). */
    public McpSchema.CompleteResult fromValues(@Variable("completion") CompletionQuery query) {
        return result(Matching.narrow(query.local(), query.prefix()), 0);
    }

    /**
     * Last.fm could not answer (no API key, down, rate limited) or its answer could not be read: no values rather
     * than an error, since a completion is only a suggestion.
     */
    public McpSchema.CompleteResult unavailable(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure,
            @Variable("completion") CompletionQuery query, @Variable("mcp") McpRequest request) {
        if (failure instanceof ToolException) {
            LOG.debug("No completion of {} from Last.fm: {}", query.argument().name(), failure.getMessage());
        } else {
            LOG.warn("Completion of {} failed (correlation id {})", query.argument().name(),
                    request == null ? "-" : request.getCorrelationId(), failure);
        }
        return result(List.of(), 0);
    }

    /** At most {@value #MAX_VALUES} values; total is what is known to match, hasMore whether values left some out. */
    static McpSchema.CompleteResult result(List<String> matches, long reportedTotal) {
        List<String> values = matches.stream().filter(Objects::nonNull).limit(MAX_VALUES).toList();
        long total = Math.max(matches.size(), reportedTotal);
        return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(values,
                (int) Math.min(Integer.MAX_VALUE, total), total > values.size()));
    }
}
