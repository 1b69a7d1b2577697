package dev.lastfmmcp.routes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.observe.ManagementServer;
import dev.lastfmmcp.support.RawMcp;
import dev.lastfmmcp.support.UpstreamTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing is lost from the audit log under load: 2,400 MCP requests from 8 threads as fast as the server answers
 * (answered calls, JSON-RPC errors and HTTP rejections; a third with one fixed {@code X-Request-Id}, as a client or
 * proxy that sends a constant one does), then the audit store, read through {@code /observe/audit/summary} for the
 * load's time window, holds exactly one record per request, with the outcomes the client saw. The load stays far below
 * the store's bound ({@code MCP_AUDIT_MAX_ENTRIES}, 20,000 records).
 */
@CamelMainTest(configurationClasses = AppConfiguration.class, properties = {"camel.server.port=0",
        "mcp.management.port=0", "mcp.admin-token=" + AuditLoadTest.TOKEN})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLoadTest extends UpstreamTestSupport {

    static final String TOKEN = "audit-load-admin-token-7";
    private static final int THREADS = 8;
    private static final int PER_THREAD = 300;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode summary(Instant since, Instant until) throws Exception {
        int port = context.getRegistry().lookupByNameAndType("managementServer", ManagementServer.class)
                .listeningPort();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/observe/audit/summary?since=" + since + "&until=" + until))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyRequestOfALoadHasExactlyOneAuditRecord() throws Exception {
        String session = session();
        RawMcp mcp = mcp();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        // arrival times are whole milliseconds: the window starts a millisecond before the first request
        Instant since = Instant.now().minusMillis(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<Void>> clients = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                clients.add(() -> {
                    for (int i = 0; i < PER_THREAD; i++) {
                        int n = thread * PER_THREAD + i;
                        Map<String, String> headers = n % 3 == 0 ? Map.of("X-Request-Id", "constant-request-id")
                                : Map.of();
                        switch (n % 10) {
                            case 8 -> {
                                RawMcp.Reply reply = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":" + n + ",\"method\":"
                                        + "\"tools/call\",\"params\":{\"name\":\"no_such_tool\"}}", session, headers);
                                assertThat(reply.status()).isEqualTo(200);
                                assertThat(reply.json().at("/error/code").asInt()).isEqualTo(-32602);
                                errors.incrementAndGet();
                            }
                            case 9 -> {
                                RawMcp.Reply reply = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":" + n
                                        + ",\"method\":\"ping\"}", "no-such-session", headers);
                                assertThat(reply.status()).isEqualTo(404);
                                rejected.incrementAndGet();
                            }
                            default -> {
                                RawMcp.Reply reply = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":" + n + ",\"method\":"
                                        + "\"tools/call\",\"params\":{\"name\":\"ping\",\"arguments\":{\"message\":\""
                                        + n + "\"}}}", session, headers);
                                assertThat(reply.status()).isEqualTo(200);
                                assertThat(reply.json().at("/result/isError").asBoolean()).isFalse();
                                ok.incrementAndGet();
                            }
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> client : pool.invokeAll(clients)) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Instant until = Instant.now().plusMillis(1);
        int requests = ok.get() + errors.get() + rejected.get();
        assertThat(requests).isEqualTo(THREADS * PER_THREAD);

        // the records are written off the request thread: wait until they are all there or their count has stopped
        // moving for three polls (a lost record), then compare
        int[] last = {-1, 0};
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            int count = summary(since, until).get("records").asInt();
            last[1] = count == last[0] ? last[1] + 1 : 0;
            last[0] = count;
            return count >= requests || last[1] >= 3;
        });
        JsonNode summary = summary(since, until);
        assertThat(summary.get("records").asInt()).as("audit records of %d requests", requests).isEqualTo(requests);
        assertThat(summary.at("/byOutcome/ok").asInt()).isEqualTo(ok.get());
        assertThat(summary.at("/byOutcome/error:-32602").asInt()).isEqualTo(errors.get());
        assertThat(summary.at("/byOutcome/rejected:404").asInt()).isEqualTo(rejected.get());
        assertThat(summary.at("/byTool/ping").asInt()).isEqualTo(ok.get());
    }
}
