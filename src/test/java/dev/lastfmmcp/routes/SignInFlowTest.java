package dev.lastfmmcp.routes;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.config.InfinispanStores;
import dev.lastfmmcp.edge.HttpServerCheck;
import dev.lastfmmcp.support.Fingerprint;
import dev.lastfmmcp.support.Browser;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.RawMcp;
import dev.lastfmmcp.support.ToolTestSupport;
import dev.lastfmmcp.support.WireMockUpstreams;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.infinispan.manager.EmbeddedCacheManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The browser flow of Last.fm web sign-in, with a cookie jar: /login -> (Last.fm) -> /callback -> the personal MCP
 * URL, which an MCP SDK client then uses; Last.fm's auth.getSession stand-in checks the request signature.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.signin.auth-url=https://lastfm.example/api/auth/",
                             "lastfm.retry.max-retries=0",
                             "mcp.subscriptions.poll-interval-ms=300"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInFlowTest extends ToolTestSupport {

    static final String USER = "AliceListens";
    static final String SESSION_KEY = "d580d57f32848f5dcf574d1ce18d78b2";
    private static final Pattern PERSONAL_URL = Pattern.compile("(http://[^<\\s]+/mcp\\?session_id=([A-Za-z0-9_-]+))");

    private final Browser browser = new Browser();

    @BeforeEach
    void stubLastfmAuth() {
        browser.clear();
        // any auth.getSession whose signature is not the one the shared secret gives: error 13
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("auth.getSession"))
                .atPriority(10).willReturn(json(403, "{\"error\":13,\"message\":\"Invalid method signature supplied\"}")));
        signed("good", 200, Fixtures.lastfm("auth.getSession__ok.json").replace("MyLastFMUsername", USER));
        signed("invalid", 403, Fixtures.lastfm("auth.getSession__error4-invalid-token.json"));
        signed("unauthorized", 403, Fixtures.lastfm("auth.getSession__error14-token-not-authorized.json"));
        signed("expired", 403, Fixtures.lastfm("auth.getSession__error15-token-expired.json"));
        signed("good2", 200, Fixtures.lastfm("auth.getSession__ok.json").replace("MyLastFMUsername", USER));
        signed("watcher", 200, Fixtures.lastfm("auth.getSession__ok.json").replace("MyLastFMUsername", USER));
        signed("down", 503, "<html>Service Unavailable</html>");
    }

    private static void signed(String token, int status, String body) {
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("auth.getSession"))
                .withQueryParam("token", equalTo(token))
                .withQueryParam("api_key", equalTo(WireMockUpstreams.API_KEY))
                .withQueryParam("api_sig", equalTo(signature(token)))
                .atPriority(1).willReturn(json(status, body)));
    }

    /** api_sig as Last.fm documents it, computed here independently of the server's signer. */
    static String signature(String token) {
        String base = "api_key" + WireMockUpstreams.API_KEY + "methodauth.getSessiontoken" + token
                      + WireMockUpstreams.SHARED_SECRET;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(base.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private String base() {
        return "http://127.0.0.1:" + HttpServerCheck.listeningPort(context);
    }

    private HttpResponse<String> browse(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        return browser.send(request);
    }

    /** GET /login, then what Last.fm does: back to the callback it was given, with {@code &token=}. */
    private HttpResponse<String> signInWith(String token) {
        HttpResponse<String> login = browse(base() + "/login");
        assertThat(login.statusCode()).isEqualTo(302);
        String callback = callbackOf(login.headers().firstValue("Location").orElseThrow());
        return browse(callback + "&token=" + token);
    }

    private static String callbackOf(String location) {
        Matcher cb = Pattern.compile("[?&]cb=([^&]+)").matcher(location);
        assertThat(cb.find()).isTrue();
        return URLDecoder.decode(cb.group(1), StandardCharsets.UTF_8);
    }

    private int authCalls(String token) {
        return LASTFM.countRequestsMatching(getRequestedFor(urlPathEqualTo("/2.0/"))
                .withQueryParam("method", equalTo("auth.getSession")).withQueryParam("token", equalTo(token))
                .build()).getCount();
    }

    private int allAuthCalls() {
        return LASTFM.countRequestsMatching(getRequestedFor(urlPathEqualTo("/2.0/"))
                .withQueryParam("method", equalTo("auth.getSession")).build()).getCount();
    }

    private int storedSignIns() {
        return context.getRegistry().lookupByNameAndType("infinispanCacheManager", EmbeddedCacheManager.class)
                .getCache(InfinispanStores.SIGN_INS).size();
    }

    @Test
    void loginRedirectsToLastfmWithAStateInTheCallbackAndInAStrictCookie() {
        HttpResponse<String> login = browse(base() + "/login");
        assertThat(login.statusCode()).isEqualTo(302);
        String location = login.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://lastfm.example/api/auth/?api_key=" + WireMockUpstreams.API_KEY
                                        + "&cb=");
        String callback = callbackOf(location);
        assertThat(callback).matches(Pattern.quote(base() + "/callback?state=") + "[A-Za-z0-9_-]{22}");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("lastfm_mcp_signin=" + callback.substring(callback.indexOf('=') + 1) + ";")
                .contains("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=600").doesNotContain("Secure");
        assertThat(login.headers().firstValue("Cache-Control")).hasValue("no-store");
        // another /login: another state
        assertThat(callbackOf(browse(base() + "/login").headers().firstValue("Location").orElseThrow()))
                .isNotEqualTo(callback);
    }

    @Test
    void aSignInShowsThePersonalUrlAndThatUrlRunsAsTheUserWithSignedCalls() throws Exception {
        HttpResponse<String> page = signInWith("good");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body()).contains("Signed in as " + USER, "claude mcp add --transport http lastfm",
                "mcp-remote", "serverUrl", "inspector", "Sign out", "action=\"" + base() + "/logout\"");
        assertThat(page.body()).doesNotContain(SESSION_KEY);
        Matcher url = PERSONAL_URL.matcher(page.body());
        assertThat(url.find()).isTrue();
        String id = url.group(2);
        assertThat(id).hasSizeGreaterThanOrEqualTo(22);
        assertThat(authCalls("good")).isEqualTo(1);

        // the profile is private: anonymous reads get error 17, reads signed with the user's session key get it
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("user.getRecentTracks"))
                .withQueryParam("user", equalTo(USER)).withQueryParam("sk", absent()).atPriority(2)
                .willReturn(json(403, Fixtures.lastfm("user.getRecentTracks__private-history-error17.json"))));
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("user.getRecentTracks"))
                .withQueryParam("user", equalTo(USER)).withQueryParam("sk", equalTo(SESSION_KEY))
                .withQueryParam("api_sig", matching("[0-9a-f]{32}")).atPriority(1)
                .willReturn(json(200, Fixtures.lastfm("user.getRecentTracks__frikandel_-limit1.json"))));
        try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(base())
                .endpoint("/mcp?session_id=" + id).build()).requestTimeout(Duration.ofSeconds(20)).build()) {
            client.initialize();
            McpSchema.CallToolResult status = client.callTool(new McpSchema.CallToolRequest("lastfm_auth_status",
                    Map.of()));
            assertThat(text(status)).contains(USER);
            McpSchema.CallToolResult recent = client.callTool(new McpSchema.CallToolRequest("get_recent_tracks",
                    Map.of("limit", 1)));
            assertThat(recent.isError()).as(text(recent)).isNotEqualTo(Boolean.TRUE);
        }
        // an anonymous client asking for the same user sees the private answer
        RawMcp anonymous = mcp();
        JsonNode hidden = anonymous.callTool(anonymous.initialize("2025-11-25"), "get_recent_tracks",
                "{\"username\":\"" + USER + "\",\"limit\":1}");
        assertThat(hidden.path("isError").asBoolean()).as(hidden.toString()).isTrue();
        assertThat(hidden.toString()).containsIgnoringCase("private");
    }

    private static String text(McpSchema.CallToolResult result) {
        return result.content().stream().filter(McpSchema.TextContent.class::isInstance)
                .map(c -> ((McpSchema.TextContent) c).text()).reduce("", String::concat);
    }

    private double failures(String reason) {
        return context.getRegistry().lookupByNameAndType(
                org.apache.camel.component.micrometer.MicrometerConstants.METRICS_REGISTRY_NAME,
                io.micrometer.core.instrument.MeterRegistry.class).get("mcp_signin_failures_total")
                .tag("reason", reason).counter().count();
    }

    @Test
    void aStaleOrForeignStateIsRefusedBeforeLastfmIsAsked() {
        double stale = failures("stale_state");
        int before = allAuthCalls();
        browse(base() + "/login");
        HttpResponse<String> foreign = browse(base() + "/callback?state=AAAAAAAAAAAAAAAAAAAAAA&token=good");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).containsIgnoringCase("this sign-in link is stale, start again at /login");
        HttpClient noCookies = HttpClient.newHttpClient();
        HttpResponse<String> withoutCookie;
        try {
            withoutCookie = noCookies.send(HttpRequest.newBuilder(URI.create(base() + "/callback?state="
                    + "AAAAAAAAAAAAAAAAAAAAAA&token=good")).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(withoutCookie.statusCode()).isEqualTo(400);
        assertThat(allAuthCalls()).isEqualTo(before);
        assertThat(failures("stale_state")).isEqualTo(stale + 2);
    }

    @Test
    void aTokenIsExchangedOnce() {
        signed("once", 200, Fixtures.lastfm("auth.getSession__ok.json").replace("MyLastFMUsername", USER));
        HttpResponse<String> login = browse(base() + "/login");
        String callback = callbackOf(login.headers().firstValue("Location").orElseThrow()) + "&token=once";
        browser.clear();
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpRequest replay = HttpRequest.newBuilder(URI.create(callback)).header("Cookie", cookie).build();
        assertThat(send(replay).statusCode()).isEqualTo(200);
        HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(callback)).header("Cookie", cookie)
                .build());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("already used", "/login");
        assertThat(failures("token_reused")).isGreaterThanOrEqualTo(1);
        assertThat(authCalls("once")).isEqualTo(1);
    }

    @Test
    void eachLastfmRefusalGetsAPageThatSaysWhatHappenedAndOffersLoginAgain() {
        Map<String, List<String>> expected = Map.of(
                "invalid", List.of("400", "error 4"),
                "unauthorized", List.of("400", "error 14", "allow access"),
                "expired", List.of("400", "error 15", "60 minutes"),
                "down", List.of("503", "Last.fm is down or busy"));
        Map<String, String> reasons = Map.of("invalid", "token_invalid", "unauthorized", "not_authorised",
                "expired", "token_expired", "down", "lastfm_unavailable");
        expected.forEach((token, says) -> {
            double before = failures(reasons.get(token));
            HttpResponse<String> page = signInWith(token);
            assertThat(failures(reasons.get(token))).as("mcp_signin_failures_total %s", token)
                    .isEqualTo(before + 1);
            assertThat(page.statusCode()).as(token).isEqualTo(Integer.parseInt(says.get(0)));
            assertThat(page.body()).as(token).contains(says.subList(1, says.size())).contains(base() + "/login");
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        });
    }

    @Test
    void junkCallbacksNeverReachLastfmAndStoreNothing() {
        int calls = allAuthCalls();
        int stored = storedSignIns();
        browse(base() + "/login");
        String[] junk = {"x".repeat(65), "abc%20def", "abc-def", "<script>", "", "%E2%9C%93", "tok;en"};
        for (int i = 0; i < 1000; i++) {
            String token = junk[i % junk.length];
            HttpResponse<String> reply = browse(base() + "/callback?state=" + (i % 2 == 0 ? "nope" : "")
                                                + "&token=" + token.replace("<", "%3C").replace(">", "%3E"));
            assertThat(reply.statusCode()).as(token).isEqualTo(400);
            assertThat(reply.body()).doesNotContain("<script>");
        }
        assertThat(allAuthCalls()).isEqualTo(calls);
        assertThat(storedSignIns()).isEqualTo(stored);
        // each one counted as refused
        assertThat(context.getRegistry().lookupByNameAndType(org.apache.camel.component.micrometer.MicrometerConstants.METRICS_REGISTRY_NAME,
                io.micrometer.core.instrument.MeterRegistry.class).get("mcp_signins_total").tag("outcome", "refused")
                .counter().count()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aDeadPersonalUrlIsA401ThatSaysWhereToSignInAgain() {
        String id = "Q".repeat(43);
        RawMcp.Reply reply = mcp().send("POST", "/mcp?session_id=" + id, "{\"jsonrpc\":\"2.0\",\"id\":1,"
                + "\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}", Map.of());
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("error").path("code").asInt()).isEqualTo(-32001);
        assertThat(reply.json().path("error").path("message").asText()).contains(base() + "/login");
        assertThat(reply.body()).doesNotContain(id);
        // POST / and the GET stream too
        assertThat(mcp().send("POST", "/?session_id=" + id, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                Map.of()).status()).isEqualTo(401);
        assertThat(mcp().send("GET", "/mcp?session_id=" + id, null, Map.of("Accept", "text/event-stream"))
                .status()).isEqualTo(401);
    }

    @Test
    void signOutKillsTheIdAtOnceAndTheSessionsOfASignInAreItsOwn() {
        HttpResponse<String> page = signInWith("good2");
        Matcher url = PERSONAL_URL.matcher(page.body());
        assertThat(url.find()).isTrue();
        String id = url.group(2);
        String path = "/mcp?session_id=" + id;
        RawMcp.Reply init = personal(path, initialize(), null);
        assertThat(init.status()).isEqualTo(200);
        String session = init.header("Mcp-Session-Id");
        // the same session without the sign-in is not found
        assertThat(mcp().post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}", session).status()).isEqualTo(404);
        assertThat(personal(path, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}", session).status()).isEqualTo(200);

        // its audit record names the user and the sign-in's fingerprint, never the id
        String correlation = init.header("X-Correlation-Id");
        await().atMost(Duration.ofSeconds(10)).until(() -> auditRecord(correlation) != null);
        String record = auditRecord(correlation);
        assertThat(record).contains("\"user\":\"" + USER + "\"", "\"signInHash\":\"" + Fingerprint.of(id) + "\"")
                .doesNotContain(id).doesNotContain(SESSION_KEY);

        HttpResponse<String> out = send(HttpRequest.newBuilder(URI.create(base() + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("session_id=" + id)).build());
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.body()).contains("signed out");
        assertThat(personal(path, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}", session).status()).isEqualTo(401);
        // JSON sign-out of a dead id: nothing left
        HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(base() + "/logout"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"session_id\":\"" + id + "\"}")).build());
        assertThat(again.body()).isEqualTo("{\"signedOut\":false}");
        // the MCP session of that sign-in ended with it
        assertThat(context.getRegistry().lookupByNameAndType("sessionStore", dev.lastfmmcp.mcp.SessionStore.class)
                .find(session)).isEmpty();
    }

    @Test
    void theOwnerOfAPrivateHistoryCanWatchItAndOthersCannot() {
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("user.getRecentTracks"))
                .withQueryParam("user", equalTo(USER)).withQueryParam("sk", absent()).atPriority(2)
                .willReturn(json(403, Fixtures.lastfm("user.getRecentTracks__private-history-error17.json"))));
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("user.getRecentTracks"))
                .withQueryParam("user", equalTo(USER)).withQueryParam("sk", equalTo(SESSION_KEY)).atPriority(1)
                .willReturn(json(200, Fixtures.lastfm("user.getRecentTracks__frikandel_-limit1.json"))));
        Matcher url = PERSONAL_URL.matcher(signInWith("watcher").body());
        assertThat(url.find()).isTrue();
        String path = "/mcp?session_id=" + url.group(2);
        String session = personal(path, initialize(), null).header("Mcp-Session-Id");
        personal(path, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session);
        String subscribe = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"resources/subscribe\",\"params\":{\"uri\":"
                           + "\"lastfm://user/" + USER + "/recent\"}}";
        JsonNode mine = personal(path, subscribe, session).json();
        assertThat(mine.has("result")).as(mine.toString()).isTrue();
        // the poller reads it as its owner, signed
        await().atMost(Duration.ofSeconds(10)).until(() -> LASTFM.countRequestsMatching(getRequestedFor(
                urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("user.getRecentTracks"))
                .withQueryParam("sk", equalTo(SESSION_KEY)).build()).getCount() >= 3);
        // anyone else is refused: the history is private
        String anonymous = mcp().initialize("2025-11-25");
        JsonNode theirs = mcp().post(subscribe, anonymous).json();
        assertThat(theirs.path("error").path("code").asInt()).as(theirs.toString()).isEqualTo(-32002);
    }

    @Test
    void otherMethodsAndPathsUnderTheAuthPagesAreJsonErrorsAndTheLandingPageLinksTheSignIn() {
        RawMcp.Reply wrongMethod = mcp().send("POST", "/login", "", Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Content-Type")).startsWith("application/json");
        assertThat(mcp().send("GET", "/logout", null, Map.of()).status()).isEqualTo(405);
        RawMcp.Reply unknown = mcp().send("GET", "/callback/extra", null, Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/json");
        assertThat(browse(base() + "/").body()).contains("<a href=\"" + base() + "/login\">Sign in with Last.fm</a>");
    }

    private String auditRecord(String correlationId) {
        for (Map.Entry<String, String> entry : context.getRegistry().lookupByNameAndType("infinispanCacheManager",
                EmbeddedCacheManager.class).<String, String>getCache(InfinispanStores.AUDIT).entrySet()) {
            if (entry.getKey().endsWith("-" + correlationId)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private RawMcp.Reply personal(String path, String body, String session) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(Map.of("Content-Type", "application/json",
                "Accept", RawMcp.ACCEPT_BOTH));
        if (session != null) {
            headers.put("Mcp-Session-Id", session);
        }
        return mcp().send("POST", path, body, headers);
    }

    private static String initialize() {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
               + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    }
}
