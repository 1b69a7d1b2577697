package dev.lastfmmcp.routes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.edge.HttpServerCheck;
import dev.lastfmmcp.observe.ManagementServer;
import dev.lastfmmcp.support.UpstreamTestSupport;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.infinispan.manager.EmbeddedCacheManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** The management server: its own port on loopback, health probes, Prometheus metrics, info; 404 and 405. */
@CamelMainTest(configurationClasses = AppConfiguration.class,
        properties = {"camel.server.port=0", "mcp.management.port=0", "camel.metrics.enableRoutePolicy=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementServerTest extends UpstreamTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private int port() {
        return context.getRegistry().lookupByNameAndType("managementServer", ManagementServer.class)
                .listeningPort();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = send("GET", path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.readTree(response.body());
    }

    private ResilienceProcessor breaker(String id) {
        return context.getProcessor(id, ResilienceProcessor.class);
    }

    @Test
    void itListensOnItsOwnLoopbackPortApartFromTheMcpEndpoint() throws Exception {
        assertThat(port()).isPositive().isNotEqualTo(HttpServerCheck.listeningPort(context));
        // the MCP port does not serve /observe, the management port does not serve /mcp
        assertThat(mcp().send("GET", "/observe/health", null, java.util.Map.of()).status()).isEqualTo(404);
        assertThat(send("GET", "/mcp").statusCode()).isEqualTo(404);
        assertThat(context.resolvePropertyPlaceholders("{{mcp.management.host}}")).isEqualTo("127.0.0.1");
    }

    @Test
    void readinessIsRoutesInfinispanAndTheBreakersAndLivenessIsTheContext() throws Exception {
        JsonNode ready = json("/observe/health/ready", 200);
        assertThat(ready.get("status").asText()).isEqualTo("UP");
        assertThat(ready.get("checks").fieldNames()).toIterable()
                .containsExactly("camel", "routes", "infinispan", "cluster", "lastfm-breaker",
                        "musicbrainz-breaker");
        assertThat(ready.at("/checks/routes/detail").asText()).endsWith("routes started");
        // the cluster view: one node here (MCP_CLUSTER off); ClusterHttpTest shows two
        assertThat(ready.at("/checks/cluster/status").asText()).isEqualTo("UP");
        assertThat(ready.at("/checks/cluster/clustered").asBoolean(true)).isFalse();
        assertThat(ready.at("/checks/cluster/members").toString()).isEqualTo("[\"local\"]");
        assertThat(ready.at("/checks/lastfm-breaker/detail").asText()).isEqualTo("closed");

        JsonNode live = json("/observe/health/live", 200);
        assertThat(live.get("checks").fieldNames()).toIterable().containsExactly("camel");

        JsonNode all = json("/observe/health", 200);
        assertThat(all.get("checks").fieldNames()).toIterable().contains("routes", "lastfm-api-key", "heap");
    }

    @Test
    void anOpenBreakerIsDegradedButStillReady() throws Exception {
        breaker("musicbrainz-breaker").transitionToOpenState();
        try {
            JsonNode ready = json("/observe/health/ready", 200);
            assertThat(ready.get("status").asText()).isEqualTo("DEGRADED");
            assertThat(ready.at("/checks/musicbrainz-breaker/status").asText()).isEqualTo("DEGRADED");
            assertThat(ready.at("/checks/musicbrainz-breaker/detail").asText())
                    .isEqualTo("MusicBrainz circuit breaker open after repeated failures");
        } finally {
            breaker("musicbrainz-breaker").transitionToCloseState();
        }
        assertThat(json("/observe/health/ready", 200).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void readinessFailsWhileInfinispanIsStoppedAndComesBack() throws Exception {
        EmbeddedCacheManager manager = context.getRegistry().lookupByNameAndType("infinispanCacheManager",
                EmbeddedCacheManager.class);
        manager.getCache("mcp-audit").stop();
        try {
            JsonNode ready = json("/observe/health/ready", 503);
            assertThat(ready.get("status").asText()).isEqualTo("DOWN");
            assertThat(ready.at("/checks/infinispan/status").asText()).isEqualTo("DOWN");
            // liveness is the context: a stopped store must not get the node restarted
            assertThat(json("/observe/health/live", 200).get("status").asText()).isEqualTo("UP");
        } finally {
            manager.getCache("mcp-audit").start();
        }
        assertThat(json("/observe/health/ready", 200).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void aStoppedRouteMakesTheNodeNotReady() throws Exception {
        context.getRouteController().stopRoute("web-landing");
        try {
            JsonNode ready = json("/observe/health/ready", 503);
            assertThat(ready.at("/checks/routes/detail").asText()).startsWith("1 of ")
                    .endsWith("routes not started: web-landing");
        } finally {
            context.getRouteController().startRoute("web-landing");
        }
        assertThat(json("/observe/health/ready", 200).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void metricsArePrometheusTextWithCamelRouteTimersAndJvmMeters() throws Exception {
        mcp().send("GET", "/health", null, java.util.Map.of());
        HttpResponse<String> metrics = send("GET", "/observe/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.body()).contains("# TYPE ").contains("routeId=\"web-health\"").contains("jvm_memory_used_bytes")
                .contains("jvm_gc_memory_allocated_bytes_total", "jvm_threads_live_threads", "system_cpu_count",
                        "process_uptime_seconds");
    }

    @Test
    void infoSaysWhatRunsHere() throws Exception {
        JsonNode info = json("/observe/info", 200);
        assertThat(info.get("name").asText()).isEqualTo("lastfm-mcp");
        assertThat(info.get("version").asText()).isNotBlank();
        assertThat(info.get("protocolVersions").toString()).contains("2025-11-25");
        assertThat(info.get("startedAt").asText()).endsWith("Z");
    }

    @Test
    void otherMethodsAre405AndOtherPaths404() throws Exception {
        HttpResponse<String> post = send("POST", "/observe/health");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        // no MCP_ADMIN_TOKEN here: the audit endpoints do not exist
        assertThat(send("GET", "/observe/audit").statusCode()).isEqualTo(404);
        // Jolokia is off by default
        assertThat(send("GET", "/observe/jolokia/version").statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = send("GET", "/observe/nothing");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("/observe/metrics");
        HttpResponse<String> head = send("HEAD", "/observe/health/live");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }
}
