package dev.lastfmmcp.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.lastfmmcp.lastfm.LastfmCaches;
import org.junit.jupiter.api.BeforeEach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base for tool tests: the real app (annotate the subclass with {@code @CamelMainTest} and PER_CLASS) against WireMock
 * Last.fm and MusicBrainz fed from fixtures, with empty caches before each test; every successful result is checked
 * against the tool's outputSchema, and every "Next steps" call in every result names a catalogue tool with arguments
 * its inputSchema accepts ({@link NextStepCalls}).
 */
public abstract class ToolTestSupport extends UpstreamTestSupport {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private Map<String, Schema> outputSchemas;
    private NextStepCalls nextSteps;

    @BeforeEach
    void resetUpstreams() {
        LASTFM.resetAll();
        MUSICBRAINZ.resetAll();
        if (context != null) {
            LastfmCaches caches = context.getRegistry().lookupByNameAndType("lastfmCaches", LastfmCaches.class);
            caches.answers().invalidateAll();
            caches.stale().invalidateAll();
            context.getRegistry().lookupByNameAndType("musicbrainz-enrichment",
                    com.github.benmanes.caffeine.cache.Cache.class).invalidateAll();
        }
    }

    /** Stubs a Last.fm method (and optional exact query parameters) with a fixture body. */
    protected static void lastfm(String method, String fixture, String... params) {
        lastfm(200, method, fixture, params);
    }

    protected static void lastfm(int status, String method, String fixture, String... params) {
        MappingBuilder stub = get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo(method));
        for (int i = 0; i + 1 < params.length; i += 2) {
            stub = stub.withQueryParam(params[i], equalTo(params[i + 1]));
        }
        LASTFM.stubFor(stub.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(fixture.trim().startsWith("{") ? fixture : Fixtures.lastfm(fixture))));
    }

    /** Stubs a MusicBrainz path with a fixture or a JSON body. */
    protected static void musicbrainz(String path, String fixtureOrJson) {
        MUSICBRAINZ.stubFor(get(urlPathEqualTo("/ws/2/" + path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(fixtureOrJson.trim().startsWith("{") ? fixtureOrJson : Fixtures.musicbrainz(fixtureOrJson))));
    }

    /**
     * tools/call; a result that is not an error must match the tool's outputSchema, and its next-step calls the
     * inputSchemas of the tools they name.
     */
    protected JsonNode call(String tool, String argumentsJson) {
        return call(mcp(), session(), tool, argumentsJson);
    }

    /** {@link #call(String, String)} through another client and session (a signed-in one, say). */
    protected JsonNode call(RawMcp client, String session, String tool, String argumentsJson) {
        JsonNode result = client.callTool(session, tool, argumentsJson);
        assertThat(result.has("content")).as("a tool result: %s", result).isTrue();
        if (!result.path("isError").asBoolean(false)) {
            List<Error> errors = outputSchema(tool).validate(result.get("structuredContent"));
            assertThat(errors).as("structuredContent of %s against its outputSchema", tool).isEmpty();
        }
        assertValidNextSteps(tool, result);
        return result;
    }

    /** Every "Next steps" call in the result's text names a listed tool and passes that tool's inputSchema. */
    protected void assertValidNextSteps(String tool, JsonNode result) {
        listTools();
        assertThat(nextSteps.problems(result)).as("next steps of %s", tool).isEmpty();
    }

    /** The same check on a result's Markdown text (for results read through other clients, such as the SDK). */
    protected void assertValidNextSteps(String tool, String markdown) {
        listTools();
        assertThat(nextSteps.problems(markdown)).as("next steps of %s", tool).isEmpty();
    }

    /** The result's Markdown text. */
    protected static String text(JsonNode result) {
        return result.at("/content/0/text").asText();
    }

    protected JsonNode ok(String tool, String argumentsJson) {
        JsonNode result = call(tool, argumentsJson);
        assertThat(result.path("isError").asBoolean(false)).as("isError: %s", text(result)).isFalse();
        return result;
    }

    protected JsonNode error(String tool, String argumentsJson) {
        JsonNode result = call(tool, argumentsJson);
        assertThat(result.path("isError").asBoolean(false)).as("expected isError, got %s", text(result)).isTrue();
        return result;
    }

    private Schema outputSchema(String tool) {
        listTools();
        assertThat(outputSchemas).containsKey(tool);
        return outputSchemas.get(tool);
    }

    /** Reads tools/list once: the output schemas and the next-step check's input schemas. */
    private void listTools() {
        if (outputSchemas == null) {
            Map<String, Schema> outputs = new HashMap<>();
            Map<String, JsonNode> inputs = new HashMap<>();
            String cursor = null;
            do {
                JsonNode page = mcp().request(session(), "list", "tools/list",
                        cursor == null ? null : "{\"cursor\":\"" + cursor + "\"}").get("result");
                for (JsonNode definition : page.get("tools")) {
                    outputs.put(definition.get("name").asText(),
                            registry.getSchema(definition.get("outputSchema")));
                    inputs.put(definition.get("name").asText(), definition.get("inputSchema"));
                }
                cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            } while (cursor != null);
            outputSchemas = outputs;
            nextSteps = new NextStepCalls(inputs);
        }
    }
}
