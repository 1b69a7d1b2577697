package dev.lastfmmcp.unit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.mcp.ArgumentKind;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.resources.ResourceCatalogue;
import dev.lastfmmcp.resources.ResourceMatch;
import dev.lastfmmcp.resources.ResourceTemplateDefinition;
import dev.lastfmmcp.resources.ResourceUri;
import dev.lastfmmcp.tools.ToolCatalogue;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The resource templates as data: the ten templates, URI matching, the concrete user resources, the README. */
class ResourceCatalogueTest {

    private final ObjectMapper mapper = AppConfiguration.objectMapper();
    private final JsonRpcCodec codec = new JsonRpcCodec(mapper);
    private final ToolCatalogue tools = ToolCatalogue.load(mapper, 100);
    private final ResourceCatalogue catalogue = ResourceCatalogue.load(mapper, tools, 100, "");

    private static final Map<String, String> TOOL_OF = new LinkedHashMap<>();

    static {
        TOOL_OF.put("lastfm://track/{artist}/{track}", "get_track_info");
        TOOL_OF.put("lastfm://artist/{artist}", "get_artist_info");
        TOOL_OF.put("lastfm://album/{artist}/{album}", "get_album_info");
        TOOL_OF.put("lastfm://user/{username}/recent", "get_recent_tracks");
        TOOL_OF.put("lastfm://user/{username}/top-artists", "get_top_artists");
        TOOL_OF.put("lastfm://user/{username}/top-albums", "get_top_albums");
        TOOL_OF.put("lastfm://user/{username}/loved", "get_loved_tracks");
        TOOL_OF.put("lastfm://user/{username}/profile", "get_user_info");
        TOOL_OF.put("lastfm://artist/{artist}/similar", "get_similar_artists");
        TOOL_OF.put("lastfm://track/{artist}/{track}/similar", "get_similar_tracks");
    }

    private McpCall call(String method, String params) {
        return new McpCall(codec.classify(codec.parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\""
                                                      + (params == null ? "" : ",\"params\":" + params) + "}")));
    }

    private ResourceMatch read(String uri) {
        return catalogue.match(call("resources/read", "{\"uri\":" + RawJson.string(uri) + "}"));
    }

    private static McpRequest request(String user) {
        McpRequest request = new McpRequest("c-1", 0, java.time.Instant.EPOCH, "POST", "/mcp");
        if (user != null) {
            request.setCaller(dev.lastfmmcp.mcp.Caller.lastfmUser(user));
        }
        return request;
    }

    @Test
    void theTenTemplatesAreCompleteAndEachRunsItsTool() {
        Map<String, String> declared = new LinkedHashMap<>();
        for (ResourceTemplateDefinition definition : catalogue.templates()) {
            McpSchema.ResourceTemplate template = definition.template();
            declared.put(template.uriTemplate(), definition.tool().name());
            assertThat(template.name()).matches("[a-z][a-z-]*");
            assertThat(template.title()).isNotBlank();
            assertThat(template.description()).hasSizeGreaterThan(40).contains(definition.tool().name());
            assertThat(template.mimeType()).isEqualTo("application/json");
        }
        assertThat(declared).containsExactlyEntriesOf(TOOL_OF);
        McpSchema.ListResourceTemplatesResult listed = catalogue.listTemplates(call("resources/templates/list", null));
        assertThat(listed.resourceTemplates()).extracting(McpSchema.ResourceTemplate::uriTemplate)
                .containsExactlyElementsOf(TOOL_OF.keySet());
        assertThat(listed.nextCursor()).isNull();
        assertThat(mapper.valueToTree(listed.resourceTemplates().get(0)).fieldNames())
                .toIterable().containsExactlyInAnyOrder("uriTemplate", "name", "title", "description", "mimeType");
    }

    @Test
    void templatesPageWithCursors() {
        ResourceCatalogue small = ResourceCatalogue.load(mapper, tools, 4, "");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListResourceTemplatesResult page = small.listTemplates(call("resources/templates/list",
                    cursor == null ? null : "{\"cursor\":\"" + cursor + "\"}"));
            page.resourceTemplates().forEach(t -> seen.add(t.uriTemplate()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(TOOL_OF.keySet());
    }

    @Test
    void matchesEachTemplateAndDecodesEachSegment() {
        ResourceMatch acdc = read("lastfm://track/AC%2FDC/Hells%20Bells");
        assertThat(acdc.tool().name()).isEqualTo("get_track_info");
        assertThat(acdc.arguments().toString()).isEqualTo("{\"artist\":\"AC/DC\",\"track\":\"Hells Bells\"}");
        assertThat(read("lastfm://track/AC%2FDC/Hells%20Bells/similar").tool().name())
                .isEqualTo("get_similar_tracks");
        assertThat(read("lastfm://artist/Sigur%20R%C3%B3s").arguments().get("artist").asText())
                .isEqualTo("Sigur Rós");
        assertThat(read("lastfm://artist/Sigur Rós/similar?limit=5").arguments().toString())
                .isEqualTo("{\"artist\":\"Sigur Rós\",\"limit\":\"5\"}");
        assertThat(read("lastfm://album/Bj%C3%B6rk/Homogenic").arguments().get("album").asText())
                .isEqualTo("Homogenic");
        assertThat(read("LASTFM://user/rj/top-artists?period=7day&limit=20").arguments().toString())
                .isEqualTo("{\"username\":\"rj\",\"period\":\"7day\",\"limit\":\"20\"}");
        for (String user : List.of("recent", "top-artists", "top-albums", "loved", "profile")) {
            ResourceMatch match = read("lastfm://user/rj/" + user);
            assertThat(match.tool().name()).isEqualTo(TOOL_OF.get("lastfm://user/{username}/" + user));
            assertThat(match.uri()).isEqualTo("lastfm://user/rj/" + user);
        }
        McpCall named = call("resources/read", "{\"uri\":\"lastfm://artist/Cher\"}");
        catalogue.match(named);
        assertThat(named.getName()).isEqualTo("lastfm://artist/Cher");
    }

    @Test
    void aUriNoTemplateFitsIsResourceNotFoundWithTheUri() {
        for (String uri : List.of("lastfm://artist/", "lastfm://artist/AC/DC", "lastfm://user/rj/friends",
                "lastfm://user/rj", "https://www.last.fm/music/Cher", "file:///etc/passwd", "lastfm:artist/Cher",
                "lastfm://artist/Cher/similar/", "nonsense", "")) {
            assertThatThrownBy(() -> read(uri)).as(uri).isInstanceOfSatisfying(JsonRpcException.class, e -> {
                assertThat(e.code()).isEqualTo(JsonRpcErrors.RESOURCE_NOT_FOUND);
                assertThat(e.data()).isEqualTo(Map.of("uri", uri));
                assertThat(e.getMessage()).startsWith("Resource not found: " + uri + ".")
                        .contains("resources/templates/list");
            });
        }
    }

    @Test
    void brokenEscapesBlankNamesAndUnknownQueryParametersAreInvalidParams() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("lastfm://artist/AC%2", "a '%' must start an escape");
        cases.put("lastfm://artist/%C3%28", "UTF-8");
        cases.put("lastfm://artist/%20%20", "the artist is blank");
        cases.put("lastfm://artist/Cher%0Aignore", "control character U+000A");
        cases.put("lastfm://artist/Cher%E2%80%AEx", "control character U+202E");
        cases.put("lastfm://user/rj/top-artists?perod=7day",
                "lastfm://user/{username}/top-artists takes the query parameters period, limit, page, not 'perod'");
        cases.put("lastfm://user/rj/profile?limit=3", "takes no query parameters, not 'limit'");
        cases.put("lastfm://user/rj/loved?limit=3&limit=4", "the query parameter 'limit' is given twice");
        cases.put("lastfm://artist/Cher?username=a&username=b", "the query parameter 'username' is given twice");
        cases.put("lastfm://artist/Cher?artist=Madonna", "takes the query parameters username, not 'artist'");
        cases.forEach((uri, problem) -> assertThatThrownBy(() -> read(uri)).as(uri)
                .isInstanceOfSatisfying(JsonRpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(JsonRpcErrors.INVALID_PARAMS);
                    assertThat(e.getMessage()).startsWith("Invalid resource URI " + uri + ": ").contains(problem);
                    assertThat(e.data()).isEqualTo(Map.of("uri", uri));
                }));
        String longUri = "lastfm://artist/" + "x".repeat(ResourceUri.MAX_LENGTH);
        assertThatThrownBy(() -> read(longUri)).isInstanceOfSatisfying(JsonRpcException.class, e -> {
            assertThat(e.code()).isEqualTo(JsonRpcErrors.INVALID_PARAMS);
            assertThat(e.getMessage()).isEqualTo("The resource URI is 2,064 characters long; at most 2,048 are accepted");
        });
        assertThat(catalogue.match(call("resources/read", "{\"uri\":\"lastfm://artist/"
                                        + "x".repeat(ResourceUri.MAX_LENGTH - 16) + "\"}")).template()).isNotNull();
        assertThatThrownBy(() -> catalogue.match(call("resources/read", "{}"))).isInstanceOfSatisfying(
                JsonRpcException.class, e -> assertThat(e.code()).isEqualTo(JsonRpcErrors.INVALID_PARAMS));
        assertThatThrownBy(() -> catalogue.match(call("resources/read", "{\"uri\":7}"))).isInstanceOfSatisfying(
                JsonRpcException.class, e -> assertThat(e.code()).isEqualTo(JsonRpcErrors.INVALID_PARAMS));
    }

    @Test
    void listsNothingWithoutAUser() {
        assertThat(catalogue.list(call("resources/list", null), request(null)).resources()).isEmpty();
    }

    @Test
    void listsTheDefaultUsersFiveResourcesOrTheSignedInUsers() {
        ResourceCatalogue withDefault = ResourceCatalogue.load(mapper, tools, 100, "RJ");
        List<McpSchema.Resource> resources = withDefault.list(call("resources/list", null), request(null))
                .resources();
        assertThat(resources).extracting(McpSchema.Resource::uri).containsExactly("lastfm://user/RJ/recent",
                "lastfm://user/RJ/top-artists", "lastfm://user/RJ/top-albums", "lastfm://user/RJ/loved",
                "lastfm://user/RJ/profile");
        assertThat(resources).extracting(McpSchema.Resource::name).containsExactly("user-recent:RJ",
                "user-top-artists:RJ", "user-top-albums:RJ", "user-loved:RJ", "user-profile:RJ");
        assertThat(resources.get(0).title()).isEqualTo("Recent tracks of RJ");
        assertThat(resources.get(4).description()).startsWith("RJ's Last.fm profile");
        assertThat(resources).allSatisfy(r -> {
            assertThat(r.mimeType()).isEqualTo("application/json");
            assertThat(r.description()).doesNotContain("{username}");
        });
        // every listed resource is readable
        resources.forEach(r -> assertThat(withDefault.match(call("resources/read", "{\"uri\":\"" + r.uri() + "\"}"))
                .arguments().get("username").asText()).isEqualTo("RJ"));

        assertThat(withDefault.list(call("resources/list", null), request("frikandel_")).resources())
                .extracting(McpSchema.Resource::uri).first().isEqualTo("lastfm://user/frikandel_/recent");
        assertThat(catalogue.list(call("resources/list", null), request("aidan-")).resources()).hasSize(5);
        assertThat(withDefault.list(call("resources/list", null), request(McpRequest.ANONYMOUS)).resources())
                .first().extracting(McpSchema.Resource::uri).isEqualTo("lastfm://user/RJ/recent");
    }

    @Test
    void resourcesListPagesAndRejectsAForeignCursor() {
        ResourceCatalogue small = ResourceCatalogue.load(mapper, tools, 2, "rj");
        McpSchema.ListResourcesResult first = small.list(call("resources/list", null), request(null));
        assertThat(first.resources()).hasSize(2);
        McpSchema.ListResourcesResult second = small.list(call("resources/list",
                "{\"cursor\":\"" + first.nextCursor() + "\"}"), request(null));
        assertThat(second.resources()).extracting(McpSchema.Resource::uri)
                .containsExactly("lastfm://user/rj/top-albums", "lastfm://user/rj/loved");
        assertThatThrownBy(() -> small.list(call("resources/list", "{\"cursor\":\"" + first.nextCursor() + "\"}"),
                request("someone"))).isInstanceOfSatisfying(JsonRpcException.class,
                        e -> assertThat(e.code()).isEqualTo(JsonRpcErrors.INVALID_PARAMS));
    }

    @Test
    void anInvalidDefaultUserStopsTheStart() {
        assertThatThrownBy(() -> ResourceCatalogue.load(mapper, tools, 100, "not a user"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LASTFM_DEFAULT_USER");
    }

    @Test
    void completionArgumentsAreTheVariablesAndQueryParameters() {
        assertThat(catalogue.argument("lastfm://track/{artist}/{track}", "track").kind()).isEqualTo(ArgumentKind.TRACK);
        assertThat(catalogue.argument("lastfm://album/{artist}/{album}", "album").kind()).isEqualTo(ArgumentKind.ALBUM);
        assertThat(catalogue.argument("lastfm://user/{username}/loved", "username").kind())
                .isEqualTo(ArgumentKind.USERNAME);
        assertThat(catalogue.argument("lastfm://user/{username}/top-albums", "period").choices())
                .containsExactly("7day", "1month", "3month", "6month", "12month", "overall");
        assertThat(catalogue.argument("lastfm://user/{username}/top-albums", "limit").kind())
                .isEqualTo(ArgumentKind.NONE);
        assertThatThrownBy(() -> catalogue.argument("lastfm://artist/{artist}", "track"))
                .isInstanceOfSatisfying(JsonRpcException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("lastfm://artist/{artist} has no variable or query parameter 'track' (it has "
                                   + "artist, username)"));
        assertThatThrownBy(() -> catalogue.argument("lastfm://artist/Cher", "artist"))
                .isInstanceOfSatisfying(JsonRpcException.class,
                        e -> assertThat(e.code()).isEqualTo(JsonRpcErrors.INVALID_PARAMS));
    }

    @Test
    void theReadmeTemplateTableMatchesTheCatalogue() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `(lastfm://[^`]+)` \\| `([a-z_]+)` \\|").matcher(readme);
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        assertThat(documented).containsExactlyEntriesOf(TOOL_OF);
    }

    /** JSON string literals for hand-built request bodies. */
    static final class RawJson {
        static String string(String value) {
            try {
                return AppConfiguration.objectMapper().writeValueAsString(value);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
