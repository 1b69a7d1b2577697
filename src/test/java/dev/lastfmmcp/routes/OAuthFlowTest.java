package dev.lastfmmcp.routes;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.edge.HttpServerCheck;
import dev.lastfmmcp.support.Browser;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.OAuthSteps;
import dev.lastfmmcp.support.RawMcp;
import dev.lastfmmcp.support.ToolTestSupport;
import dev.lastfmmcp.support.WireMockUpstreams;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole OAuth 2.1 flow with a real HTTP client and a cookie jar, credentials required on /mcp: 401 -> metadata
 * -> registration -> /authorize (PKCE S256) -> consent -> Last.fm (WireMock, signature-checked auth.getSession) ->
 * /lastfm-callback -> code, state, iss -> /oauth/token -> /mcp as the signed-in user -> refresh (rotation, reuse
 * revokes the family) -> revoke -> 401; and the refusals of each step.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.auth.required=true",
                       "mcp.signin.auth-url=https://lastfm.example/api/auth/", "lastfm.retry.max-retries=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthFlowTest extends ToolTestSupport {

    static final String USER = "AliceListens";
    static final String REDIRECT = OAuthSteps.REDIRECT;
    private static final String VERIFIER = OAuthSteps.VERIFIER;

    private final Browser browser = new Browser();

    @BeforeEach
    void stubLastfm() {
        browser.clear();
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("auth.getSession"))
                .atPriority(10).willReturn(json(403, "{\"error\":13,\"message\":\"Invalid method signature\"}")));
        signed("good", 200, Fixtures.lastfm("auth.getSession__ok.json").replace("MyLastFMUsername", USER));
        signed("unauthorized", 403, Fixtures.lastfm("auth.getSession__error14-token-not-authorized.json"));
        for (int i = 0; i < 8; i++) {
            signed("good" + i, 200, Fixtures.lastfm("auth.getSession__ok.json").replace("MyLastFMUsername", USER));
        }
    }

    private static void signed(String token, int status, String body) {
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("auth.getSession"))
                .withQueryParam("token", equalTo(token))
                .withQueryParam("api_key", equalTo(WireMockUpstreams.API_KEY))
                .withQueryParam("api_sig", equalTo(SignInFlowTest.signature(token)))
                .atPriority(1).willReturn(json(status, body)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private final OAuthSteps steps = new OAuthSteps(browser, this::base);

    private String base() {
        return "http://127.0.0.1:" + HttpServerCheck.listeningPort(context);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return steps.send(request);
    }

    private HttpResponse<String> browse(String url) {
        return steps.browse(url);
    }

    private HttpResponse<String> form(String path, String body) {
        return steps.form(path, body);
    }

    private static String enc(String value) {
        return OAuthSteps.enc(value);
    }

    static String challenge(String verifier) {
        return OAuthSteps.challenge(verifier);
    }

    private static Map<String, String> query(String location) {
        return OAuthSteps.query(location);
    }

    private String register() {
        return steps.register("{\"client_name\":\"Inspector\",\"redirect_uris\":[\"http://127.0.0.1/callback\"],"
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                + "\"token_endpoint_auth_method\":\"none\"}").get("client_id").asText();
    }

    private static JsonNode read(String json) {
        return OAuthSteps.read(json);
    }

    private String authorizeUrl(String clientId, String extra) {
        return steps.authorizeUrl(clientId, REDIRECT, "lastfm:read") + extra;
    }

    /** /authorize -> consent -> Last.fm -> callback: the final 302 to the client. */
    private HttpResponse<String> signIn(String clientId, String lastfmToken) {
        HttpResponse<String> consent = browse(authorizeUrl(clientId, ""));
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body()).contains("Inspector").contains("127.0.0.1").contains("lastfm:read")
                .contains("Sign in with Last.fm");
        return steps.allowAndReturn(consent, lastfmToken);
    }

    private JsonNode tokenRequest(String body, int expectedStatus) {
        return steps.token(body, expectedStatus);
    }

    private RawMcp.Reply mcpWith(String accessToken, String body, String session) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + accessToken);
        return mcp().post(body, session, headers);
    }

    private JsonNode auditRecord(String correlationId) {
        org.infinispan.Cache<String, String> audit = context.getRegistry().lookupByNameAndType(
                "infinispanCacheManager", org.infinispan.manager.EmbeddedCacheManager.class)
                .getCache(dev.lastfmmcp.config.InfinispanStores.AUDIT);
        java.util.concurrent.atomic.AtomicReference<String> found = new java.util.concurrent.atomic.AtomicReference<>();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            audit.forEach((key, value) -> {
                if (key.endsWith("-" + correlationId)) {
                    found.set(value);
                }
            });
            return found.get() != null;
        });
        return read(found.get());
    }

    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\","
            + "\"version\":\"1\"}}}";

    @Test
    void theWholeFlowFromThe401ToRevocation() throws Exception {
        // 401 -> metadata
        RawMcp.Reply challenge = mcp().post(INITIALIZE, null);
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.header("WWW-Authenticate")).contains(base() + "/.well-known/oauth-protected-resource/mcp");
        JsonNode as = read(browse(base() + "/.well-known/oauth-authorization-server").body());
        assertThat(as.get("issuer").asText()).isEqualTo(base());

        String clientId = register();
        HttpResponse<String> back = signIn(clientId, "good");
        assertThat(back.statusCode()).isEqualTo(302);
        String location = back.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?code=");
        Map<String, String> answer = query(location);
        assertThat(answer.get("state")).isEqualTo("xyz");
        assertThat(answer.get("iss")).isEqualTo(base());
        String code = answer.get("code");

        String exchange = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT)
                          + "&code_verifier=" + VERIFIER + "&client_id=" + enc(clientId) + "&resource="
                          + enc(base() + "/mcp");
        JsonNode tokens = tokenRequest(exchange, 200);
        assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(tokens.get("scope").asText()).isEqualTo("lastfm:read");
        String access = tokens.get("access_token").asText();
        String refresh = tokens.get("refresh_token").asText();

        // /mcp as the signed-in user
        RawMcp.Reply initialized = mcpWith(access, INITIALIZE, null);
        assertThat(initialized.status()).isEqualTo(200);
        String session = initialized.header("Mcp-Session-Id");
        mcpWith(access, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session);
        RawMcp.Reply status = mcpWith(access, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"lastfm_auth_status\",\"arguments\":{}}}", session);
        assertThat(status.status()).isEqualTo(200);
        JsonNode result = status.json().get("result");
        assertThat(result.at("/structuredContent/user").asText()).isEqualTo(USER);
        assertThat(result.at("/structuredContent/via").asText()).isEqualTo("oauth");
        // the audit record names the user, the client id and the scopes, and holds no token
        JsonNode record = auditRecord(status.header("X-Correlation-Id"));
        assertThat(record.get("user").asText()).isEqualTo(USER);
        assertThat(record.get("oauthClient").asText()).isEqualTo(clientId);
        assertThat(record.get("scopes")).extracting(JsonNode::asText).containsExactly("lastfm:read");
        assertThat(record.toString()).doesNotContain(access).doesNotContain(refresh);

        // refresh: rotation; the old refresh token again revokes the family
        JsonNode refreshed = tokenRequest("grant_type=refresh_token&refresh_token=" + enc(refresh) + "&client_id="
                                          + enc(clientId), 200);
        String access2 = refreshed.get("access_token").asText();
        String refresh2 = refreshed.get("refresh_token").asText();
        assertThat(refresh2).isNotEqualTo(refresh);
        assertThat(mcpWith(access2, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}", session).status())
                .as("the same MCP session with the refreshed token").isEqualTo(200);
        JsonNode reuse = tokenRequest("grant_type=refresh_token&refresh_token=" + enc(refresh) + "&client_id="
                                      + enc(clientId), 400);
        assertThat(reuse.get("error").asText()).isEqualTo("invalid_grant");
        RawMcp.Reply revoked = mcpWith(access2, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}", session);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(tokenRequest("grant_type=refresh_token&refresh_token=" + enc(refresh2) + "&client_id="
                                + enc(clientId), 400).get("error").asText()).isEqualTo("invalid_grant");

        // the code once more: invalid_grant
        assertThat(tokenRequest(exchange, 400).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void codeReuseRevokesTheTokensOfThatCodeAndRevocationEndsAccess() throws Exception {
        String clientId = register();
        String code = query(signIn(clientId, "good1").headers().firstValue("Location").orElseThrow()).get("code");
        String exchange = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT)
                          + "&code_verifier=" + VERIFIER + "&client_id=" + enc(clientId);
        String access = tokenRequest(exchange, 200).get("access_token").asText();
        assertThat(mcpWith(access, INITIALIZE, null).status()).isEqualTo(200);
        assertThat(tokenRequest(exchange, 400).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(mcpWith(access, INITIALIZE, null).status()).isEqualTo(401);

        code = query(signIn(clientId, "good2").headers().firstValue("Location").orElseThrow()).get("code");
        JsonNode tokens = tokenRequest("grant_type=authorization_code&code=" + enc(code) + "&redirect_uri="
                + enc(REDIRECT) + "&code_verifier=" + VERIFIER + "&client_id=" + enc(clientId), 200);
        assertThat(mcpWith(tokens.get("access_token").asText(), INITIALIZE, null).status()).isEqualTo(200);
        HttpResponse<String> revoke = form("/oauth/revoke", "token=" + enc(tokens.get("refresh_token").asText())
                + "&client_id=" + enc(clientId));
        assertThat(revoke.statusCode()).isEqualTo(200);
        assertThat(mcpWith(tokens.get("access_token").asText(), INITIALIZE, null).status()).isEqualTo(401);
        assertThat(form("/oauth/revoke", "token=unknown&client_id=" + enc(clientId)).statusCode()).isEqualTo(200);
    }

    @Test
    void theTokenEndpointChecksPkceClientAndRedirect() throws Exception {
        String clientId = register();
        String code = query(signIn(clientId, "good3").headers().firstValue("Location").orElseThrow()).get("code");
        String good = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT);
        assertThat(tokenRequest(good + "&code_verifier=" + VERIFIER.replace('d', 'e') + "&client_id="
                + enc(clientId), 400).get("error").asText()).isEqualTo("invalid_grant");
        // the failed attempt used the code up
        assertThat(tokenRequest(good + "&code_verifier=" + VERIFIER + "&client_id=" + enc(clientId), 400)
                .get("error").asText()).isEqualTo("invalid_grant");
        assertThat(tokenRequest(good + "&code_verifier=" + VERIFIER + "&client_id=nobody", 401)
                .get("error").asText()).isEqualTo("invalid_client");
        assertThat(tokenRequest("grant_type=password&client_id=" + enc(clientId), 400).get("error").asText())
                .isEqualTo("unsupported_grant_type");
        assertThat(tokenRequest("grant_type=authorization_code&grant_type=refresh_token&client_id=" + enc(clientId),
                400).get("error").asText()).isEqualTo("invalid_request");
        HttpResponse<String> json = send(HttpRequest.newBuilder(URI.create(base() + "/oauth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(browse(base() + "/oauth/token").statusCode()).isEqualTo(405);
    }

    @Test
    void authorizeRefusesBadClientsOnAPageAndTheRestOnTheRedirect() throws Exception {
        HttpResponse<String> unknown = browse(authorizeUrl("nobody", ""));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Location")).isEmpty();
        assertThat(unknown.body()).contains("not registered");
        // without the test switch a client metadata document on loopback is refused before any fetch
        HttpResponse<String> loopback = browse(authorizeUrl("https://127.0.0.1:" + LASTFM.port() + "/c.json", ""));
        assertThat(loopback.statusCode()).isEqualTo(400);
        assertThat(loopback.body()).contains("loopback, private or link-local");
        assertThat(browse(authorizeUrl("http://127.0.0.1:" + LASTFM.port() + "/c.json", "")).body())
                .contains("must use https");
        LASTFM.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/c.json")));
        String clientId = register();
        HttpResponse<String> foreign = browse(base() + "/authorize?response_type=code&client_id=" + enc(clientId)
                + "&redirect_uri=" + enc("https://evil.example/cb") + "&code_challenge=" + challenge(VERIFIER)
                + "&code_challenge_method=S256");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.headers().firstValue("Location")).isEmpty();

        HttpResponse<String> plain = browse(authorizeUrl(clientId, "").replace("code_challenge_method=S256",
                "code_challenge_method=plain"));
        assertThat(plain.statusCode()).isEqualTo(302);
        Map<String, String> error = query(plain.headers().firstValue("Location").orElseThrow());
        assertThat(error.get("error")).isEqualTo("invalid_request");
        assertThat(error.get("state")).isEqualTo("xyz");
        assertThat(error.get("iss")).isEqualTo(base());

        HttpResponse<String> target = browse(authorizeUrl(clientId, "").replace(enc(base() + "/mcp"),
                enc("https://other.example/mcp")));
        assertThat(query(target.headers().firstValue("Location").orElseThrow()).get("error"))
                .isEqualTo("invalid_target");
        HttpResponse<String> scope = browse(authorizeUrl(clientId, "").replace(enc("lastfm:read"), "admin"));
        assertThat(query(scope.headers().firstValue("Location").orElseThrow()).get("error"))
                .isEqualTo("invalid_scope");
        HttpResponse<String> type = browse(authorizeUrl(clientId, "").replace("response_type=code",
                "response_type=token"));
        assertThat(query(type.headers().firstValue("Location").orElseThrow()).get("error"))
                .isEqualTo("unsupported_response_type");
    }

    @Test
    void cancelLastfmRefusalAndAForeignBrowserGoNowhereGood() throws Exception {
        String clientId = register();
        HttpResponse<String> consent = browse(authorizeUrl(clientId, ""));
        Matcher txn = Pattern.compile("name=\"txn\" value=\"([A-Za-z0-9_-]+)\"").matcher(consent.body());
        assertThat(txn.find()).isTrue();
        browser.clear();
        assertThat(form("/authorize", "txn=" + txn.group(1) + "&decision=allow").statusCode())
                .as("another browser (no cookie)").isEqualTo(400);
        HttpResponse<String> again = browse(authorizeUrl(clientId, ""));
        Matcher txn2 = Pattern.compile("name=\"txn\" value=\"([A-Za-z0-9_-]+)\"").matcher(again.body());
        assertThat(txn2.find()).isTrue();
        HttpResponse<String> cancelled = form("/authorize", "txn=" + txn2.group(1) + "&decision=deny");
        assertThat(query(cancelled.headers().firstValue("Location").orElseThrow()).get("error"))
                .isEqualTo("access_denied");

        HttpResponse<String> notAllowed = signIn(clientId, "unauthorized");
        assertThat(notAllowed.statusCode()).isEqualTo(302);
        assertThat(query(notAllowed.headers().firstValue("Location").orElseThrow()).get("error"))
                .isEqualTo("access_denied");
        assertThat(browse(base() + "/lastfm-callback?txn=" + "a".repeat(43) + "&token=good4").statusCode())
                .isEqualTo(400);
    }

    /**
     * Every way the Last.fm leg can end: no token back (the user left Last.fm's page another way), a token used
     * twice, Last.fm failing (not a refusal), Last.fm answering without a user. The client hears access_denied or
     * server_error with its state; a replayed callback is a stale page; nothing is signed in.
     */
    @Test
    void theCallbackAnswersEveryLastfmOutcome() throws Exception {
        signed("offline", 200, "{\"error\":11,\"message\":\"Service Offline - This service is temporarily "
                + "offline. Try again later.\"}");
        signed("nameless", 200, "{\"session\":{\"subscriber\":0,\"key\":\"d580d57f32848f5dcf574d1ce18d78b2\"}}");
        String clientId = register();
        int signInsBefore = context.getRegistry().lookupByNameAndType("infinispanCacheManager",
                org.infinispan.manager.EmbeddedCacheManager.class).getCache(
                dev.lastfmmcp.config.InfinispanStores.SIGN_INS).size();

        HttpResponse<String> consent = browse(authorizeUrl(clientId, ""));
        String cb = query(form("/authorize", "txn=" + OAuthSteps.txn(consent) + "&decision=allow").headers()
                .firstValue("Location").orElseThrow()).get("cb");
        Map<String, String> noToken = query(browse(cb).headers().firstValue("Location").orElseThrow());
        assertThat(noToken.get("error")).isEqualTo("access_denied");
        assertThat(noToken.get("state")).isEqualTo("xyz");
        assertThat(browse(cb + "&token=good7").statusCode()).as("the transaction is over").isEqualTo(400);

        for (String token : new String[] {"offline", "nameless"}) {
            HttpResponse<String> back = signIn(clientId, token);
            assertThat(back.statusCode()).as(token).isEqualTo(302);
            Map<String, String> answer = query(back.headers().firstValue("Location").orElseThrow());
            assertThat(answer.get("error")).as(token).isEqualTo("server_error");
            assertThat(answer.get("iss")).isEqualTo(base());
        }

        // a Last.fm token is good for one sign-in: the same token on a new transaction is a stale page
        assertThat(signIn(clientId, "good6").statusCode()).isEqualTo(302);
        HttpResponse<String> again = signIn(clientId, "good6");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.headers().firstValue("Location")).isEmpty();
        assertThat(context.getRegistry().lookupByNameAndType("infinispanCacheManager",
                org.infinispan.manager.EmbeddedCacheManager.class).getCache(
                dev.lastfmmcp.config.InfinispanStores.SIGN_INS).size()).isEqualTo(signInsBefore + 1);
    }

    /** The MCP Java SDK client with the bearer token reads the user's private history through signed calls. */
    @Test
    void theSdkClientWithABearerTokenIsTheSignedInUser() throws Exception {
        String clientId = register();
        String code = query(signIn(clientId, "good5").headers().firstValue("Location").orElseThrow()).get("code");
        String access = tokenRequest("grant_type=authorization_code&code=" + enc(code) + "&redirect_uri="
                + enc(REDIRECT) + "&code_verifier=" + VERIFIER + "&client_id=" + enc(clientId), 200)
                .get("access_token").asText();
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("user.getRecentTracks"))
                .withQueryParam("user", equalTo(USER)).withQueryParam("sk", absent()).atPriority(2)
                .willReturn(json(403, Fixtures.lastfm("user.getRecentTracks__private-history-error17.json"))));
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("user.getRecentTracks"))
                .withQueryParam("user", equalTo(USER)).withQueryParam("sk", equalTo(SignInFlowTest.SESSION_KEY))
                .withQueryParam("api_sig", matching("[0-9a-f]{32}")).atPriority(1)
                .willReturn(json(200, Fixtures.lastfm("user.getRecentTracks__frikandel_-limit1.json"))));
        try (io.modelcontextprotocol.client.McpSyncClient client = io.modelcontextprotocol.client.McpClient.sync(
                io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport.builder(base())
                        .endpoint("/mcp").httpRequestCustomizer((builder, method, uri, body, ctx) ->
                                builder.header("Authorization", "Bearer " + access)).build())
                .requestTimeout(java.time.Duration.ofSeconds(20)).build()) {
            client.initialize();
            io.modelcontextprotocol.spec.McpSchema.CallToolResult status = client.callTool(
                    new io.modelcontextprotocol.spec.McpSchema.CallToolRequest("lastfm_auth_status", Map.of()));
            assertThat(text(status)).contains("Signed in as **" + USER + "**")
                    .contains("through OAuth client 'Inspector'");
            io.modelcontextprotocol.spec.McpSchema.CallToolResult recent = client.callTool(
                    new io.modelcontextprotocol.spec.McpSchema.CallToolRequest("get_recent_tracks",
                            Map.of("limit", 1)));
            assertThat(recent.isError()).as(text(recent)).isNotEqualTo(Boolean.TRUE);
        }
        // no token passthrough: nothing Last.fm received carries the MCP token
        for (com.github.tomakehurst.wiremock.verification.LoggedRequest sent : LASTFM.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.anyUrl()))) {
            assertThat(sent.containsHeader("Authorization")).as(sent.getUrl()).isFalse();
            assertThat(sent.getUrl() + sent.getBodyAsString() + sent.getHeaders()).doesNotContain(access);
        }
    }

    private static String text(io.modelcontextprotocol.spec.McpSchema.CallToolResult result) {
        return result.content().stream().filter(io.modelcontextprotocol.spec.McpSchema.TextContent.class::isInstance)
                .map(c -> ((io.modelcontextprotocol.spec.McpSchema.TextContent) c).text()).reduce("", String::concat);
    }

    /** A token granted only lastfm:write cannot call a read tool: 403 insufficient_scope naming lastfm:read. */
    @Test
    void aTokenWithoutTheToolsScopeIs403InsufficientScope() throws Exception {
        String clientId = register();
        HttpResponse<String> consent = browse(authorizeUrl(clientId, "").replace("scope=" + enc("lastfm:read"),
                "scope=" + enc("lastfm:write")));
        Matcher txn = Pattern.compile("name=\"txn\" value=\"([A-Za-z0-9_-]+)\"").matcher(consent.body());
        assertThat(txn.find()).as(consent.body()).isTrue();
        String cb = query(form("/authorize", "txn=" + txn.group(1) + "&decision=allow").headers()
                .firstValue("Location").orElseThrow()).get("cb");
        String code = query(browse(cb + "&token=good0").headers().firstValue("Location").orElseThrow()).get("code");
        JsonNode tokens = tokenRequest("grant_type=authorization_code&code=" + enc(code) + "&redirect_uri="
                + enc(REDIRECT) + "&code_verifier=" + VERIFIER + "&client_id=" + enc(clientId), 200);
        assertThat(tokens.get("scope").asText()).isEqualTo("lastfm:write");
        String access = tokens.get("access_token").asText();
        RawMcp.Reply initialized = mcpWith(access, INITIALIZE, null);
        assertThat(initialized.status()).isEqualTo(200);
        String session = initialized.header("Mcp-Session-Id");
        mcpWith(access, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session);
        RawMcp.Reply call = mcpWith(access, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"lastfm_auth_status\",\"arguments\":{}}}", session);
        assertThat(call.status()).as(call.body()).isEqualTo(403);
        assertThat(call.header("WWW-Authenticate")).startsWith("Bearer error=\"insufficient_scope\", "
                + "scope=\"lastfm:read\"").contains("resource_metadata=");
        assertThat(call.json().at("/error/message").asText()).contains("lastfm:read");
        assertThat(mcpWith(access, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/list\"}", session).status())
                .isEqualTo(200);
    }
}
