package dev.lastfmmcp.routes;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.edge.HttpServerCheck;
import dev.lastfmmcp.support.Browser;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.OAuthSteps;
import dev.lastfmmcp.support.RawMcp;
import dev.lastfmmcp.support.SignedForms;
import dev.lastfmmcp.support.ToolTestSupport;
import dev.lastfmmcp.support.WireMockUpstreams;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write tools for OAuth callers (credentials required on /mcp): a token without {@code lastfm:write} gets the
 * 403 scope challenge and nothing is sent; a token with it writes as its user, and when Last.fm rejects that user's
 * session key (error 9) the sign-in behind the token is marked invalid, so the token stops working (401).
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.auth.required=true",
                       "mcp.signin.auth-url=https://lastfm.example/api/auth/", "lastfm.retry.max-retries=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteToolsOAuthTest extends ToolTestSupport {

    static final String USER = "OAuthWriter";
    private static final String LOVE = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"love_track\",\"arguments\":{\"artist\":\"Cher\",\"track\":\"Believe\"}}}";

    private final Browser browser = new Browser();
    private final OAuthSteps steps = new OAuthSteps(browser, this::base);

    private String base() {
        return "http://127.0.0.1:" + HttpServerCheck.listeningPort(context);
    }

    /** The Last.fm session key of the sign-in made with Last.fm token {@code token}. */
    private static String sessionKey(String token) {
        return ("key-" + token + "-0123456789abcdef0123456789").substring(0, 32);
    }

    @BeforeEach
    void stubLastfm() {
        browser.clear();
        LASTFM.stubFor(SignedForms.anyOtherPost());
        for (String token : new String[] {"read", "write"}) {
            LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("auth.getSession"))
                    .withQueryParam("token", equalTo(token))
                    .withQueryParam("api_key", equalTo(WireMockUpstreams.API_KEY))
                    .withQueryParam("api_sig", equalTo(SignInFlowTest.signature(token)))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(Fixtures.lastfm("auth.getSession__ok.json").replace("MyLastFMUsername", USER)
                                    .replace("d580d57f32848f5dcf574d1ce18d78b2", sessionKey(token)))));
        }
    }

    private String lastClientId;
    private String lastRefreshToken;

    /** The whole OAuth flow for {@code scope}, signed in to Last.fm with {@code token}: the access token. */
    private String accessToken(String scope, String token) {
        String clientId = steps.register("{\"client_name\":\"Writer\",\"redirect_uris\":[\"" + OAuthSteps.REDIRECT
                + "\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                + "\"token_endpoint_auth_method\":\"none\"}").get("client_id").asText();
        HttpResponse<String> consent = steps.browse(steps.authorizeUrl(clientId, OAuthSteps.REDIRECT, scope));
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
        HttpResponse<String> back = steps.allowAndReturn(consent, token);
        String code = OAuthSteps.query(back.headers().firstValue("Location").orElseThrow()).get("code");
        JsonNode tokens = steps.token("grant_type=authorization_code&code=" + OAuthSteps.enc(code) + "&redirect_uri="
                + OAuthSteps.enc(OAuthSteps.REDIRECT) + "&code_verifier=" + OAuthSteps.VERIFIER + "&client_id="
                + OAuthSteps.enc(clientId) + "&resource=" + OAuthSteps.enc(base() + "/mcp"), 200);
        assertThat(java.util.Set.of(tokens.get("scope").asText().split(" ")))
                .isEqualTo(java.util.Set.of(scope.split(" ")));
        lastClientId = clientId;
        lastRefreshToken = tokens.get("refresh_token").asText();
        return tokens.get("access_token").asText();
    }

    private RawMcp.Reply mcpWith(String accessToken, String body, String session) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + accessToken);
        return mcp().post(body, session, headers);
    }

    private String session(String accessToken) {
        RawMcp.Reply initialized = mcpWith(accessToken, OAuthFlowTest.INITIALIZE, null);
        assertThat(initialized.status()).as(initialized.body()).isEqualTo(200);
        String session = initialized.header("Mcp-Session-Id");
        mcpWith(accessToken, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session);
        return session;
    }

    private int posts() {
        return LASTFM.findAll(postRequestedFor(urlPathEqualTo("/2.0/"))).size();
    }

    @Test
    void aTokenWithoutLastfmWriteGetsTheScopeChallengeAndNothingIsSent() {
        String access = accessToken("lastfm:read", "read");
        String session = session(access);
        for (String tool : new String[] {"love_track", "unlove_track", "update_now_playing"}) {
            RawMcp.Reply call = mcpWith(access, LOVE.replace("love_track", tool), session);
            assertThat(call.status()).as(tool + ": " + call.body()).isEqualTo(403);
            assertThat(call.header("WWW-Authenticate")).startsWith("Bearer error=\"insufficient_scope\", "
                    + "scope=\"lastfm:write\"").contains("resource_metadata=");
            assertThat(call.json().at("/error/message").asText()).contains(tool, "lastfm:write");
        }
        RawMcp.Reply scrobble = mcpWith(access, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"scrobble_tracks\",\"arguments\":{\"scrobbles\":[{\"artist\":\"Cher\",\"track\":"
                + "\"Believe\",\"timestamp\":" + (java.time.Instant.now().getEpochSecond() - 60) + "}]}}}", session);
        assertThat(scrobble.status()).isEqualTo(403);
        assertThat(posts()).isZero();
        // the token still reads
        RawMcp.Reply status = mcpWith(access, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"lastfm_auth_status\",\"arguments\":{}}}", session);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().at("/result/structuredContent/user").asText()).isEqualTo(USER);
    }

    @Test
    void aWriteTokenWritesAsItsUserAndASessionKeyLastfmRejectsEndsTheSignInBehindIt() {
        String access = accessToken("lastfm:read lastfm:write", "write");
        String session = session(access);
        LASTFM.stubFor(SignedForms.write("track.love", sessionKey("write")).inScenario("revoked")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willSetStateTo("revoked").willReturn(SignedForms.json(200, "track.love__ok.json")));
        LASTFM.stubFor(SignedForms.write("track.love", sessionKey("write")).inScenario("revoked")
                .whenScenarioStateIs("revoked").willReturn(SignedForms.json(403, "error__9-invalid-session-key.json")));

        RawMcp.Reply loved = mcpWith(access, LOVE, session);
        assertThat(loved.status()).isEqualTo(200);
        assertThat(loved.json().at("/result/isError").asBoolean()).as(loved.body()).isFalse();
        assertThat(loved.json().at("/result/structuredContent/username").asText()).isEqualTo(USER);

        // the user revoked the application on Last.fm: error 9
        RawMcp.Reply rejected = mcpWith(access, LOVE, session);
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().at("/result/isError").asBoolean()).isTrue();
        assertThat(rejected.json().at("/result/content/0/text").asText()).contains("Last.fm no longer accepts "
                + USER + "'s sign-in (error 9", "Sign in again through your MCP client");
        assertThat(posts()).isEqualTo(2);

        // the sign-in behind the token is invalid: the token no longer works
        RawMcp.Reply next = mcpWith(access, LOVE, session);
        assertThat(next.status()).isEqualTo(401);
        assertThat(next.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(posts()).isEqualTo(2);

        // and its refresh token gets no new one: the client has to send the user through sign-in again
        JsonNode refused = steps.token("grant_type=refresh_token&refresh_token=" + OAuthSteps.enc(lastRefreshToken)
                + "&client_id=" + OAuthSteps.enc(lastClientId), 400);
        assertThat(refused.path("error").asText()).isEqualTo("invalid_grant");
        assertThat(refused.path("error_description").asText()).contains("sign in again");
    }
}
