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
import dev.lastfmmcp.support.ToolTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.lastfmmcp.support.OAuthSteps.enc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client ID Metadata Documents through the app: a client whose client_id is the URL of its JSON document (served on
 * loopback by WireMock; the test switch {@code mcp.oauth.client-metadata.allow-loopback} admits it) signs in without
 * registering, the document is fetched once while cached, and documents that do not describe the client, are too
 * big, too slow or missing are an HTML page at /authorize and 401 invalid_client at the token endpoint.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.auth.required=true",
                       "mcp.signin.auth-url=https://lastfm.example/api/auth/", "lastfm.retry.max-retries=0",
                       "mcp.oauth.client-metadata.allow-loopback=true", "mcp.oauth.client-metadata.timeout=3s",
                       "mcp.oauth.client-metadata.max-bytes=4096"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthClientMetadataTest extends ToolTestSupport {

    private final Browser browser = new Browser();
    private final OAuthSteps steps = new OAuthSteps(browser, this::base);

    private String base() {
        return "http://127.0.0.1:" + HttpServerCheck.listeningPort(context);
    }

    private static String documentUrl(String name) {
        return "http://127.0.0.1:" + LASTFM.port() + "/clients/" + name + ".json";
    }

    private static String document(String clientId, String redirect) {
        return "{\"client_id\":\"" + clientId + "\",\"client_name\":\"Inspector\",\"client_uri\":"
               + "\"https://inspector.example\",\"redirect_uris\":[\"" + redirect + "\"],\"grant_types\":"
               + "[\"authorization_code\",\"refresh_token\"],\"response_types\":[\"code\"],"
               + "\"token_endpoint_auth_method\":\"none\"}";
    }

    private static void serve(String name, String body) {
        LASTFM.stubFor(get(urlPathEqualTo("/clients/" + name + ".json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Cache-Control", "max-age=600")
                .withBody(body)));
    }

    @BeforeEach
    void stubLastfm() {
        browser.clear();
        LASTFM.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("auth.getSession"))
                .withQueryParam("token", equalTo("cimd")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.lastfm("auth.getSession__ok.json")
                                .replace("MyLastFMUsername", OAuthFlowTest.USER))));
    }

    @Test
    void aClientNamedByItsMetadataDocumentSignsInWithoutRegistering() {
        String clientId = documentUrl("inspector");
        serve("inspector", document(clientId, OAuthSteps.REDIRECT));
        HttpResponse<String> consent = steps.browse(steps.authorizeUrl(clientId, OAuthSteps.REDIRECT,
                "lastfm:read"));
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
        assertThat(consent.body()).contains("Inspector (127.0.0.1)");
        HttpResponse<String> back = steps.allowAndReturn(consent, "cimd");
        Map<String, String> answer = OAuthSteps.query(back.headers().firstValue("Location").orElseThrow());
        assertThat(answer.get("state")).isEqualTo("xyz");
        String code = answer.get("code");

        JsonNode tokens = steps.token("grant_type=authorization_code&code=" + enc(code) + "&redirect_uri="
                + enc(OAuthSteps.REDIRECT) + "&code_verifier=" + OAuthSteps.VERIFIER + "&client_id="
                + enc(clientId) + "&resource=" + enc(base() + "/mcp"), 200);
        String access = tokens.get("access_token").asText();
        Map<String, String> bearer = new LinkedHashMap<>();
        bearer.put("Authorization", "Bearer " + access);
        RawMcp.Reply initialized = mcp().post(OAuthFlowTest.INITIALIZE, null, bearer);
        assertThat(initialized.status()).isEqualTo(200);
        String session = initialized.header("Mcp-Session-Id");
        mcp().post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session, bearer);
        RawMcp.Reply status = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"lastfm_auth_status\",\"arguments\":{}}}", session, bearer);
        assertThat(status.json().at("/result/structuredContent/user").asText()).isEqualTo(OAuthFlowTest.USER);
        assertThat(status.body()).contains("Inspector (127.0.0.1)");

        JsonNode refreshed = steps.token("grant_type=refresh_token&refresh_token="
                + enc(tokens.get("refresh_token").asText()) + "&client_id=" + enc(clientId), 200);
        assertThat(refreshed.get("access_token").asText()).isNotEqualTo(access);
        // a client id that is a document is a public client: no secret, and only the same client id
        assertThat(steps.token("grant_type=refresh_token&refresh_token=" + enc(refreshed.get("refresh_token")
                .asText()) + "&client_id=" + enc(clientId) + "&client_secret=guess", 401).get("error").asText())
                .isEqualTo("invalid_client");
        // authorize, the transaction, the callback and two token requests: one fetch (Cache-Control max-age=600)
        LASTFM.verify(1, getRequestedFor(urlPathEqualTo("/clients/inspector.json")));
    }

    @Test
    void documentsThatDoNotDescribeTheClientAreAPageNeverARedirect() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("foreign", "is not its URL");
        cases.put("elsewhere", "redirect_uri is missing or is not one this client registered");
        cases.put("secret", "must be none");
        cases.put("big", "larger than 4096 bytes");
        cases.put("missing", "HTTP 404");
        cases.put("slow", "could not be fetched");
        serve("foreign", document("https://other.example/client.json", OAuthSteps.REDIRECT));
        serve("elsewhere", document(documentUrl("elsewhere"), "https://evil.example/cb"));
        serve("secret", document(documentUrl("secret"), OAuthSteps.REDIRECT).replace("\"none\"",
                "\"client_secret_post\""));
        serve("big", document(documentUrl("big"), OAuthSteps.REDIRECT).replace("\"client_uri\"",
                "\"padding\":\"" + "x".repeat(5000) + "\",\"client_uri\""));
        LASTFM.stubFor(get(urlPathEqualTo("/clients/slow.json")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(6000).withBody(document(documentUrl("slow"), OAuthSteps.REDIRECT))));
        cases.forEach((name, reason) -> {
            HttpResponse<String> page = steps.browse(steps.authorizeUrl(documentUrl(name), OAuthSteps.REDIRECT,
                    "lastfm:read"));
            assertThat(page.statusCode()).as(name).isEqualTo(400);
            assertThat(page.headers().firstValue("Location")).as(name).isEmpty();
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).as(name).contains(reason);
        });
        // a refused document is remembered: asking again does not fetch it again
        steps.browse(steps.authorizeUrl(documentUrl("foreign"), OAuthSteps.REDIRECT, "lastfm:read"));
        LASTFM.verify(1, getRequestedFor(urlPathEqualTo("/clients/foreign.json")));
        // a private address is never fetched, even with the loopback switch on
        HttpResponse<String> internal = steps.browse(steps.authorizeUrl("https://10.20.30.40/client.json",
                OAuthSteps.REDIRECT, "lastfm:read"));
        assertThat(internal.statusCode()).isEqualTo(400);
        assertThat(internal.body()).contains("loopback, private or link-local");
        // at the token endpoint the same client is 401 invalid_client
        JsonNode refused = steps.token("grant_type=authorization_code&code=x&redirect_uri="
                + enc(OAuthSteps.REDIRECT) + "&code_verifier=" + OAuthSteps.VERIFIER + "&client_id="
                + enc(documentUrl("foreign")), 401);
        assertThat(refused.get("error").asText()).isEqualTo("invalid_client");
        assertThat(refused.get("error_description").asText()).contains("is not its URL");
    }
}
