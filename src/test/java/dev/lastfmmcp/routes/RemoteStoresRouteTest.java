package dev.lastfmmcp.routes;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.AppTestSupport;
import dev.lastfmmcp.support.RawMcp;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app with INFINISPAN_HOSTS naming a server that is not there (port 1 on loopback: refused at once). No
 * Infinispan Server can run here, so this is as far as the remote stores go in a test: the app starts without
 * reaching for the stores, /health is DOWN and names the servers, and an MCP request that needs the session store
 * gets a JSON-RPC error instead of hanging.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.management.enabled=false",
                             "mcp.infinispan.hosts=127.0.0.1:1", "mcp.infinispan.timeout=300ms",
                             "mcp.infinispan.username=app", "mcp.infinispan.password=remote-s3cret"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteStoresRouteTest extends AppTestSupport {

    @Test
    void healthIsDownNamingTheServersAndNoEmbeddedManagerIsBound() {
        RawMcp.Reply reply = mcp().send("GET", "/health", null, Map.of());
        assertThat(reply.status()).isEqualTo(503);
        JsonNode infinispan = reply.json().at("/checks/infinispan");
        assertThat(infinispan.get("status").asText()).isEqualTo("DOWN");
        assertThat(infinispan.get("detail").asText()).startsWith("Infinispan Server not reachable at ")
                .contains("127.0.0.1:1");
        assertThat(reply.body()).doesNotContain("remote-s3cret");
        assertThat(context.getRegistry().lookupByName("infinispanCacheManager")).isNull();
    }

    @Test
    void aRequestThatNeedsTheStoreGetsAnError() {
        RawMcp.Reply reply = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":"
                + "\"1\"}}}", null);
        assertThat(reply.json().at("/error/code").asInt()).as(reply.body()).isEqualTo(-32603);
        assertThat(reply.json().at("/error/message").asText()).startsWith("Internal error (correlation id ");
        assertThat(reply.body()).doesNotContain("remote-s3cret").doesNotContain("Exception");
    }
}
