package dev.lastfmmcp.routes;

import java.util.Map;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.edge.HttpServerCheck;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.RawMcp;
import dev.lastfmmcp.support.RawMcp.Reply;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MCP_AUTH_REQUIRED=true: a request with no credential on any MCP way in is the 401 challenge of MCP
 * authorization 2025-11-25 (resource_metadata on this server's own origin, the scope to ask for); discovery and the
 * web pages stay open.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.auth.required=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthRequiredTest extends AppTestSupport {

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\","
            + "\"version\":\"1\"}}}";

    private String base() {
        return "http://127.0.0.1:" + HttpServerCheck.listeningPort(context);
    }

    @Test
    void noCredentialIs401WithTheChallenge() {
        Reply reply = mcp().post(INITIALIZE, null, Map.of("Origin", "http://localhost:6274"));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer resource_metadata=\"" + base()
                + "/.well-known/oauth-protected-resource/mcp\", scope=\"lastfm:read\"");
        assertThat(reply.header("Access-Control-Expose-Headers")).contains("WWW-Authenticate");
        assertThat(reply.json().at("/error/code").asInt()).isEqualTo(-32001);
        assertThat(reply.json().at("/error/message").asText()).contains("/login");
    }

    @Test
    void everyMcpWayInIsChallenged() {
        assertThat(mcp().send("POST", "/", INITIALIZE, Map.of("Content-Type", "application/json",
                "Accept", RawMcp.ACCEPT_BOTH)).status()).isEqualTo(401);
        Reply stream = mcp().send("GET", "/mcp", null, Map.of("Accept", "text/event-stream",
                "Mcp-Session-Id", "x"));
        assertThat(stream.status()).isEqualTo(401);
        assertThat(stream.header("WWW-Authenticate")).startsWith("Bearer resource_metadata=");
        assertThat(mcp().send("DELETE", "/mcp", null, Map.of("Mcp-Session-Id", "x")).status()).isEqualTo(401);
    }

    @Test
    void theChallengeLeadsToMetadataOnTheSameOrigin() {
        Reply challenge = mcp().post(INITIALIZE, null);
        String header = challenge.header("WWW-Authenticate");
        String url = header.substring(header.indexOf('"') + 1, header.indexOf('"', header.indexOf('"') + 1));
        Reply metadata = mcp().send("GET", url.substring(base().length()), null, Map.of());
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.json().get("resource").asText()).isEqualTo(base() + "/mcp");
        assertThat(mcp().send("GET", "/.well-known/oauth-authorization-server", null, Map.of()).json()
                .get("issuer").asText()).isEqualTo(base());
        assertThat(mcp().send("GET", "/health", null, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void anUnknownPersonalUrlIsStillItsOwn401() {
        Reply reply = mcp().send("POST", "/mcp?session_id=unknown", INITIALIZE, Map.of("Content-Type",
                "application/json", "Accept", RawMcp.ACCEPT_BOTH));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().at("/error/message").asText()).contains("sign in again");
    }
}
