package dev.lastfmmcp.routes;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.edge.HttpServerCheck;
import dev.lastfmmcp.support.Browser;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.OAuthSteps;
import dev.lastfmmcp.support.RawMcp;
import dev.lastfmmcp.support.ToolTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client authentication at /oauth/token and /oauth/revoke (RFC 6749 §2.3): confidential clients with
 * {@code client_secret_post} and {@code client_secret_basic} (right secret, wrong secret, none, two methods at once,
 * Basic credentials that cannot be read), a public client that presents a secret, and a client using another
 * client's code or token. Every refusal is 401 {@code invalid_client} (with {@code WWW-Authenticate: Basic} when
 * the client tried Basic), or {@code invalid_grant} for another client's code, and changes nothing.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.signin.auth-url=https://lastfm.example/api/auth/"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthConfidentialClientsTest extends ToolTestSupport {

    private static final String REDIRECT = "https://app.example/callback";

    private final Browser browser = new Browser();
    private final OAuthSteps steps = new OAuthSteps(browser, this::base);
    private int tokens;

    @BeforeEach
    void stubLastfm() {
        browser.clear();
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("auth.getSession"))
                .withQueryParam("token", matching("conf[0-9]+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.lastfm("auth.getSession__ok.json").replace("MyLastFMUsername", "Bob"))));
    }

    private String base() {
        return "http://127.0.0.1:" + HttpServerCheck.listeningPort(context);
    }

    private JsonNode register(String method) {
        return steps.register("{\"client_name\":\"Web app\",\"redirect_uris\":[\"" + REDIRECT + "\"],"
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"token_endpoint_auth_method\":\""
                + method + "\"}");
    }

    private String code(String clientId) {
        return steps.code(clientId, REDIRECT, "conf" + tokens++);
    }

    private static String exchange(String code) {
        return "grant_type=authorization_code&code=" + OAuthSteps.enc(code) + "&redirect_uri="
               + OAuthSteps.enc(REDIRECT) + "&code_verifier=" + OAuthSteps.VERIFIER;
    }

    private static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((OAuthSteps.enc(clientId) + ":" + OAuthSteps.enc(secret))
                .getBytes(StandardCharsets.UTF_8));
    }

    private int mcpStatus(String accessToken) {
        return mcp().post(OAuthFlowTest.INITIALIZE, null, Map.of("Authorization", "Bearer " + accessToken)).status();
    }

    private static void assertInvalidClient(JsonNode answer) {
        assertThat(answer.get("error").asText()).isEqualTo("invalid_client");
        assertThat(answer.get("error_description").asText()).isNotBlank();
    }

    @Test
    void clientSecretPostAtTheTokenAndRevocationEndpoints() {
        JsonNode client = register("client_secret_post");
        String id = client.get("client_id").asText();
        String secret = client.get("client_secret").asText();
        String code = code(id);
        String credentials = "&client_id=" + OAuthSteps.enc(id) + "&client_secret=" + OAuthSteps.enc(secret);

        // a wrong secret or none: 401 invalid_client, no WWW-Authenticate (Basic was not tried), the code unspent
        HttpResponse<String> wrong = steps.form("/oauth/token", exchange(code) + "&client_id=" + OAuthSteps.enc(id)
                + "&client_secret=" + OAuthSteps.enc(secret + "x"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertInvalidClient(OAuthSteps.read(wrong.body()));
        assertThat(wrong.body()).doesNotContain(secret);
        assertInvalidClient(steps.token(exchange(code) + "&client_id=" + OAuthSteps.enc(id), 401));
        assertInvalidClient(steps.token(exchange(code) + "&client_id=" + OAuthSteps.enc(id) + "&client_secret=",
                401));

        JsonNode issued = steps.token(exchange(code) + credentials, 200);
        assertThat(mcpStatus(issued.get("access_token").asText())).isEqualTo(200);
        String refresh = issued.get("refresh_token").asText();
        assertInvalidClient(steps.token("grant_type=refresh_token&refresh_token=" + OAuthSteps.enc(refresh)
                + "&client_id=" + OAuthSteps.enc(id), 401));
        JsonNode refreshed = steps.token("grant_type=refresh_token&refresh_token=" + OAuthSteps.enc(refresh)
                + credentials, 200);

        // revocation: the same authentication
        String access = refreshed.get("access_token").asText();
        HttpResponse<String> anonymousRevoke = steps.form("/oauth/revoke", "token=" + OAuthSteps.enc(access)
                + "&client_id=" + OAuthSteps.enc(id));
        assertThat(anonymousRevoke.statusCode()).isEqualTo(401);
        assertInvalidClient(OAuthSteps.read(anonymousRevoke.body()));
        assertThat(steps.form("/oauth/revoke", "token=" + OAuthSteps.enc(access) + "&client_id=" + OAuthSteps.enc(id)
                + "&client_secret=nope").statusCode()).isEqualTo(401);
        assertThat(mcpStatus(access)).as("refused revocations change nothing").isEqualTo(200);
        assertThat(steps.form("/oauth/revoke", "token=" + OAuthSteps.enc(access) + credentials).statusCode())
                .isEqualTo(200);
        assertThat(mcpStatus(access)).isEqualTo(401);
    }

    @Test
    void clientSecretBasicAtTheTokenAndRevocationEndpoints() {
        JsonNode client = register("client_secret_basic");
        String id = client.get("client_id").asText();
        String secret = client.get("client_secret").asText();
        String code = code(id);

        HttpResponse<String> wrong = steps.form("/oauth/token", exchange(code), "Authorization", basic(id, "x" + secret));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value ->
                assertThat(value).startsWith("Basic realm="));
        assertInvalidClient(OAuthSteps.read(wrong.body()));
        // unreadable Basic credentials, and Basic naming another client than client_id
        for (String header : new String[] {"Basic !!!", "Basic " + Base64.getEncoder().encodeToString(
                "no-colon".getBytes(StandardCharsets.UTF_8)), basic(id + "z", secret)}) {
            assertInvalidClient(steps.token(exchange(code), 401, "Authorization", header));
        }
        assertInvalidClient(steps.token(exchange(code) + "&client_id=someone-else", 401, "Authorization",
                basic(id, secret)));
        // two methods in one request (RFC 6749 §2.3): refused
        assertThat(steps.token(exchange(code) + "&client_secret=" + OAuthSteps.enc(secret), 400, "Authorization",
                basic(id, secret)).get("error").asText()).isEqualTo("invalid_request");

        JsonNode issued = steps.token(exchange(code), 200, "Authorization", basic(id, secret));
        String refresh = issued.get("refresh_token").asText();
        JsonNode refreshed = steps.token("grant_type=refresh_token&refresh_token=" + OAuthSteps.enc(refresh), 200,
                "Authorization", basic(id, secret));
        String access = refreshed.get("access_token").asText();
        assertThat(mcpStatus(access)).isEqualTo(200);
        HttpResponse<String> wrongRevoke = steps.form("/oauth/revoke", "token=" + OAuthSteps.enc(access),
                "Authorization", basic(id, "wrong"));
        assertThat(wrongRevoke.statusCode()).isEqualTo(401);
        assertThat(wrongRevoke.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(steps.form("/oauth/revoke", "token=" + OAuthSteps.enc(refreshed.get("refresh_token").asText()),
                "Authorization", basic(id, secret)).statusCode()).isEqualTo(200);
        assertThat(mcpStatus(access)).isEqualTo(401);
    }

    @Test
    void aPublicClientThatPresentsASecretIsRefused() {
        String id = register("none").get("client_id").asText();
        String code = code(id);
        assertInvalidClient(steps.token(exchange(code) + "&client_id=" + OAuthSteps.enc(id) + "&client_secret=guess",
                401));
        assertInvalidClient(steps.token(exchange(code), 401, "Authorization", basic(id, "guess")));
        JsonNode issued = steps.token(exchange(code) + "&client_id=" + OAuthSteps.enc(id), 200);
        assertThat(steps.form("/oauth/revoke", "token=" + OAuthSteps.enc(issued.get("access_token").asText())
                + "&client_id=" + OAuthSteps.enc(id) + "&client_secret=guess").statusCode()).isEqualTo(401);
        assertThat(mcpStatus(issued.get("access_token").asText())).isEqualTo(200);
    }

    @Test
    void anUnknownClientIs401InvalidClient() {
        assertInvalidClient(steps.token("grant_type=authorization_code&code=x&client_id=nobody", 401));
        assertInvalidClient(steps.token("grant_type=refresh_token&refresh_token=x", 401, "Authorization",
                basic("nobody", "secret")));
        assertInvalidClient(steps.token("grant_type=refresh_token&refresh_token=x", 401));
        HttpResponse<String> revoke = steps.form("/oauth/revoke", "token=x&client_id=nobody");
        assertThat(revoke.statusCode()).isEqualTo(401);
        assertInvalidClient(OAuthSteps.read(revoke.body()));
        assertThat(revoke.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    /** Another client's code is invalid_grant (and spent); another client's token is not revoked. */
    @Test
    void aClientCannotUseOrRevokeAnotherClientsGrant() {
        JsonNode first = register("client_secret_post");
        JsonNode second = register("client_secret_post");
        String firstCredentials = "&client_id=" + OAuthSteps.enc(first.get("client_id").asText()) + "&client_secret="
                                  + OAuthSteps.enc(first.get("client_secret").asText());
        String secondCredentials = "&client_id=" + OAuthSteps.enc(second.get("client_id").asText())
                                   + "&client_secret=" + OAuthSteps.enc(second.get("client_secret").asText());
        String code = code(first.get("client_id").asText());
        assertThat(steps.token(exchange(code) + secondCredentials, 400).get("error").asText())
                .isEqualTo("invalid_grant");

        JsonNode issued = steps.token(exchange(code(first.get("client_id").asText())) + firstCredentials, 200);
        assertThat(steps.token("grant_type=refresh_token&refresh_token=" + OAuthSteps.enc(issued.get("refresh_token")
                .asText()) + secondCredentials, 400).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(steps.form("/oauth/revoke", "token=" + OAuthSteps.enc(issued.get("access_token").asText())
                + secondCredentials).statusCode()).as("RFC 7009: 200 whatever the token").isEqualTo(200);
        assertThat(mcpStatus(issued.get("access_token").asText())).isEqualTo(200);
        RawMcp.Reply still = mcp().post(OAuthFlowTest.INITIALIZE, null, Map.of("Authorization", "Bearer "
                + issued.get("access_token").asText()));
        assertThat(still.status()).isEqualTo(200);
    }
}
