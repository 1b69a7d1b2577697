package dev.lastfmmcp.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lastfmmcp.support.AppProcess;
import dev.lastfmmcp.support.WebSignIn;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.FreePorts;
import dev.lastfmmcp.support.WireMockUpstreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two real server processes clustered on 127.0.0.1 (MCP_CLUSTER=true, JGroups TCP/TCPPING on free ports): a sign-in
 * made through node A's browser flow and an MCP session initialized on node A both work on node B; both nodes'
 * readiness and {@code server_info} show the two-member view; when A stops, B keeps serving the session and reports
 * the missing member (DEGRADED, still ready).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ClusterHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer lastfm;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startLastfm() {
        lastfm = WireMockUpstreams.start();
        lastfm.stubFor(get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo("auth.getSession"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.lastfm("auth.getSession__ok.json")
                                .replace("MyLastFMUsername", "AliceListens"))));
    }

    @AfterAll
    static void stopLastfm() {
        lastfm.stop();
    }

    private static Map<String, String> node(String name, int clusterPort, String members, int managementPort) {
        return Map.ofEntries(Map.entry("LASTFM_API_KEY", WireMockUpstreams.API_KEY),
                Map.entry("LASTFM_SHARED_SECRET", WireMockUpstreams.SHARED_SECRET),
                Map.entry("LASTFM_API_URL", "http://127.0.0.1:" + lastfm.port() + "/2.0/"),
                Map.entry("PORT", "0"), Map.entry("MANAGEMENT_PORT", Integer.toString(managementPort)),
                Map.entry("MCP_CLUSTER", "true"), Map.entry("MCP_CLUSTER_BIND", "127.0.0.1"),
                Map.entry("MCP_CLUSTER_PORT", Integer.toString(clusterPort)),
                Map.entry("MCP_CLUSTER_MEMBERS", members), Map.entry("MCP_NODE_NAME", name),
                Map.entry("MCP_CLUSTER_JOIN_TIMEOUT", "300ms"));
    }

    @Test
    void aSignInAndASessionMadeOnNodeAWorkOnNodeBAndSurviveA() throws Exception {
        int[] cluster = FreePorts.cluster(2);
        String members = "127.0.0.1[" + cluster[0] + "],127.0.0.1[" + cluster[1] + "]";
        int managementA = FreePorts.one();
        int managementB = FreePorts.one();
        List<String> jvm = List.of("-Djava.net.preferIPv4Stack=true");
        try (AppProcess a = AppProcess.start(node("node-a", cluster[0], members, managementA), Map.of(), jvm);
             AppProcess b = AppProcess.start(node("node-b", cluster[1], members, managementB), Map.of(), jvm)) {
            String baseA = base(a);
            String baseB = base(b);
            // both see both (the view readiness shows)
            for (int management : new int[] {managementA, managementB}) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                        .until(() -> ready(management).at("/checks/cluster/members").size() == 2);
            }
            JsonNode readyB = ready(managementB);
            assertThat(readyB.at("/checks/cluster/status").asText()).isEqualTo("UP");
            assertThat(readyB.at("/checks/cluster/node").asText()).isEqualTo("node-b");
            assertThat(readyB.at("/checks/cluster/clustered").asBoolean()).isTrue();
            assertThat(readyB.at("/checks/cluster/members").toString()).contains("\"node-a\"").contains("\"node-b\"");
            assertThat(readyB.at("/checks/cluster/coordinator").asText()).isIn("node-a", "node-b")
                    .isEqualTo(ready(managementA).at("/checks/cluster/coordinator").asText());

            // sign in through node A's pages
            String id = signIn(baseA);
            // the personal URL works on node B: the sign-in is in the replicated store
            URI personalB = URI.create(baseB + "/mcp?session_id=" + id);
            String sessionB = initialize(personalB);
            assertThat(call(personalB, sessionB, 2, "lastfm_auth_status").at("/result/content/0/text").asText())
                    .contains("Signed in as **AliceListens**");

            // an MCP session initialized on node A is used on node B (the load balancer moved the client)
            URI personalA = URI.create(baseA + "/mcp?session_id=" + id);
            String sessionA = initialize(personalA);
            JsonNode info = call(personalB, sessionA, 3, "server_info");
            assertThat(info.has("error")).as(info.toString()).isFalse();
            assertThat(info.at("/result/structuredContent/cluster/node").asText()).isEqualTo("node-b");
            assertThat(info.at("/result/structuredContent/cluster/members").size()).isEqualTo(2);
            assertThat(info.at("/result/content/0/text").asText()).contains("- Cluster: 2 of 2 configured members");
            assertThat(call(personalB, sessionA, 4, "lastfm_auth_status").at("/result/content/0/text").asText())
                    .contains("AliceListens");

            // node A stops: node B keeps the session and the sign-in, and reports the missing member
            a.stop();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> ready(managementB).at("/checks/cluster/members").size() == 1);
            JsonNode alone = ready(managementB);
            assertThat(alone.at("/checks/cluster/status").asText()).isEqualTo("DEGRADED");
            assertThat(alone.at("/checks/cluster/coordinator").asText()).isEqualTo("node-b");
            assertThat(call(personalB, sessionA, 5, "lastfm_auth_status").at("/result/content/0/text").asText())
                    .contains("Signed in as **AliceListens**");
            String outputB = b.stop();
            for (String output : new String[] {a.output(), outputB}) {
                assertThat(output).doesNotContain(id).doesNotContain(WireMockUpstreams.SHARED_SECRET)
                        .doesNotContain(AppProcess.TEST_ENCRYPTION_KEY);
            }
        }
    }

    private static String base(AppProcess app) {
        return app.awaitBaseUrl();
    }

    private JsonNode ready(int managementPort) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + managementPort + "/observe/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(reply.body());
    }

    /** The browser flow on one node: /login, Last.fm's callback with a token; the personal URL's sign-in id. */
    private String signIn(String base) throws Exception {
        return WebSignIn.personalSessionId(http, base, "abc123");
    }

    private String initialize(URI uri) throws Exception {
        HttpResponse<String> init = http.send(post(uri, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                + "\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":"
                + "{\"name\":\"cluster-test\",\"version\":\"1\"}}}"), HttpResponse.BodyHandlers.ofString());
        assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<String> initialized = http.send(post(uri, session,
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"), HttpResponse.BodyHandlers.ofString());
        assertThat(initialized.statusCode()).isEqualTo(202);
        return session;
    }

    private JsonNode call(URI uri, String session, int id, String tool) throws Exception {
        HttpResponse<String> reply = http.send(post(uri, session, "{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":{}}}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return JSON.readTree(reply.body());
    }

    private static HttpRequest post(URI uri, String session, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
        }
        return request.build();
    }
}
