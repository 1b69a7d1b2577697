package dev.lastfmmcp.tools;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.RawMcp;
import dev.lastfmmcp.support.SseClient;
import dev.lastfmmcp.support.ToolTestSupport;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.lastfmmcp.tools.InsightData.ALL_TIME;
import static dev.lastfmmcp.tools.InsightData.USER;
import static dev.lastfmmcp.tools.InsightData.WEEK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Streaming tool calls: progress reaches the official SDK client, the SSE reply framing (priming event, one message
 * per event, the response last), plain JSON for quick calls, and cancellation stopping upstream calls.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class, properties = {"camel.server.port=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamingToolsTest extends ToolTestSupport {

    private void stubStats(int delayMillis) {
        stub("user.getInfo", InsightData.userInfo(USER, InsightData.sum(ALL_TIME), ALL_TIME.size(),
                Instant.parse("2015-03-14T09:26:53Z")), delayMillis);
        stub("user.getTopArtists", InsightData.topArtists(USER, WEEK, WEEK.size(), 1000), delayMillis);
        stub("user.getTopAlbums", InsightData.topAlbums(USER, Map.of(), 0), delayMillis);
        stub("user.getTopTracks", InsightData.topTracks(USER, Map.of(), 0), delayMillis);
        stub("user.getRecentTracks", InsightData.recentTracks(USER, List.of(Instant.now().minusSeconds(3600)), 200),
                delayMillis);
        stub("artist.getTopTags", InsightData.artistTags("Radiohead", Map.of("alternative", 100)), delayMillis);
    }

    private static void stub(String method, String body, int delayMillis) {
        MappingBuilder mapping = get(urlPathEqualTo("/2.0/")).withQueryParam("method", equalTo(method));
        LASTFM.stubFor(mapping.willReturn(aResponse().withStatus(200).withFixedDelay(delayMillis)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void theSdkClientReceivesIncreasingProgressForListeningStats() {
        stubStats(0);
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        McpSyncClient client = sdkClient(Duration.ofSeconds(60))
                .progressConsumer(progress::add)
                .build();
        try {
            client.initialize();
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("get_listening_stats",
                    Map.of("username", USER, "period", "7day"), Map.of("progressToken", "stats-1")));
            assertThat(result.isError()).isFalse();
            assertThat(progress).hasSizeGreaterThanOrEqualTo(3);
            assertThat(progress).allSatisfy(p -> assertThat(p.progressToken()).isEqualTo("stats-1"));
            for (int i = 1; i < progress.size(); i++) {
                assertThat(progress.get(i).progress()).isGreaterThan(progress.get(i - 1).progress());
            }
            assertThat(progress.get(0).message()).isNotBlank();
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void anSseReplyIsFramedAsIn20251125AndQuickCallsStayJson() {
        stubStats(0);
        String session = session();
        try (SseClient reply = SseClient.open("POST", mcp().base() + "/mcp", Map.of("Content-Type",
                "application/json", "Accept", RawMcp.ACCEPT_BOTH, "Mcp-Session-Id", session),
                "{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"get_listening_stats\",\"arguments\":{\"username\":\"" + USER + "\",\"period\":\"7day\"},"
                + "\"_meta\":{\"progressToken\":7}}}")) {
            assertThat(reply.header("Content-Type")).startsWith("text/event-stream");
            reply.awaitEnd();
            List<SseClient.Event> events = reply.all();
            assertThat(events.get(0).id()).isNotBlank();
            assertThat(events.get(0).data()).isEmpty();
            List<SseClient.Event> messages = reply.messages();
            assertThat(messages).allSatisfy(e -> assertThat(e.event()).isEqualTo("message"));
            assertThat(messages.get(messages.size() - 1).data()).contains("\"id\":\"s1\"").contains("\"result\"");
            assertThat(messages.subList(0, messages.size() - 1))
                    .allSatisfy(e -> assertThat(e.data()).contains("notifications/progress")
                            .contains("\"progressToken\":7"));
            assertThat(messages.stream().map(SseClient.Event::id).distinct().count()).isEqualTo(messages.size());
        }
        // without a progress token, or for a one-step tool, the reply is one JSON document
        RawMcp.Reply plain = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{"
                                        + "\"name\":\"ping\",\"_meta\":{\"progressToken\":\"x\"}}}", session);
        assertThat(plain.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void cancellingStopsTheRemainingUpstreamCallsAndSendsNoResponse() throws Exception {
        stubStats(700);
        String session = session();
        CompletableFuture<RawMcp.Reply> call = CompletableFuture.supplyAsync(() -> mcp().post(
                "{\"jsonrpc\":\"2.0\",\"id\":\"slow-1\",\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"get_listening_stats\",\"arguments\":{\"username\":\"" + USER + "\",\"period\":\"7day\"}}}",
                session, Map.of("Accept", "application/json")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !LASTFM.getAllServeEvents().isEmpty());
        RawMcp.Reply cancel = mcp().post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{"
                                         + "\"requestId\":\"slow-1\",\"reason\":\"user stopped it\"}}", session);
        assertThat(cancel.status()).isEqualTo(202);
        RawMcp.Reply reply = call.get();
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body()).isEmpty();
        int upstream = LASTFM.getAllServeEvents().size();
        // the full run makes 6 + up to 10 tag calls; after the cancel no tag call starts
        assertThat(upstream).isLessThanOrEqualTo(6);
        assertThat(LASTFM.getAllServeEvents()).noneMatch(e -> e.getRequest().getUrl().contains("getTopTags"));
        // the session is fine afterwards
        JsonNode ping = mcp().request(session, 3, "ping", null);
        assertThat(ping.get("result")).isEmpty();
    }
}
