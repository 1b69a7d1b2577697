package dev.lastfmmcp.routes;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.config.InfinispanStores;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.RawMcp.Reply;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.infinispan.manager.EmbeddedCacheManager;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /oauth/register (RFC 7591) against the real app: public and confidential clients, every refusal an RFC 7591
 * error that stores nothing (1,000 junk requests included, none a 5xx), wrong method and content type, CORS, and
 * the per-address budget (8 here) counting only well-formed registrations.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.oauth.register.max-per-address=8",
                       "mcp.oauth.register.max-body-bytes=4096"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OAuthRegistrationTest extends AppTestSupport {

    private static final int LIMIT = 8;
    private int registered;

    private Reply register(String json) {
        return register(json, Map.of());
    }

    private Reply register(String json, Map<String, String> extra) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Content-Type", "application/json"));
        headers.putAll(extra);
        Reply reply = mcp().send("POST", "/oauth/register", json, headers);
        if (reply.status() == 201) {
            registered++;
        }
        return reply;
    }

    private int storedClients() {
        return context.getRegistry().lookupByNameAndType("infinispanCacheManager", EmbeddedCacheManager.class)
                .getCache(InfinispanStores.OAUTH_CLIENTS).size();
    }

    @Test
    @Order(1)
    void aPublicClientGetsAnIdAndNoSecret() {
        Reply reply = register("{\"client_name\":\"Inspector\",\"redirect_uris\":[\"http://localhost:6274/oauth/"
                + "callback\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"response_types\":"
                + "[\"code\"],\"token_endpoint_auth_method\":\"none\",\"scope\":\"lastfm:read\"}");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        JsonNode client = reply.json();
        assertThat(client.get("client_id").asText()).matches("[A-Za-z0-9_-]{22}");
        assertThat(client.has("client_secret")).isFalse();
        assertThat(client.get("client_id_issued_at").asLong()).isPositive();
        assertThat(client.get("token_endpoint_auth_method").asText()).isEqualTo("none");
        assertThat(client.get("client_name").asText()).isEqualTo("Inspector");
        assertThat(client.get("grant_types")).extracting(JsonNode::asText)
                .containsExactly("authorization_code", "refresh_token");
        assertThat(client.get("redirect_uris")).extracting(JsonNode::asText)
                .containsExactly("http://localhost:6274/oauth/callback");
    }

    @Test
    @Order(2)
    void aConfidentialClientGetsASecretOnceAndTheStoreHoldsOnlyItsHash() {
        Reply reply = register("{\"redirect_uris\":[\"https://app.example/cb\"]}");
        assertThat(reply.status()).isEqualTo(201);
        JsonNode client = reply.json();
        assertThat(client.get("token_endpoint_auth_method").asText()).isEqualTo("client_secret_basic");
        String secret = client.get("client_secret").asText();
        assertThat(secret).hasSize(43);
        assertThat(client.get("client_secret_expires_at").asInt()).isZero();
        String stored = context.getRegistry().lookupByNameAndType("infinispanCacheManager",
                EmbeddedCacheManager.class).<String, String>getCache(InfinispanStores.OAUTH_CLIENTS)
                .get(client.get("client_id").asText());
        assertThat(stored).isNotNull().doesNotContain(secret);
    }

    @Test
    @Order(3)
    void refusalsAreRfc7591ErrorsAndStoreNothing() {
        int before = storedClients();
        Map<String, String> refusals = Map.ofEntries(
                Map.entry("{\"redirect_uris\":[\"http://evil.example/cb\"]}", "invalid_redirect_uri"),
                Map.entry("{\"redirect_uris\":[\"https://app.example/cb#x\"]}", "invalid_redirect_uri"),
                Map.entry("{\"redirect_uris\":[]}", "invalid_redirect_uri"),
                Map.entry("{\"client_name\":\"x\"}", "invalid_redirect_uri"),
                Map.entry("{\"redirect_uris\":[\"https://a.example/cb\"],\"grant_types\":[\"client_credentials\"]}",
                        "invalid_client_metadata"),
                Map.entry("{\"redirect_uris\":[\"https://a.example/cb\"],\"grant_types\":[\"refresh_token\"]}",
                        "invalid_client_metadata"),
                Map.entry("{\"redirect_uris\":[\"https://a.example/cb\"],\"response_types\":[\"token\"]}",
                        "invalid_client_metadata"),
                Map.entry("{\"redirect_uris\":[\"https://a.example/cb\"],\"token_endpoint_auth_method\":"
                        + "\"private_key_jwt\"}", "invalid_client_metadata"),
                Map.entry("{\"redirect_uris\":[\"https://a.example/cb\"],\"scope\":\"admin\"}",
                        "invalid_client_metadata"),
                Map.entry("{\"redirect_uris\":[\"https://a.example/cb\"],\"client_name\":\"" + "n".repeat(101)
                        + "\"}", "invalid_client_metadata"),
                Map.entry("{\"redirect_uris\":[\"https://a.example/" + "x".repeat(4100) + "\"]}",
                        "invalid_client_metadata"),
                Map.entry("[1,2]", "invalid_client_metadata"),
                Map.entry("{not json", "invalid_client_metadata"),
                Map.entry("", "invalid_client_metadata"));
        refusals.forEach((body, error) -> {
            Reply reply = register(body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.json().get("error").asText()).as(body).isEqualTo(error);
            assertThat(reply.json().get("error_description").asText()).isNotBlank();
        });
        Reply form = mcp().send("POST", "/oauth/register", "redirect_uris=https://a.example/cb",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(form.status()).isEqualTo(400);
        assertThat(form.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(mcp().send("GET", "/oauth/register", null, Map.of()).status()).isEqualTo(405);
        assertThat(storedClients()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aThousandJunkRequestsStoreNothingAndNoneIsA5xx() {
        int before = storedClients();
        String[] junk = {"{\"redirect_uris\":\"https://a.example/cb\"}", "{\"redirect_uris\":[42]}",
                "{\"redirect_uris\":[\"javascript:alert(1)\"]}", "null", "\"x\"", "{\"redirect_uris\":[null]}",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"grant_types\":\"authorization_code\"}",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"client_name\":{}}", "\u0000\u0001", "{]"};
        for (int i = 0; i < 1000; i++) {
            Reply reply = register(junk[i % junk.length] + (i % 3 == 0 ? " " : ""));
            assertThat(reply.status()).as(junk[i % junk.length]).isEqualTo(400);
        }
        assertThat(storedClients()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void browsersFromAllowedOriginsMayRegister() {
        Reply preflight = mcp().send("OPTIONS", "/oauth/register", null, Map.of("Origin", "http://localhost:6274",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"));
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:6274");
        Reply reply = register("{\"redirect_uris\":[\"http://127.0.0.1:6276/oauth/callback\"],"
                + "\"token_endpoint_auth_method\":\"none\"}", Map.of("Origin", "http://localhost:6274"));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:6274");
        assertThat(mcp().send("OPTIONS", "/oauth/register", null, Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST")).status()).isEqualTo(403);
    }

    @Test
    @Order(6)
    void anAddressMayRegisterOnlySoManyClientsAWindow() {
        String body = "{\"redirect_uris\":[\"https://a.example/cb\"],\"token_endpoint_auth_method\":\"none\"}";
        while (registered < LIMIT) {
            assertThat(register(body).status()).isEqualTo(201);
        }
        int before = storedClients();
        Reply refused = register(body);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("3600");
        assertThat(refused.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(storedClients()).isEqualTo(before);
    }
}
