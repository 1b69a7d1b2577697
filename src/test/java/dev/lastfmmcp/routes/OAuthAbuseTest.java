package dev.lastfmmcp.routes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.config.InfinispanStores;
import dev.lastfmmcp.support.RawMcp.Reply;
import dev.lastfmmcp.support.ToolTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.infinispan.manager.EmbeddedCacheManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's "bad input and abuse" on every OAuth endpoint, credentials required on /mcp: a wrong method is a 405
 * naming the methods; an oversized or malformed body a 400 with an RFC 6749 error; an unknown client a 401
 * {@code invalid_client}; 1,000 junk requests store nothing (clients, transactions, codes, tokens, sign-ins), reach
 * no Last.fm, redirect nowhere and are never a 5xx (client metadata document URLs are left out of the junk: a
 * refused document is remembered for a minute on purpose, so that nobody can make this server fetch it again and
 * again). CORS: the JSON endpoints answer allowed origins with the
 * /mcp policy and their preflights; /mcp answers a preflight before any credential check and exposes
 * WWW-Authenticate and Mcp-Session-Id.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.auth.required=true", "camel.server.maxBodySize=65536",
                       "mcp.signin.auth-url=https://lastfm.example/api/auth/"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthAbuseTest extends ToolTestSupport {

    private static final String ORIGIN = "http://localhost:6274";

    private Reply send(String method, String path, String body, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return mcp().send(method, path, body, headers);
    }

    private Reply form(String path, String body) {
        return send("POST", path, body, "application/x-www-form-urlencoded");
    }

    private static void assertOAuthError(Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = reply.json();
        assertThat(body.get("error").asText()).as(reply.body()).isEqualTo(error);
        assertThat(body.get("error_description").asText()).isNotBlank();
        assertThat(body.has("jsonrpc")).isFalse();
    }

    private Map<String, Integer> stored() {
        EmbeddedCacheManager manager = context.getRegistry().lookupByNameAndType("infinispanCacheManager",
                EmbeddedCacheManager.class);
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String cache : List.of(InfinispanStores.OAUTH_CLIENTS, InfinispanStores.OAUTH_PENDING,
                InfinispanStores.OAUTH_TOKENS, InfinispanStores.SIGN_INS, InfinispanStores.USED_TOKENS)) {
            sizes.put(cache, manager.getCache(cache).size());
        }
        return sizes;
    }

    @Test
    void aWrongMethodIs405NamingTheMethods() {
        Map<String, String> wrong = new LinkedHashMap<>();
        wrong.put("GET /oauth/token", "POST");
        wrong.put("PUT /oauth/token", "POST");
        wrong.put("GET /oauth/revoke", "POST");
        wrong.put("DELETE /oauth/register", "POST");
        wrong.put("PUT /authorize", "GET");
        wrong.put("POST /lastfm-callback", "GET");
        wrong.put("POST /.well-known/oauth-authorization-server", "GET");
        wrong.put("DELETE /.well-known/oauth-protected-resource/mcp", "GET");
        wrong.forEach((request, allowed) -> {
            String[] parts = request.split(" ");
            Reply reply = send(parts[0], parts[1], parts[0].equals("GET") || parts[0].equals("DELETE") ? null : "x=1",
                    "application/x-www-form-urlencoded");
            assertThat(reply.status()).as(request).isEqualTo(405);
            assertThat(reply.header("Allow")).as(request).contains(allowed);
        });
        // the JSON endpoints answer with an OAuth error body
        assertOAuthError(send("GET", "/oauth/token", null, null), 405, "invalid_request");
        assertOAuthError(send("PUT", "/oauth/register", "{}", "application/json"), 405, "invalid_request");
    }

    @Test
    void anOversizedOrMalformedBodyIs400WithAnOAuthError() {
        String big = "grant_type=authorization_code&code=" + "c".repeat(4000) + "&client_id=x&pad=" + "p".repeat(4000)
                     + "&more=" + "m".repeat(1000);
        assertOAuthError(form("/oauth/token", big), 400, "invalid_request");
        assertOAuthError(form("/oauth/revoke", "token=" + "t".repeat(3000) + "&a=" + "a".repeat(3000) + "&b="
                + "b".repeat(3000)), 400, "invalid_request");
        // over the server's body limit (camel.server.maxBodySize): refused before any route, still an OAuth error
        String huge = "x=" + "y".repeat(70_000);
        Reply tooLarge = form("/oauth/token", huge);
        assertOAuthError(tooLarge, 400, "invalid_request");
        assertThat(tooLarge.json().get("error_description").asText()).contains("65536");
        assertOAuthError(form("/oauth/revoke", huge), 400, "invalid_request");
        assertOAuthError(send("POST", "/oauth/register", "{\"redirect_uris\":[\"" + "a".repeat(70_000) + "\"]}",
                "application/json"), 400, "invalid_request");

        for (String path : List.of("/oauth/token", "/oauth/revoke")) {
            assertOAuthError(form(path, "grant_type=authorization_code&code=%zz&client_id=x"), 400,
                    "invalid_request");
            assertOAuthError(form(path, "token=a&token=b&grant_type=x&grant_type=y"), 400, "invalid_request");
            assertOAuthError(send("POST", path, "{\"grant_type\":\"authorization_code\"}", "application/json"), 400,
                    "invalid_request");
            assertOAuthError(send("POST", path, "grant_type=refresh_token", null), 400, "invalid_request");
            assertOAuthError(send("POST", path, "\u0000\u0001\u00ff", "application/octet-stream"), 400,
                    "invalid_request");
        }
        Reply longValue = form("/oauth/token", "grant_type=refresh_token&refresh_token=" + "r".repeat(4097));
        assertOAuthError(longValue, 400, "invalid_request");
        assertThat(longValue.json().get("error_description").asText()).contains("refresh_token is too long");
        assertOAuthError(form("/oauth/token", ""), 400, "invalid_request");
        assertOAuthError(form("/oauth/token", "client_id=x"), 400, "invalid_request");
        Reply consent = form("/authorize", "txn=" + "t".repeat(5000) + "&decision=allow&pad=" + "p".repeat(5000));
        assertThat(consent.status()).isEqualTo(400);
        assertThat(consent.header("Content-Type")).startsWith("text/html");
        assertThat(consent.header("Location")).isNull();
    }

    @Test
    void anUnknownClientIs401InvalidClient() {
        assertOAuthError(form("/oauth/token", "grant_type=authorization_code&code=abc&client_id=nobody"), 401,
                "invalid_client");
        assertOAuthError(form("/oauth/token", "grant_type=refresh_token&refresh_token=abc"), 401, "invalid_client");
        assertOAuthError(form("/oauth/revoke", "token=abc&client_id=nobody"), 401, "invalid_client");
        assertOAuthError(form("/oauth/revoke", "token=abc&client_id=https%3A%2F%2F127.0.0.1%2Fc.json"), 401,
                "invalid_client");
    }

    @Test
    void aThousandJunkRequestsStoreNothingRedirectNowhereAndNoneIsA5xx() {
        Map<String, Integer> before = stored();
        List<String[]> junk = new ArrayList<>();
        String[] forms = {"", "=", "&&&", "grant_type=", "grant_type=authorization_code", "grant_type=refresh_token"
                + "&refresh_token=", "grant_type=authorization_code&code=%&client_id=x", "a=%zz%",
                "grant_type=client_credentials&client_id=nobody", "grant_type=authorization_code&code=AAAA&client_id="
                + "nobody&code_verifier=short", "token=&client_id=", "token=x&client_id=%00", "\u0000", "txn=abc",
                "txn=" + "a".repeat(43) + "&decision=allow", "decision=deny"};
        for (String body : forms) {
            junk.add(new String[] {"POST", "/oauth/token", body, "application/x-www-form-urlencoded"});
            junk.add(new String[] {"POST", "/oauth/revoke", body, "application/x-www-form-urlencoded"});
            junk.add(new String[] {"POST", "/authorize", body, "application/x-www-form-urlencoded"});
            // a query the HTTP client can send (an undecodable one is MalformedRequestTest's)
            String query = body.replace("%", "%25").replace("\u0000", "%00");
            junk.add(new String[] {"GET", "/authorize?" + query, null, null});
            junk.add(new String[] {"GET", "/lastfm-callback?" + query, null, null});
        }
        String[] queries = {"response_type=code&client_id=nobody&redirect_uri=https%3A%2F%2Fevil.example%2Fcb",
                "client_id=&redirect_uri=javascript:alert(1)", "response_type=token", "client_id=%25ZZ",
                "client_id=http%3A%2F%2Fapp.example%2Fc.json", "client_id=a&client_id=b",
                "txn=" + "a".repeat(43) + "&token=abc", "txn=../../etc&token=" + "x".repeat(80)};
        for (String query : queries) {
            junk.add(new String[] {"GET", "/authorize?" + query, null, null});
            junk.add(new String[] {"GET", "/lastfm-callback?" + query, null, null});
        }
        junk.add(new String[] {"POST", "/oauth/register", "{\"redirect_uris\":[\"http://evil.example/cb\"]}",
                "application/json"});
        junk.add(new String[] {"POST", "/oauth/register", "{]", "application/json"});
        junk.add(new String[] {"POST", "/oauth/token", "{}", "application/json"});
        for (int i = 0; i < 1000; i++) {
            String[] request = junk.get(i % junk.size());
            Reply reply = send(request[0], request[1], request[2], request[3]);
            assertThat(reply.status()).as(String.join(" ", request)).isBetween(400, 499);
            assertThat(reply.header("Location")).as(String.join(" ", request)).isNull();
            if (request[1].startsWith("/oauth/")) {
                assertThat(reply.json().get("error").asText()).isNotBlank();
            }
        }
        assertThat(stored()).isEqualTo(before);
        LASTFM.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theJsonEndpointsAnswerAllowedOriginsAndTheirPreflights() {
        for (String path : List.of("/oauth/token", "/oauth/revoke", "/oauth/register")) {
            Reply preflight = mcp().send("OPTIONS", path, null, Map.of("Origin", ORIGIN,
                    "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"));
            assertThat(preflight.status()).as(path).isEqualTo(204);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
            assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
            assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Content-Type");
            assertThat(mcp().send("OPTIONS", path, null, Map.of("Origin", "https://evil.example",
                    "Access-Control-Request-Method", "POST")).status()).as(path).isEqualTo(403);
        }
        Reply refused = mcp().send("POST", "/oauth/token", "grant_type=refresh_token&refresh_token=x&client_id=nobody",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", ORIGIN));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        Reply foreign = mcp().send("POST", "/oauth/revoke", "token=x&client_id=nobody",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", "https://evil.example"));
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }

    /** The preflight comes before any credential check; the 401 challenge is readable cross-origin. */
    @Test
    void mcpAnswersPreflightsBeforeTheBearerCheckAndExposesTheChallenge() {
        Reply preflight = mcp().send("OPTIONS", "/mcp", null, Map.of("Origin", ORIGIN,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, content-type, mcp-protocol-version"));
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("WWW-Authenticate")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization")
                .contains("MCP-Protocol-Version");
        Reply bogus = mcp().send("OPTIONS", "/mcp", null, Map.of("Origin", ORIGIN, "Authorization", "Bearer bogus",
                "Access-Control-Request-Method", "POST"));
        assertThat(bogus.status()).isEqualTo(204);
        Reply challenge = mcp().post(OAuthFlowTest.INITIALIZE, null, Map.of("Origin", ORIGIN));
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(challenge.header("Access-Control-Expose-Headers")).contains("WWW-Authenticate")
                .contains("Mcp-Session-Id");
    }
}
