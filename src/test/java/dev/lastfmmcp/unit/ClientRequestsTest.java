package dev.lastfmmcp.unit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.CancelledException;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.JsonRpcMessage;
import dev.lastfmmcp.mcp.ClientRequests;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The "ask the client" service without a CamelContext: capability, streams, answers, timeouts, cancellation. */
class ClientRequestsTest {

    private final ObjectMapper mapper = AppConfiguration.objectMapper();
    private final JsonRpcCodec codec = new JsonRpcCodec(mapper);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final java.util.concurrent.ExecutorService answers = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "answer-pool"));
    private final List<JsonNode> postStream = new CopyOnWriteArrayList<>();
    private final List<String> getStream = new CopyOnWriteArrayList<>();
    private boolean getStreamOpen;

    private ClientRequests service(Duration timeout) {
        return new ClientRequests(codec, (session, json) -> {
            getStream.add(session + " " + json);
            return getStreamOpen;
        }, timer, answers, timeout, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        timer.shutdownNow();
        answers.shutdownNow();
    }

    private static McpRequest request(String sessionId, Map<String, Object> capabilities) {
        McpRequest request = new McpRequest("c-1", System.nanoTime(), Instant.now(), "POST", "/mcp");
        request.bind(new Session(sessionId, "2025-11-25", "test", "1", capabilities, Instant.now(), null, null),
                "2025-11-25");
        return request;
    }

    private McpRequest streamed(String sessionId, Map<String, Object> capabilities) {
        McpRequest request = request(sessionId, capabilities);
        request.setProgressSink(postStream::add);
        return request;
    }

    private static McpCall toolCall() {
        return new McpCall(new JsonRpcMessage(JsonRpcMessage.Kind.REQUEST,
                com.fasterxml.jackson.databind.node.IntNode.valueOf(7), "tools/call", null));
    }

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }

    private static Throwable failure(CompletableFuture<?> future) {
        try {
            future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the future completed normally");
    }

    @Test
    void aClientThatDidNotDeclareTheCapabilityIsNeverAsked() {
        ClientRequests service = service(Duration.ofSeconds(5));
        McpRequest request = streamed("s1", Map.of("sampling", Map.of()));
        CompletableFuture<JsonNode> answer = service.ask(request, toolCall(), "elicitation/create",
                Map.of("message", "ok?"));
        assertThat(failure(answer)).isInstanceOfSatisfying(ClientRequests.Failure.class,
                f -> assertThat(f.reason()).isEqualTo(ClientRequests.Reason.NOT_SUPPORTED));
        assertThat(service.ask(request, toolCall(), "roots/list", null)).isCompletedExceptionally();
        assertThat(service.ask(request, toolCall(), "tools/list", null)).isCompletedExceptionally();
        assertThat(postStream).isEmpty();
        assertThat(getStream).isEmpty();
        assertThat(service.canAsk(request, "sampling/createMessage")).isTrue();
        assertThat(service.canAsk(request(null, null), "sampling/createMessage")).isFalse();
    }

    @Test
    void theQuestionGoesOnThePostStreamAndItsAnswerContinuesInTheAnswerPool() throws Exception {
        ClientRequests service = service(Duration.ofSeconds(5));
        McpRequest request = streamed("s1", Map.of("elicitation", Map.of()));
        AtomicReference<String> thread = new AtomicReference<>();
        CompletableFuture<JsonNode> answer = service.ask(request, toolCall(), "elicitation/create",
                Map.of("message", "Go ahead?")).whenComplete((r, e) -> thread.set(Thread.currentThread().getName()));
        assertThat(postStream).hasSize(1);
        JsonNode sent = postStream.get(0);
        assertThat(sent.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(sent.path("method").asText()).isEqualTo("elicitation/create");
        assertThat(sent.at("/params/message").asText()).isEqualTo("Go ahead?");
        String id = sent.path("id").asText();
        assertThat(id).startsWith("srv-");
        assertThat(service.pending()).isEqualTo(1);
        assertThat(answer).isNotDone();

        boolean matched = service.answered(json("{\"jsonrpc\":\"2.0\",\"id\":\"" + id
                + "\",\"result\":{\"action\":\"accept\",\"content\":{\"confirm\":true}}}"), request);
        assertThat(matched).isTrue();
        assertThat(answer.get(5, TimeUnit.SECONDS).at("/content/confirm").asBoolean()).isTrue();
        assertThat(thread.get()).isEqualTo("answer-pool");
        // a second answer to the same question changes nothing
        assertThat(service.answered(json("{\"jsonrpc\":\"2.0\",\"id\":\"" + id
                + "\",\"result\":{\"action\":\"decline\"}}"), request)).isFalse();
        assertThat(answer.get().path("action").asText()).isEqualTo("accept");
        assertThat(service.pending()).isZero();
    }

    @Test
    void anErrorAnswerFailsTheQuestionWithTheClientsReason() throws Exception {
        ClientRequests service = service(Duration.ofSeconds(5));
        McpRequest request = streamed("s1", Map.of("sampling", Map.of()));
        CompletableFuture<JsonNode> answer = service.ask(request, toolCall(), "sampling/createMessage", Map.of());
        String id = postStream.get(0).path("id").asText();
        service.answered(json("{\"jsonrpc\":\"2.0\",\"id\":\"" + id
                + "\",\"error\":{\"code\":-1,\"message\":\"User rejected sampling\"}}"), request);
        assertThat(failure(answer)).isInstanceOfSatisfying(ClientRequests.Failure.class, f -> {
            assertThat(f.reason()).isEqualTo(ClientRequests.Reason.ERROR_ANSWER);
            assertThat(f.getMessage()).contains("User rejected sampling").contains("sampling/createMessage");
        });
    }

    @Test
    void aClientThatNeverAnswersTimesOutAndIsToldTheQuestionIsCancelled() {
        ClientRequests service = service(Duration.ofMillis(200));
        McpRequest request = streamed("s1", Map.of("roots", Map.of("listChanged", true)));
        CompletableFuture<JsonNode> answer = service.ask(request, toolCall(), "roots/list", null);
        String id = postStream.get(0).path("id").asText();
        assertThat(postStream.get(0).has("params")).isFalse();
        assertThat(failure(answer)).isInstanceOfSatisfying(ClientRequests.Failure.class,
                f -> assertThat(f.reason()).isEqualTo(ClientRequests.Reason.TIMEOUT));
        await().atMost(Duration.ofSeconds(5)).until(() -> postStream.size() == 2);
        assertThat(postStream.get(1).path("method").asText()).isEqualTo("notifications/cancelled");
        assertThat(postStream.get(1).at("/params/requestId").asText()).isEqualTo(id);
        assertThat(service.pending()).isZero();
    }

    @Test
    void cancellingTheToolCallCancelsItsQuestion() throws Exception {
        ClientRequests service = service(Duration.ofSeconds(30));
        McpRequest request = streamed("s1", Map.of("elicitation", Map.of()));
        McpCall call = toolCall();
        CompletableFuture<JsonNode> answer = service.ask(request, call, "elicitation/create", Map.of());
        String id = postStream.get(0).path("id").asText();
        call.cancel();
        assertThat(failure(answer)).isInstanceOf(CancelledException.class);
        assertThat(postStream.get(1).path("method").asText()).isEqualTo("notifications/cancelled");
        assertThat(postStream.get(1).at("/params/requestId").asText()).isEqualTo(id);
        // the late answer is ignored
        assertThat(service.answered(json("{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"result\":{}}"), request))
                .isFalse();
    }

    @Test
    void anotherSessionCannotAnswerAndJunkIsIgnored() throws Exception {
        ClientRequests service = service(Duration.ofSeconds(30));
        McpRequest request = streamed("s1", Map.of("elicitation", Map.of()));
        CompletableFuture<JsonNode> answer = service.ask(request, toolCall(), "elicitation/create", Map.of());
        String id = postStream.get(0).path("id").asText();
        String response = "{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"result\":{\"action\":\"accept\"}}";
        assertThat(service.answered(json(response), request("s2", Map.of("elicitation", Map.of())))).isFalse();
        assertThat(service.answered(json("{\"jsonrpc\":\"2.0\",\"id\":42,\"result\":{}}"), request)).isFalse();
        assertThat(service.answered(null, request)).isFalse();
        assertThat(answer).isNotDone();
        assertThat(service.answered(json(response), request)).isTrue();
        assertThat(answer.get(5, TimeUnit.SECONDS).path("action").asText()).isEqualTo("accept");
    }

    @Test
    void withoutAPostStreamTheQuestionGoesOnTheSessionsGetStreamOrNowhere() throws Exception {
        ClientRequests service = service(Duration.ofSeconds(30));
        McpRequest request = request("s9", Map.of("elicitation", Map.of()));
        getStreamOpen = false;
        assertThat(failure(service.ask(request, toolCall(), "elicitation/create", Map.of())))
                .isInstanceOfSatisfying(ClientRequests.Failure.class,
                        f -> assertThat(f.reason()).isEqualTo(ClientRequests.Reason.NO_STREAM));
        assertThat(service.pending()).isZero();
        getStreamOpen = true;
        CompletableFuture<JsonNode> answer = service.ask(request, toolCall(), "elicitation/create", Map.of());
        String published = getStream.get(getStream.size() - 1);
        assertThat(published).startsWith("s9 ").contains("\"method\":\"elicitation/create\"");
        String id = mapper.readTree(published.substring(3)).path("id").asText();
        service.answered(json("{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"result\":{\"action\":\"cancel\"}}"),
                request);
        assertThat(answer.get(5, TimeUnit.SECONDS).path("action").asText()).isEqualTo("cancel");
    }

    @Test
    void theDeadlineAfterAnAnswerIsARequestTimeoutFromNow() {
        long before = System.nanoTime();
        long deadline = service(Duration.ofSeconds(1)).renewedDeadline();
        assertThat(deadline - before).isGreaterThanOrEqualTo(Duration.ofSeconds(30).toNanos());
    }
}
