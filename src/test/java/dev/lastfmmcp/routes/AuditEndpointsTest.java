package dev.lastfmmcp.routes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.edge.HttpServerCheck;
import dev.lastfmmcp.observe.ManagementServer;
import dev.lastfmmcp.signin.SignIns;
import dev.lastfmmcp.support.RawMcp;
import dev.lastfmmcp.support.UpstreamTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** /observe/audit on the management port: the bearer token, the filters, newest first, summary and export. */
@CamelMainTest(configurationClasses = AppConfiguration.class, properties = {"camel.server.port=0",
        "mcp.management.port=0", "mcp.admin-token=test-admin-token-42"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditEndpointsTest extends UpstreamTestSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpResponse<String> get(String path, String token) throws Exception {
        int port = context.getRegistry().lookupByNameAndType("managementServer", ManagementServer.class)
                .listeningPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode audit(String query) throws Exception {
        HttpResponse<String> response = get("/observe/audit" + query, "test-admin-token-42");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void recordsAreFilteredNewestFirstAndSummarised() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        String session = session();
        mcp().callTool(session, "ping", "{\"message\":\"one\"}");
        mcp().callTool(session, "no_such_tool", "{}");
        mcp().callTool(session, "ping", "{\"message\":\"two\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> audit("?since=" + before + "&method=tools/call")
                .get("count").asInt() == 3);

        JsonNode pings = audit("?since=" + before + "&tool=ping&limit=1000");
        assertThat(pings.get("count").asInt()).isEqualTo(2);
        assertThat(pings.at("/records/0/params/arguments/message").asText()).as("newest first").isEqualTo("two");
        assertThat(audit("?since=" + before + "&tool=ping&limit=1").get("count").asInt()).isEqualTo(1);
        assertThat(audit("?since=" + before + "&outcome=error:-32602").at("/records/0/params/name").asText())
                .isEqualTo("no_such_tool");
        assertThat(audit("?since=" + before + "&user=someone-else").get("count").asInt()).isZero();
        assertThat(audit("?since=" + Instant.now().plusSeconds(60)).get("count").asInt()).isZero();

        JsonNode summary = JSON.readTree(get("/observe/audit/summary?since=" + before + "&method=tools/call",
                "test-admin-token-42").body());
        assertThat(summary.get("records").asInt()).isEqualTo(3);
        assertThat(summary.at("/byTool/ping").asInt()).isEqualTo(2);
        assertThat(summary.at("/byOutcome/ok").asInt()).isEqualTo(2);
        assertThat(summary.at("/byUser/anonymous").asInt()).isEqualTo(3);
        assertThat(summary.at("/latencyMs/p95").asLong()).isGreaterThanOrEqualTo(summary.at("/latencyMs/p50").asLong());

        HttpResponse<String> export = get("/observe/audit/export?since=" + before + "&method=tools/call",
                "test-admin-token-42");
        assertThat(export.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(export.body().lines()).hasSize(3).allSatisfy(line -> assertThat(JSON.readTree(line).has("outcome"))
                .isTrue());
    }

    @Test
    void theTokenIsRequiredAndBadFiltersAre400() throws Exception {
        assertThat(get("/observe/audit", null).statusCode()).isEqualTo(401);
        assertThat(get("/observe/audit/summary", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/observe/audit?limit=1001", "test-admin-token-42").statusCode()).isEqualTo(400);
        assertThat(get("/observe/audit?limit=ten", "test-admin-token-42").statusCode()).isEqualTo(400);
        HttpResponse<String> since = get("/observe/audit?since=yesterday", "test-admin-token-42");
        assertThat(since.statusCode()).isEqualTo(400);
        assertThat(since.body()).contains("ISO-8601");
    }

    /** {@code user} keeps one signed-in user's records; {@code since}/{@code until} cut by arrival (until excluded). */
    @Test
    void userSinceAndUntilSelectRecords() throws Exception {
        String id = context.getRegistry().lookupByNameAndType("signIns", SignIns.class)
                .create("AuditedAlice", "alice-session-key", "session-url").id();
        RawMcp alice = new RawMcp("http://127.0.0.1:" + HttpServerCheck.listeningPort(context),
                "/mcp?session_id=" + id);
        String aliceSession = alice.initialize("2025-11-25");
        Instant start = Instant.now().minusMillis(1);
        alice.callTool(aliceSession, "ping", "{\"message\":\"early\"}");
        mcp().callTool(session(), "ping", "{\"message\":\"anonymous\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> audit("?since=" + start + "&tool=ping").get("count")
                .asInt() == 2);
        Instant middle = Instant.now().plusMillis(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(middle.plusMillis(2)));
        alice.callTool(aliceSession, "ping", "{\"message\":\"late\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> audit("?since=" + start + "&tool=ping").get("count")
                .asInt() == 3);

        JsonNode alices = audit("?since=" + start + "&tool=ping&user=AuditedAlice");
        assertThat(alices.get("count").asInt()).isEqualTo(2);
        assertThat(alices.get("records").findValuesAsText("user")).containsOnly("AuditedAlice");
        assertThat(alices.at("/records/0/params/arguments/message").asText()).isEqualTo("late");
        assertThat(alices.toString()).doesNotContain("alice-session-key", id);

        JsonNode early = audit("?since=" + start + "&until=" + middle + "&tool=ping");
        assertThat(early.get("records").findValuesAsText("message")).containsExactlyInAnyOrder("early", "anonymous");
        JsonNode late = audit("?since=" + middle + "&tool=ping");
        assertThat(late.get("records").findValuesAsText("message")).containsExactly("late");
        JsonNode summary = JSON.readTree(get("/observe/audit/summary?since=" + start + "&tool=ping",
                "test-admin-token-42").body());
        assertThat(summary.at("/byUser/AuditedAlice").asInt()).isEqualTo(2);
        assertThat(summary.at("/byUser/anonymous").asInt()).isEqualTo(1);
        assertThat(get("/observe/audit/export?since=" + start + "&tool=ping&user=AuditedAlice", "test-admin-token-42")
                .body().lines()).hasSize(2);
    }
}
