package dev.lastfmmcp.routes;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.RawMcp.Reply;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OAuth discovery (RFC 9728, RFC 8414) as issue 14's table fixes it, with a configured public base URL (trailing
 * slash: the issuer has none), and /mcp in the default mode (credentials not required): anonymous use works, a
 * bearer token that is not valid is a 401 invalid_token challenge.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.public-base-url=https://mcp.example.org/",
                       "mcp.allowed-hosts=mcp.example.org"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthMetadataTest extends AppTestSupport {

    private static final String PRM = "https://mcp.example.org/.well-known/oauth-protected-resource/mcp";

    @Test
    void protectedResourceMetadataAtBothForms() {
        for (String path : List.of("/.well-known/oauth-protected-resource",
                "/.well-known/oauth-protected-resource/mcp")) {
            Reply reply = mcp().send("GET", path, null, Map.of());
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.header("Content-Type")).startsWith("application/json");
            JsonNode doc = reply.json();
            assertThat(doc.get("resource").asText()).isEqualTo("https://mcp.example.org/mcp");
            assertThat(doc.get("authorization_servers")).extracting(JsonNode::asText)
                    .containsExactly("https://mcp.example.org");
            assertThat(doc.get("scopes_supported")).extracting(JsonNode::asText)
                    .containsExactly("lastfm:read", "lastfm:write");
            assertThat(doc.get("bearer_methods_supported")).extracting(JsonNode::asText).containsExactly("header");
            assertThat(doc.get("resource_name").asText()).isNotBlank();
            assertThat(doc.get("resource_documentation").asText()).isEqualTo("https://mcp.example.org/");
        }
    }

    @Test
    void authorizationServerMetadata() {
        Reply reply = mcp().send("GET", "/.well-known/oauth-authorization-server", null, Map.of());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.body()).doesNotContain("\\/");
        JsonNode doc = reply.json();
        assertThat(doc.get("issuer").asText()).isEqualTo("https://mcp.example.org");
        assertThat(doc.get("authorization_endpoint").asText()).isEqualTo("https://mcp.example.org/authorize");
        assertThat(doc.get("token_endpoint").asText()).isEqualTo("https://mcp.example.org/oauth/token");
        assertThat(doc.get("registration_endpoint").asText()).isEqualTo("https://mcp.example.org/oauth/register");
        assertThat(doc.get("revocation_endpoint").asText()).isEqualTo("https://mcp.example.org/oauth/revoke");
        assertThat(doc.get("response_types_supported")).extracting(JsonNode::asText).containsExactly("code");
        assertThat(doc.get("grant_types_supported")).extracting(JsonNode::asText)
                .containsExactly("authorization_code", "refresh_token");
        assertThat(doc.get("code_challenge_methods_supported")).extracting(JsonNode::asText).containsExactly("S256");
        assertThat(doc.get("token_endpoint_auth_methods_supported")).extracting(JsonNode::asText)
                .containsExactly("none", "client_secret_post", "client_secret_basic");
        assertThat(doc.get("scopes_supported")).extracting(JsonNode::asText)
                .containsExactly("lastfm:read", "lastfm:write");
        assertThat(doc.get("client_id_metadata_document_supported").asBoolean()).isTrue();
        assertThat(doc.get("authorization_response_iss_parameter_supported").asBoolean()).isTrue();
    }

    /** Not an OpenID provider: the OpenID discovery form is a 404, and a POST to the metadata a 405. */
    @Test
    void openIdConfigurationIs404AndOtherMethods405() {
        assertThat(mcp().send("GET", "/.well-known/openid-configuration", null, Map.of()).status()).isEqualTo(404);
        Reply post = mcp().send("POST", "/.well-known/oauth-authorization-server", "{}",
                Map.of("Content-Type", "application/json"));
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).contains("GET");
    }

    /** Browser-based clients discover cross-origin: any origin reads the documents, preflights included. */
    @Test
    void anyOriginMayReadTheDocuments() {
        Reply get = mcp().send("GET", "/.well-known/oauth-protected-resource/mcp", null,
                Map.of("Origin", "https://inspector.example"));
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo("*");
        Reply preflight = mcp().send("OPTIONS", "/.well-known/oauth-authorization-server", null,
                Map.of("Origin", "https://inspector.example", "Access-Control-Request-Method", "GET",
                        "Access-Control-Request-Headers", "mcp-protocol-version"));
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("MCP-Protocol-Version");
        // /mcp keeps its origin policy
        assertThat(mcp().send("OPTIONS", "/mcp", null, Map.of("Origin", "https://inspector.example",
                "Access-Control-Request-Method", "POST")).status()).isEqualTo(403);
    }

    @Test
    void anonymousUseWorksWhenCredentialsAreNotRequired() {
        assertThat(session()).isNotBlank();
        Reply ping = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}", session());
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.header("WWW-Authenticate")).isNull();
    }

    /** No token is valid (none is issued yet): 401 invalid_token with the metadata, in the default mode too. */
    @Test
    void anInvalidBearerTokenIs401InvalidToken() {
        Reply reply = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", session(),
                Map.of("Authorization", "Bearer not-a-token"));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"")
                .contains("resource_metadata=\"" + PRM + "\"");
        assertThat(reply.json().at("/error/code").asInt()).isEqualTo(-32001);
        assertThat(reply.body()).doesNotContain("not-a-token");
        Reply stream = mcp().send("GET", "/mcp", null, Map.of("Accept", "text/event-stream",
                "Mcp-Session-Id", session(), "Authorization", "Bearer not-a-token"));
        assertThat(stream.status()).isEqualTo(401);
        assertThat(stream.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void anotherSchemeOrTwoCredentialsAre400InvalidRequest() {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";
        for (Map<String, String> headers : List.of(Map.of("Authorization", "Basic dXNlcjpwYXNz"),
                Map.of("Authorization", "Bearer "))) {
            Reply reply = mcp().post(ping, session(), headers);
            assertThat(reply.status()).as(headers.toString()).isEqualTo(400);
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_request\"")
                    .contains("resource_metadata=\"" + PRM + "\"");
        }
        Reply both = mcp().send("POST", "/mcp?session_id=abc", ping, Map.of("Content-Type", "application/json",
                "Accept", "application/json, text/event-stream", "Mcp-Session-Id", session(),
                "Authorization", "Bearer abc"));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().at("/error/message").asText()).contains("not both");
    }
}
