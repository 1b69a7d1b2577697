package dev.lastfmmcp.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lastfmmcp.support.AppProcess;
import dev.lastfmmcp.support.WebSignIn;
import dev.lastfmmcp.support.Browser;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.FreePorts;
import dev.lastfmmcp.support.OAuthSteps;
import dev.lastfmmcp.support.WireMockUpstreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One whole run of a real server at DEBUG in the JSON format, through everything that handles a secret: the web
 * sign-in (Last.fm session key, sign-in id), MCP calls on the personal URL signed with the session key, the OAuth flow
 * (code, access and refresh tokens, refresh, revocation), the audit endpoints with the admin token. Then every line
 * it printed, start to stop: each is one JSON event, none holds any secret of this configuration or of the run, the
 * lines of an exchange carry its correlation id (the client's X-Request-Id), route, MCP method, tool and the
 * session's and user's fingerprints (never the values), and a method name with a line break forges no line.
 */
class WholeRunLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "AliceListens";
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void noSecretInAWholeRunAndEveryExchangeLineCarriesItsContext() throws Exception {
        SecureRandom random = new SecureRandom();
        String apiKey = hex(random, 16);
        String sharedSecret = "shared-" + hex(random, 12);
        byte[] key = new byte[32];
        random.nextBytes(key);
        String encryptionKey = Base64.getEncoder().encodeToString(key);
        String adminToken = "admin-" + hex(random, 12);
        String sessionKey = hex(random, 16);
        WireMockServer lastfm = WireMockUpstreams.start();
        lastfm.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("auth.getSession"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        Fixtures.lastfm("auth.getSession__ok.json").replace("MyLastFMUsername", USER)
                                .replace("d580d57f32848f5dcf574d1ce18d78b2", sessionKey))));
        lastfm.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("user.getRecentTracks"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.lastfm("user.getRecentTracks__frikandel_-limit1.json"))));
        int management = FreePorts.one();
        List<String> secrets = new ArrayList<>(List.of(apiKey, sharedSecret, encryptionKey, adminToken, sessionKey));
        String output;
        try (AppProcess app = AppProcess.start(Map.of("LASTFM_API_KEY", apiKey, "LASTFM_SHARED_SECRET", sharedSecret,
                "LASTFM_API_URL", "http://127.0.0.1:" + lastfm.port() + "/2.0/", "MCP_ENCRYPTION_KEY", encryptionKey,
                "MCP_ADMIN_TOKEN", adminToken, "LOG_FORMAT", "json", "LOG_LEVEL", "DEBUG", "PORT", "0",
                "MANAGEMENT_PORT", Integer.toString(management), "MUSICBRAINZ_ENABLED", "false"), Map.of())) {
            String base = app.awaitBaseUrl();

            // web sign-in: the sign-in id in the personal URL
            String signInId = webSignIn(base);
            secrets.add(signInId);
            URI personal = URI.create(base + "/mcp?session_id=" + signInId);
            HttpResponse<String> init = post(personal, null, INITIALIZE, "whole-run-init");
            assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
            assertThat(init.headers().firstValue("X-Request-Id")).hasValue("whole-run-init");
            String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            secrets.add(session);
            HttpResponse<String> recent = post(personal, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":"
                    + "\"tools/call\",\"params\":{\"name\":\"get_recent_tracks\",\"arguments\":{\"limit\":1}}}",
                    "whole-run-tool");
            assertThat(recent.body()).contains("\"isError\":false");
            assertThat(post(personal, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/x\\n{\\\"level\\\":"
                    + "\\\"ERROR\\\",\\\"message\\\":\\\"forged\\\"}\"}", "whole-run-forged").statusCode())
                    .isEqualTo(202);

            // OAuth: code, tokens, a refresh, a call with the access token, revocation
            OAuthSteps steps = new OAuthSteps(new Browser(), () -> base);
            String clientId = steps.register("{\"client_name\":\"Logs\",\"redirect_uris\":[\""
                    + OAuthSteps.REDIRECT + "\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                    + "\"token_endpoint_auth_method\":\"none\"}").get("client_id").asText();
            String code = steps.code(clientId, OAuthSteps.REDIRECT, "oauthtoken1");
            secrets.add(code);
            JsonNode tokens = steps.token("grant_type=authorization_code&code=" + code + "&redirect_uri="
                    + OAuthSteps.enc(OAuthSteps.REDIRECT) + "&client_id=" + OAuthSteps.enc(clientId)
                    + "&code_verifier=" + OAuthSteps.VERIFIER + "&resource=" + OAuthSteps.enc(base + "/mcp"), 200);
            secrets.add(tokens.get("access_token").asText());
            secrets.add(tokens.get("refresh_token").asText());
            JsonNode refreshed = steps.token("grant_type=refresh_token&refresh_token="
                    + tokens.get("refresh_token").asText() + "&client_id=" + OAuthSteps.enc(clientId), 200);
            secrets.add(refreshed.get("access_token").asText());
            secrets.add(refreshed.get("refresh_token").asText());
            HttpResponse<String> bearer = http.send(HttpRequest.newBuilder(URI.create(base + "/mcp"))
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .header("Authorization", "Bearer " + refreshed.get("access_token").asText())
                    .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bearer.statusCode()).as(bearer.body()).isEqualTo(200);
            secrets.add(bearer.headers().firstValue("Mcp-Session-Id").orElseThrow());
            steps.form("/oauth/revoke", "token=" + refreshed.get("refresh_token").asText() + "&client_id="
                    + OAuthSteps.enc(clientId));

            // the audit log with the admin token, and the metrics
            HttpResponse<String> audit = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management
                    + "/observe/audit?limit=50")).header("Authorization", "Bearer " + adminToken).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(audit.statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + management + "/observe/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("mcp_oauth_tokens_total{outcome=\"issued\"} 1.0")
                    .contains("mcp_oauth_tokens_total{outcome=\"refreshed\"} 1.0")
                    .contains("mcp_signins_total{outcome=\"succeeded\"} 1.0");
            for (String secret : secrets) {
                assertThat(audit.body()).as("the audit records").doesNotContain(secret);
                assertThat(metrics.body()).as("the metrics").doesNotContain(secret);
            }
            output = app.stop();
        } finally {
            lastfm.stop();
        }

        List<JsonNode> events = new ArrayList<>();
        for (String line : output.lines().filter(line -> !line.isBlank()).toList()) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.has("@timestamp") && event.has("message")).as(line).isTrue();
            events.add(event);
        }
        assertThat(events.size()).as("a DEBUG run prints plenty").isGreaterThan(100);
        for (String secret : secrets) {
            assertThat(output).as("a secret of the run (%d characters)", secret.length()).doesNotContain(secret);
        }
        assertThat(output).doesNotContain(USER + "\"").as("user names appear only as fingerprints in the context");
        assertThat(events).noneMatch(event -> "forged".equals(event.path("message").asText()));

        // the lines of the MCP exchanges carry their context
        List<JsonNode> tool = events.stream().filter(e -> "whole-run-tool".equals(e.path("correlationId").asText()))
                .toList();
        assertThat(tool).as("lines of the tools/call exchange").isNotEmpty();
        assertThat(tool).allSatisfy(event -> assertThat(event.path("routeId").asText()).isNotEmpty());
        // once the session is bound (mcp-message), the lines carry its fingerprint
        assertThat(tool).anySatisfy(event -> {
            assertThat(event.path("sessionHash").asText()).matches("[0-9a-f]{16}");
            assertThat(event.path("mcpMethod").asText()).isEqualTo("tools/call");
            assertThat(event.path("mcpTool").asText()).isEqualTo("get_recent_tracks");
            assertThat(event.path("userHash").asText()).matches("[0-9a-f]{16}");
        });
        assertThat(tool.stream().map(e -> e.path("routeId").asText()).distinct().toList())
                .as("the routes the call went through").contains("mcp-exchange", "tool-get_recent_tracks");
        List<JsonNode> forged = events.stream()
                .filter(e -> "whole-run-forged".equals(e.path("correlationId").asText())).toList();
        assertThat(forged).anySatisfy(event -> assertThat(event.path("mcpMethod").asText())
                .startsWith("notifications/x?{\"level\""));
        // the web sign-in's lines: the edge's correlation id and the route
        assertThat(events).anySatisfy(event -> {
            assertThat(event.path("message").asText()).startsWith("Signed in Last.fm user");
            assertThat(event.path("correlationId").asText()).isNotEmpty();
            assertThat(event.path("routeId").asText()).isNotEmpty();
        });
    }

    private String webSignIn(String base) throws Exception {
        return WebSignIn.personalSessionId(http, base, "webtoken1");
    }

    private HttpResponse<String> post(URI uri, String session, String body, String requestId) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json, text/event-stream");
        headers.put("X-Request-Id", requestId);
        if (session != null) {
            headers.put("Mcp-Session-Id", session);
            headers.put("MCP-Protocol-Version", "2025-11-25");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
