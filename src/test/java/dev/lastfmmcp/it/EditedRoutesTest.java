package dev.lastfmmcp.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lastfmmcp.support.AppProcess;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.FreePorts;
import dev.lastfmmcp.support.WireMockUpstreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MCP_ROUTES_DIR on a real server with the README's two examples (ops/routes-examples): the audit route that also
 * logs each record, and the artist tools without MusicBrainz. Then, with MCP_ROUTES_RELOAD, a broken edit is refused
 * (log line, metric) while every route keeps serving, and the fixed file is applied (MusicBrainz back on). A file
 * that takes a protocol route's id stops the start with a clear line.
 */
class EditedRoutesTest {

    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"get_artist_info\",\"arguments\":{\"artist\":\"The Weeknd\"}}}";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theExamplesApplyAndABrokenReloadIsRefusedWhileTheRoutesKeepRunning() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "app-data")), "routes");
        Files.copy(Path.of("ops/routes-examples/audit.camel.yaml"), dir.resolve("audit.camel.yaml"));
        Path artists = Files.copy(Path.of("ops/routes-examples/tools-artists.camel.yaml"),
                dir.resolve("tools-artists.camel.yaml"));
        WireMockServer lastfm = WireMockUpstreams.start();
        WireMockServer musicbrainz = WireMockUpstreams.start();
        lastfm.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("artist.getInfo"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.lastfm("artist.getInfo__the-weeknd.json"))));
        musicbrainz.stubFor(get(urlPathMatching("/ws/2/.*")).willReturn(aResponse().withStatus(404)
                .withBody(Fixtures.musicbrainz("error__404-not-found.json"))));
        int management = FreePorts.one();
        try (AppProcess app = AppProcess.start(Map.of("LASTFM_API_KEY", WireMockUpstreams.API_KEY,
                "LASTFM_API_URL", "http://127.0.0.1:" + lastfm.port() + "/2.0/",
                "MUSICBRAINZ_API_URL", "http://127.0.0.1:" + musicbrainz.port() + "/ws/2/", "PORT", "0",
                "MANAGEMENT_PORT", Integer.toString(management), "MCP_ROUTES_DIR", dir.toString(),
                "MCP_ROUTES_RELOAD", "true"), Map.of())) {
            String base = app.awaitBaseUrl();
            assertThat(app.output()).contains("Route files from " + dir + ": audit.camel.yaml, tools-artists.camel.yaml");
            URI mcp = URI.create(base + "/mcp");
            String session = initialize(mcp);

            // example 1: the audit record also as a log line; example 2: no MusicBrainz request for artists
            assertThat(call(mcp, session, "edited-1")).contains("The Weeknd").contains("\"isError\":false");
            app.awaitLine(line -> line.contains("audit edited-1 POST /mcp"));
            assertThat(musicbrainz.getAllServeEvents()).as("enrichment is off").isEmpty();

            // a broken edit: refused with a line and a metric, the artist tools keep answering
            Files.writeString(artists, Files.readString(artists).replace("      steps:\n", "      steps:\n  - [\n"));
            app.awaitLine(line -> line.contains("Route file refused, the running routes keep running: " + artists));
            assertThat(metric(management, "mcp_route_reloads_total{outcome=\"refused\"}")).isEqualTo(1);
            assertThat(call(mcp, session, "edited-2")).contains("The Weeknd").contains("\"isError\":false");
            assertThat(musicbrainz.getAllServeEvents()).isEmpty();

            // fixed: the shipped artist tools again, MusicBrainz enrichment back
            Files.writeString(artists, new String(EditedRoutesTest.class.getResourceAsStream(
                    "/routes/tools/tools-artists.camel.yaml").readAllBytes()));
            app.awaitLine(line -> line.contains("Route file " + artists + " reloaded: routes tool-get_artist_info"));
            assertThat(metric(management, "mcp_route_reloads_total{outcome=\"applied\"}")).isEqualTo(1);
            assertThat(call(mcp, session, "edited-3")).contains("The Weeknd").contains("\"isError\":false");
            assertThat(musicbrainz.getAllServeEvents()).as("enrichment is on again").isNotEmpty();
            // nothing else stopped: the audit example still logs
            app.awaitLine(line -> line.contains("audit edited-3 POST /mcp"));
        } finally {
            lastfm.stop();
            musicbrainz.stop();
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aFileWithAProtocolRouteIdStopsTheStartWithAClearLine() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "app-data")), "routes");
        Files.writeString(dir.resolve("mine.camel.yaml"), "# takes a protocol route's id\n- route:\n"
                + "    id: mcp-exchange\n    description: \"not allowed\"\n    from:\n      uri: direct:mine\n"
                + "      steps:\n        - log: hi\n");
        try (AppProcess app = AppProcess.start(Map.of("PORT", "0", "MCP_ROUTES_DIR", dir.toString()), Map.of())) {
            assertThat(app.awaitExit()).isEqualTo(1);
            assertThat(app.output()).contains("Route file refused: " + dir.resolve("mine.camel.yaml")
                    + ":3: route id 'mcp-exchange' is reserved").contains("The server could not start: 1 problem(s)")
                    .contains("--validate-routes").doesNotContain("ready at");
        }
    }

    private String initialize(URI mcp) throws Exception {
        HttpResponse<String> init = http.send(post(mcp, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                + "\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":"
                + "{\"name\":\"t\",\"version\":\"1\"}}}", "edited-0"), HttpResponse.BodyHandlers.ofString());
        assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
        return init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    private String call(URI mcp, String session, String requestId) throws Exception {
        HttpResponse<String> reply = http.send(post(mcp, session, CALL, requestId),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return reply.body();
    }

    private static HttpRequest post(URI uri, String session, String body, String requestId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("X-Request-Id", requestId)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
        }
        return request.build();
    }

    private double metric(int port, String series) throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertThat(value.find()).as(series).isTrue();
        return Double.parseDouble(value.group(1));
    }
}
