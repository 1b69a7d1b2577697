package dev.lastfmmcp.unit;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.lastfm.LastfmErrorKind;
import dev.lastfmmcp.lastfm.LastfmException;
import dev.lastfmmcp.resources.ResourceCatalogue;
import dev.lastfmmcp.resources.ResourceMatch;
import dev.lastfmmcp.resources.ResourceReads;
import dev.lastfmmcp.tools.ToolArguments;
import dev.lastfmmcp.tools.ToolCatalogue;
import dev.lastfmmcp.jsonrpc.ToolException;
import dev.lastfmmcp.tools.ToolResults;
import io.modelcontextprotocol.spec.McpSchema;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The steps of resources/read after the match: arguments, the result as JSON text, failures as JSON-RPC errors. */
class ResourceReadsTest {

    private final ObjectMapper mapper = AppConfiguration.objectMapper();
    private final ResourceReads reads = new ResourceReads(mapper, new ToolArguments(mapper));
    private final ResourceMatch artist = new ResourceMatch("lastfm://artist/AC%2FDC",
            ResourceCatalogue.load(mapper, ToolCatalogue.load(mapper, 100), 100, "").templates().get(1),
            JsonNodeFactory.instance.objectNode().put("artist", "AC/DC"));

    private static void assertError(ThrowingCallable read, int code, String message) {
        assertThatThrownBy(read).isInstanceOfSatisfying(JsonRpcException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.data()).isEqualTo(Map.of("uri", "lastfm://artist/AC%2FDC"));
        });
    }

    @Test
    void theArgumentsAreCheckedAgainstTheToolsSchema() {
        assertThat(reads.arguments(artist)).containsExactly(Map.entry("artist", "AC/DC"));
        ResourceMatch tooLong = new ResourceMatch(artist.uri(), artist.template(),
                JsonNodeFactory.instance.objectNode().put("artist", "x".repeat(501)));
        assertThatThrownBy(() -> reads.arguments(tooLong)).isInstanceOfSatisfying(JsonRpcException.class,
                e -> assertThat(e.code()).isEqualTo(JsonRpcErrors.INVALID_PARAMS));
    }

    @Test
    void theStructuredContentIsTheOneJsonContent() throws Exception {
        McpSchema.ReadResourceResult result = reads.contents(ToolResults.ok("## AC/DC",
                Map.of("artist", Map.of("name", "AC/DC", "listeners", 5))), artist);
        McpSchema.TextResourceContents contents = (McpSchema.TextResourceContents) result.contents().get(0);
        assertThat(result.contents()).hasSize(1);
        assertThat(contents.uri()).isEqualTo("lastfm://artist/AC%2FDC");
        assertThat(contents.mimeType()).isEqualTo("application/json");
        // Map.of has no fixed order: compare the JSON, not the text
        assertThat(mapper.readTree(contents.text()))
                .isEqualTo(mapper.readTree("{\"artist\":{\"name\":\"AC/DC\",\"listeners\":5}}"));
    }

    @Test
    void aResultThatIsAnErrorIsAnInternalErrorWithItsText() {
        assertError(() -> reads.contents(ToolResults.error("Last.fm is unavailable right now."), artist),
                JsonRpcErrors.INTERNAL_ERROR,
                "Could not read lastfm://artist/AC%2FDC: Last.fm is unavailable right now.");
        assertError(() -> reads.contents(new McpSchema.CallToolResult(List.of(), false, null, null), artist),
                JsonRpcErrors.INTERNAL_ERROR, "Could not read lastfm://artist/AC%2FDC: the tool gave no answer.");
    }

    @Test
    void notFoundAnywhereInTheCauseIsResourceNotFound() {
        LastfmException notFound = new LastfmException(LastfmErrorKind.NOT_FOUND, 6, "Artist not found: AC/DC.");
        assertError(() -> reads.failed(notFound, artist), JsonRpcErrors.RESOURCE_NOT_FOUND,
                "Resource not found: lastfm://artist/AC%2FDC. Artist not found: AC/DC.");
        assertError(() -> reads.failed(new ToolException("Wrapped.", notFound), artist),
                JsonRpcErrors.RESOURCE_NOT_FOUND, "Resource not found: lastfm://artist/AC%2FDC. Wrapped.");
        RuntimeException wrapped = new RuntimeException("bean",
                new LastfmException(LastfmErrorKind.PRIVATE, 17, "Private."));
        assertError(() -> reads.failed(wrapped, artist), JsonRpcErrors.INTERNAL_ERROR,
                "Could not read lastfm://artist/AC%2FDC: Private.");
    }

    @Test
    void aFailureThatIsNoToolFailureGoesOnUnchanged() {
        IllegalStateException bug = new IllegalStateException("bug");
        assertThatThrownBy(() -> reads.failed(bug, artist)).isSameAs(bug);
    }
}
