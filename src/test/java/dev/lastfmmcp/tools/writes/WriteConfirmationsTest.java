package dev.lastfmmcp.tools.writes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.CancelledException;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.JsonRpcMessage;
import dev.lastfmmcp.jsonrpc.ToolException;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.ClientRequests;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.Session;
import dev.lastfmmcp.tools.ToolDefinition;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.lastfmmcp.tools.writes.WriteConfirmations.Decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The write tools' confirmation policy: who asks, the question, what an answer means, and asking through elicitation. */
class WriteConfirmationsTest {

    private final ObjectMapper mapper = AppConfiguration.objectMapper();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<JsonNode> sent = new CopyOnWriteArrayList<>();
    private final ClientRequests client = new ClientRequests(new JsonRpcCodec(mapper), (s, json) -> false, timer,
            Runnable::run, Duration.ofMillis(300), Duration.ofSeconds(30));
    private final WriteConfirmations confirmations = new WriteConfirmations(client);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private static ToolDefinition tool(String name) {
        McpSchema.Tool tool = new McpSchema.Tool(name, name, "d", Map.of("type", "object"), null, null, null,
                null);
        return new ToolDefinition(tool, "writes", "direct:tool-" + name, true, null, false, List.of("elicitation"));
    }

    private McpRequest request(Map<String, Object> capabilities) {
        McpRequest request = new McpRequest("c", System.nanoTime(), Instant.now(), "POST", "/mcp");
        request.bind(new Session("s", "2025-11-25", "t", "1", capabilities, Instant.now(), null, null), "2025-11-25");
        request.setProgressSink(sent::add);
        return request;
    }

    private static McpCall call() {
        return new McpCall(new JsonRpcMessage(JsonRpcMessage.Kind.REQUEST,
                com.fasterxml.jackson.databind.node.IntNode.valueOf(1), "tools/call", null));
    }

    private static ScrobbleRun run(int tracks) {
        List<Map<String, Object>> items = new ArrayList<>();
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < tracks; i++) {
            items.add(Map.of("artist", "Artist " + i, "track", "Track " + i, "timestamp", now - 600 - i * 300L));
        }
        return ScrobbleRun.of(items, Instant.now());
    }

    @Test
    void unloveAlbumScrobblesAndMoreThanTenTracksAsk() {
        assertThat(WriteConfirmations.needsConfirmation("unlove_track", 0)).isTrue();
        assertThat(WriteConfirmations.needsConfirmation("scrobble_album", 1)).isTrue();
        assertThat(WriteConfirmations.needsConfirmation("scrobble_tracks", 10)).isFalse();
        assertThat(WriteConfirmations.needsConfirmation("scrobble_tracks", 11)).isTrue();
        assertThat(WriteConfirmations.needsConfirmation("love_track", 0)).isFalse();
        assertThat(WriteConfirmations.needsConfirmation("update_now_playing", 0)).isFalse();
    }

    @Test
    void theQuestionSaysWhatIsWrittenForWhom() {
        assertThat(WriteConfirmations.question("unlove_track", Map.of("artist", "Cher", "track", "Believe"), null,
                "rj")).isEqualTo("Remove \"Believe\" by Cher from rj's loved tracks on Last.fm?");
        assertThat(WriteConfirmations.question("scrobble_tracks", Map.of(), run(12), "rj"))
                .startsWith("Scrobble 12 tracks to rj's Last.fm profile (from ").contains("Track 11 by Artist 11");
        assertThat(WriteConfirmations.question("scrobble_album", Map.of("artist", "Metallica", "album", "Metallica"),
                run(1), null)).isEqualTo("Scrobble 1 track of \"Metallica\" by Metallica to your Last.fm profile "
                                         + "(Track 0 by Artist 0)?");
        assertThat(WriteConfirmations.schema()).containsEntry("required", List.of("confirm"));
    }

    @Test
    void onlyAnAcceptedYesGoesAhead() throws Exception {
        assertThat(WriteConfirmations.decide(mapper.readTree("{\"action\":\"accept\",\"content\":{\"confirm\":true}}")))
                .isEqualTo(Decision.CONFIRMED);
        assertThat(WriteConfirmations.decide(mapper.readTree("{\"action\":\"accept\",\"content\":{\"confirm\":false}}")))
                .isEqualTo(Decision.DECLINED);
        assertThat(WriteConfirmations.decide(mapper.readTree("{\"action\":\"accept\"}"))).isEqualTo(Decision.DECLINED);
        assertThat(WriteConfirmations.decide(mapper.readTree("{\"action\":\"decline\"}"))).isEqualTo(Decision.DECLINED);
        assertThat(WriteConfirmations.decide(mapper.readTree("{\"action\":\"cancel\"}"))).isEqualTo(Decision.CANCELLED);
        assertThat(WriteConfirmations.decide(null)).isEqualTo(Decision.CANCELLED);
        assertThat(Decision.CONFIRMED.proceeds()).isTrue();
        assertThat(Decision.NOT_ASKED.proceeds()).isTrue();
        assertThat(Decision.TIMED_OUT.proceeds()).isFalse();
    }

    @Test
    void aClientWithoutElicitationIsNotAskedAndTheWriteGoesAhead() throws Exception {
        CompletableFuture<Decision> decision = confirmations.ask(tool("unlove_track"),
                Map.of("artist", "Cher", "track", "Believe"), null, Caller.lastfmUser("rj"),
                request(Map.of("sampling", Map.of())), call());
        assertThat(decision.get()).isEqualTo(Decision.NOT_ASKED);
        assertThat(sent).isEmpty();
        assertThat(confirmations.ask(tool("scrobble_tracks"), Map.of(), run(3), Caller.lastfmUser("rj"),
                request(Map.of("elicitation", Map.of())), call()).get()).isEqualTo(Decision.NOT_NEEDED);
        assertThat(sent).isEmpty();
    }

    @Test
    void aClientWithElicitationIsAskedAndItsAnswerDecides() throws Exception {
        McpRequest request = request(Map.of("elicitation", Map.of()));
        CompletableFuture<Decision> decision = confirmations.ask(tool("unlove_track"),
                Map.of("artist", "Cher", "track", "Believe"), null, Caller.lastfmUser("rj"), request, call());
        JsonNode question = sent.get(0);
        assertThat(question.path("method").asText()).isEqualTo("elicitation/create");
        assertThat(question.at("/params/message").asText()).contains("Believe").contains("rj's loved tracks");
        assertThat(question.at("/params/requestedSchema/properties/confirm/type").asText()).isEqualTo("boolean");
        client.answered(mapper.readTree("{\"jsonrpc\":\"2.0\",\"id\":\"" + question.path("id").asText()
                + "\",\"result\":{\"action\":\"decline\"}}"), request);
        assertThat(decision.get(5, TimeUnit.SECONDS)).isEqualTo(Decision.DECLINED);

        CompletableFuture<Decision> unanswered = confirmations.ask(tool("scrobble_album"),
                Map.of("artist", "A", "album", "B"), run(2), Caller.lastfmUser("rj"), request, call());
        assertThat(unanswered.get(5, TimeUnit.SECONDS)).isEqualTo(Decision.TIMED_OUT);

        CompletableFuture<Decision> refused = confirmations.ask(tool("unlove_track"), Map.of("artist", "A", "track",
                "B"), null, Caller.lastfmUser("rj"), request, call());
        client.answered(mapper.readTree("{\"jsonrpc\":\"2.0\",\"id\":\"" + sent.get(sent.size() - 1).path("id")
                .asText() + "\",\"error\":{\"code\":-32603,\"message\":\"no UI\"}}"), request);
        assertThat(refused.get(5, TimeUnit.SECONDS)).isEqualTo(Decision.FAILED);

        McpCall cancelled = call();
        CompletableFuture<Decision> gone = confirmations.ask(tool("unlove_track"), Map.of("artist", "A", "track",
                "B"), null, Caller.lastfmUser("rj"), request, cancelled);
        cancelled.cancel();
        assertThat(gone.get(5, TimeUnit.SECONDS)).isEqualTo(Decision.CALL_CANCELLED);
    }

    @Test
    void everyDecisionButYesWritesNothing() {
        ToolDefinition unlove = tool("unlove_track");
        McpCall confirmed = call();
        WriteAudit.planned(confirmed, 1);
        confirmations.proceed(Decision.CONFIRMED, unlove, confirmed);
        assertThat(confirmed.getWrite()).containsEntry("confirmation", "confirmed").containsEntry("items", 1);
        confirmations.proceed(Decision.NOT_ASKED, unlove, null);
        McpCall notNeeded = call();
        confirmations.proceed(Decision.NOT_NEEDED, unlove, notNeeded);
        assertThat(notNeeded.getWrite()).as("nothing to say when the write does not ask").isNull();
        for (Decision refused : List.of(Decision.DECLINED, Decision.CANCELLED, Decision.TIMED_OUT, Decision.FAILED)) {
            McpCall asked = call();
            WriteAudit.planned(asked, 1);
            assertThatThrownBy(() -> confirmations.proceed(refused, unlove, asked)).isInstanceOf(ToolException.class)
                    .isNotInstanceOf(CancelledException.class).hasMessageStartingWith("Nothing was written to Last.fm");
            assertThat(asked.getWrite()).containsEntry("outcome", "not written")
                    .containsEntry("confirmation", refused.name().toLowerCase(java.util.Locale.ROOT));
        }
        assertThatThrownBy(() -> confirmations.proceed(Decision.CALL_CANCELLED, unlove, null))
                .isInstanceOf(CancelledException.class);
    }
}
