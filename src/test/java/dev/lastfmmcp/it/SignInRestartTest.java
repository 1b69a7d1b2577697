package dev.lastfmmcp.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lastfmmcp.support.AppProcess;
import dev.lastfmmcp.support.WebSignIn;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.WireMockUpstreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server process: sign in through the browser flow, restart the server on the same data directory, and the
 * personal MCP URL still works; neither run prints the sign-in id, the Last.fm session key or the encryption key.
 */
class SignInRestartTest {

    private static final String SESSION_KEY = "d580d57f32848f5dcf574d1ce18d78b2";
    private static WireMockServer lastfm;

    @BeforeAll
    static void startLastfm() {
        lastfm = WireMockUpstreams.start();
        lastfm.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("auth.getSession"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.lastfm("auth.getSession__ok.json")
                                .replace("MyLastFMUsername", "AliceListens"))));
    }

    @AfterAll
    static void stopLastfm() {
        lastfm.stop();
    }

    @Test
    void aSignInSurvivesARestartOnTheSameDataDirectory() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "app-data")), "restart");
        Map<String, String> env = Map.of("LASTFM_API_KEY", WireMockUpstreams.API_KEY,
                "LASTFM_SHARED_SECRET", WireMockUpstreams.SHARED_SECRET,
                "LASTFM_API_URL", "http://127.0.0.1:" + lastfm.port() + "/2.0/",
                "MCP_DATA_DIR", data.toString(), "PORT", "0");
        HttpClient http = HttpClient.newHttpClient();
        String id;
        String firstOutput;
        try (AppProcess app = AppProcess.start(env, Map.of())) {
            String base = base(app);
            id = WebSignIn.personalSessionId(http, base, "abc123");
            assertThat(status(http, base, id)).contains("AliceListens");
            firstOutput = app.stop();
        }
        try (AppProcess again = AppProcess.start(env, Map.of())) {
            String base = base(again);
            assertThat(status(http, base, id)).contains("Signed in as **AliceListens**");
            String secondOutput = again.stop();
            for (String output : new String[] {firstOutput, secondOutput}) {
                assertThat(output).doesNotContain(id).doesNotContain(SESSION_KEY)
                        .doesNotContain(AppProcess.TEST_ENCRYPTION_KEY).doesNotContain(WireMockUpstreams.SHARED_SECRET);
            }
        }
    }

    private static String base(AppProcess app) {
        return app.awaitBaseUrl();
    }

    /** initialize and lastfm_auth_status on the personal URL; the tool's text. */
    private static String status(HttpClient http, String base, String id) throws Exception {
        URI personal = URI.create(base + "/mcp?session_id=" + id);
        HttpResponse<String> init = http.send(post(personal, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                + "\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":"
                + "{\"name\":\"restart-test\",\"version\":\"1\"}}}"), HttpResponse.BodyHandlers.ofString());
        assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<String> call = http.send(post(personal, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":"
                + "\"tools/call\",\"params\":{\"name\":\"lastfm_auth_status\",\"arguments\":{}}}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(call.statusCode()).isEqualTo(200);
        return call.body();
    }

    private static HttpRequest post(URI uri, String session, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
        }
        return request.build();
    }
}
