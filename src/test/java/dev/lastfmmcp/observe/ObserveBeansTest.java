package dev.lastfmmcp.observe;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.support.ClusterView;
import dev.lastfmmcp.web.Health;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The management server's plain-value parts: probes, breaker state names, the MCP meters' labels. */
class ObserveBeansTest {

    private final JsonRpcCodec codec = new JsonRpcCodec(new ObjectMapper());

    private McpCall call(String json) {
        return new McpCall(codec.classify(codec.parse(json)));
    }

    private static McpRequest request() {
        return new McpRequest("c1", System.nanoTime(), Instant.now(), "POST", "/mcp");
    }

    @Test
    void probes() {
        assertThat(Probes.context(ServiceStatus.Started)).isEqualTo(Health.Check.up(null));
        assertThat(Probes.context(ServiceStatus.Starting)).isEqualTo(Health.Check.up("starting"));
        assertThat(Probes.context(ServiceStatus.Stopped).status()).isEqualTo(Health.Status.DOWN);
        assertThat(Probes.ready(ServiceStatus.Starting).status()).isEqualTo(Health.Status.DOWN);
        assertThat(Probes.routes(0, List.of()).status()).isEqualTo(Health.Status.DOWN);
        assertThat(Probes.routes(3, List.of()).detail()).isEqualTo("3 routes started");
        assertThat(Probes.routes(9, List.of("a", "b", "c", "d", "e", "f")).detail())
                .isEqualTo("6 of 9 routes not started: a, b, c, d, e, ...");
        assertThat(Probes.breaker("Last.fm", null)).isEqualTo(Health.Check.up("unknown"));
        assertThat(Probes.breaker("Last.fm", "HALF_OPEN")).isEqualTo(Health.Check.up("half-open"));
        assertThat(Probes.breaker("Last.fm", "FORCED_OPEN").status()).isEqualTo(Health.Status.DEGRADED);
    }

    @Test
    void theClusterViewIsReadinessWithItsMembers() throws Exception {
        Health.Check single = Probes.cluster(ClusterView.single("local"));
        assertThat(single.status()).isEqualTo(Health.Status.UP);
        assertThat(single.detail()).isEqualTo("not clustered (single node local)");
        assertThat(single.data()).containsEntry("clustered", false).containsEntry("members", List.of("local"))
                .doesNotContainKeys("coordinator", "configuredMembers");
        ClusterView both = new ClusterView(true, "node-b", "node-a", List.of("node-a", "node-b"), 2);
        assertThat(both.isCoordinator()).isFalse();
        assertThat(Probes.cluster(both)).isEqualTo(new Health.Check(Health.Status.UP,
                "2 of 2 configured members in view: node-a (coordinator), node-b; this node node-b",
                Map.of("clustered", true, "node", "node-b", "coordinator", "node-a",
                        "members", List.of("node-a", "node-b"), "configuredMembers", 2)));
        ClusterView alone = new ClusterView(true, "node-b", "node-b", List.of("node-b"), 2);
        assertThat(alone.isCoordinator()).isTrue();
        assertThat(Probes.cluster(alone).status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(Probes.cluster(new ClusterView(true, "node-b", null, List.of(), 2)).status())
                .isEqualTo(Health.Status.DOWN);
        // the fields go into the check's JSON object; a degraded cluster is still ready (200)
        Health health = new Health(Map.of("cluster", () -> Probes.cluster(alone)), "1.0",
                AppConfiguration.objectMapper());
        Health.Report report = health.check();
        assertThat(report.httpStatus()).isEqualTo(200);
        JsonNode json = AppConfiguration.objectMapper().readTree(report.json());
        assertThat(json.at("/status").asText()).isEqualTo("DEGRADED");
        assertThat(json.at("/checks/cluster/members/0").asText()).isEqualTo("node-b");
        assertThat(json.at("/checks/cluster/coordinator").asText()).isEqualTo("node-b");
        assertThat(json.at("/checks/cluster/node").asText()).isEqualTo("node-b");
        assertThat(json.at("/checks/cluster/configuredMembers").asInt()).isEqualTo(2);
    }

    @Test
    void breakerStateNames() {
        assertThat(ServiceGauges.stateName(null)).isNull();
        assertThat(ServiceGauges.stateName("CLOSED")).isEqualTo("closed");
        assertThat(ServiceGauges.stateName("OPEN")).isEqualTo("open");
        assertThat(ServiceGauges.stateName("FORCED_OPEN")).isEqualTo("open");
        assertThat(ServiceGauges.stateName("HALF_OPEN")).isEqualTo("half_open");
        assertThat(ServiceGauges.stateName("DISABLED")).isNull();
    }

    @Test
    void methodLabelsAreMcpMethodsOrAWordOfOurs() {
        McpRequest request = request();
        assertThat(McpMeters.method(request, List.of())).isEqualTo("none");
        request.audit().setLabel("stream");
        assertThat(McpMeters.method(request, List.of())).isEqualTo("stream");
        request.audit().setLabel("Not A Label\n");
        assertThat(McpMeters.method(request, List.of())).isEqualTo("other");
        assertThat(McpMeters.method(request(), List.of(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))))
                .isEqualTo("tools/list");
        assertThat(McpMeters.method(request(), List.of(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x/<user>\"}"))))
                .isEqualTo("other");
        assertThat(McpMeters.method(request(), List.of(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}"))))
                .isEqualTo("response");
    }

    @Test
    void outcomeClasses() {
        assertThat(McpMeters.outcomeClass(null)).isEqualTo("ok");
        assertThat(McpMeters.outcomeClass("error:-32602")).isEqualTo("error");
        assertThat(McpMeters.outcomeClass("isError")).isEqualTo("isError");
        assertThat(McpMeters.outcomeClass("cancelled")).isEqualTo("cancelled");
        assertThat(McpMeters.outcomeClass("weird")).isEqualTo("other");
    }

    @Test
    void aRecordedExchangeCountsItsToolCallByCatalogueNameOnly() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        McpMeters meters = new McpMeters(registry, Set.of("ping"), uri -> null);
        McpRequest request = request();
        McpCall known = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"ping\"}}");
        known.setName("ping");
        request.audit().addCall(known);
        request.audit().finish(System.nanoTime());
        meters.record(request);
        McpRequest other = request();
        McpCall unknown = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"rj\"}}");
        unknown.setName("rj");
        unknown.setOutcome("error:-32602");
        other.audit().addCall(unknown);
        McpCall read = call("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/read\"}");
        other.audit().addCall(read);
        meters.record(other);
        assertThat(registry.get("mcp.tool.calls").tag("tool", "ping").tag("outcome", "ok").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("mcp.tool.calls").tag("tool", "unknown").tag("outcome", "error").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("mcp.resource.reads").tag("template", "none").counter().count()).isEqualTo(1);
        assertThat(registry.get("mcp.requests").tag("method", "tools/call").timers()).hasSize(2);
        assertThat(registry.find("mcp.tool.calls").tag("tool", "rj").counter()).isNull();
    }
}
