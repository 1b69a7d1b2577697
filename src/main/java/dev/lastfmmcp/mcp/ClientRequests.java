package dev.lastfmmcp.mcp;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.jsonrpc.CancelledException;
import dev.lastfmmcp.jsonrpc.InputRequiredException;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Ask the client": server-to-client requests of the 2025 era ({@code elicitation/create},
 * {@code sampling/createMessage}, {@code roots/list}) sent while a request is being served, and their answers, which
 * the client POSTs back as JSON-RPC responses (accepted with 202).
 *
 * <p>A request goes only to a client whose session declared the capability, on the request's own event stream (the
 * POST's SSE reply) or, when the request has none, on the session's GET stream (the standalone stream, or the legacy
 * {@code /sse} stream); with neither it is not sent. The answer is a {@link CompletableFuture} completed on the
 * continuation executor, never on the thread that read the client's POST: the waiting tool holds no worker thread.
 * It completes exceptionally with a {@link Failure} when the client does not answer in time (the server then sends
 * {@code notifications/cancelled}), answers with a JSON-RPC error, or cannot be asked; with a
 * {@link CancelledException} when the client cancels the request being served. An answer that matches nothing
 * pending (a second answer, a late one, another session's) is ignored.
 *
 * <p>The 2026-07-28 era has no server-to-client requests: {@link #askAll} reads the answers from the retried
 * request's {@code inputResponses} instead, and while one is missing ends the request with an
 * {@link InputRequiredException} (the {@code input_required} result), whose sealed {@code requestState}
 * ({@link RequestStates}) carries the answers of earlier rounds. A question marked {@link Question#bound() bound} (a
 * confirmation) counts only with the {@code requestState} this server issued for the same request and caller.
 */
public class ClientRequests {

    private static final Logger LOG = LoggerFactory.getLogger(ClientRequests.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The capability a client declares for each method it can be asked. */
    public static final Map<String, String> CAPABILITIES = Map.of(
            "elicitation/create", "elicitation",
            "sampling/createMessage", "sampling",
            "roots/list", "roots");

    private final JsonRpcCodec codec;
    private final SessionPublisher sessions;
    private final ScheduledExecutorService timer;
    private final Executor continuation;
    private final Duration timeout;
    private final Duration requestTimeout;
    private final String prefix;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final RequestStates states;

    /** Why a question got no answer. */
    public enum Reason {
        /** the client did not declare the capability */
        NOT_SUPPORTED,
        /** the request has no event stream to carry the question (and the session no open GET stream) */
        NO_STREAM,
        /** no answer within the timeout */
        TIMEOUT,
        /** the client answered with a JSON-RPC error */
        ERROR_ANSWER
    }

    /** A question that got no usable answer; {@link #getMessage()} is a sentence for people. */
    public static class Failure extends RuntimeException {
        private final Reason reason;

        public Failure(Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /**
     * One thing to ask the client.
     *
     * @param key    the name of the answer (the {@code inputRequests} key of the stateless era)
     * @param method {@code elicitation/create}, {@code sampling/createMessage} or {@code roots/list}
     * @param params the request's params (null for none)
     * @param bound  stateless era: the answer counts only with this server's {@code requestState} for the request
     */
    public record Question(String key, String method, Object params, boolean bound) {
    }

    private record Pending(String sessionId, String method, CompletableFuture<JsonNode> answer, ProgressSink sink) {
    }

    /**
     * @param sessions     the sessions' GET streams
     * @param timer        schedules the timeouts
     * @param continuation where a waiting tool continues once its answer is in
     * @param timeout      how long the client has to answer (mcp.client-requests.timeout)
     * @param requestTimeout a request's time for upstream calls (mcp.request-timeout), counted again from an answer
     */
    public ClientRequests(JsonRpcCodec codec, SessionPublisher sessions, ScheduledExecutorService timer,
            Executor continuation, Duration timeout, Duration requestTimeout) {
        this(codec, sessions, timer, continuation, timeout, requestTimeout, null);
    }

    /** @param states seals and opens the stateless era's {@code requestState} (null: that era cannot be asked) */
    public ClientRequests(JsonRpcCodec codec, SessionPublisher sessions, ScheduledExecutorService timer,
            Executor continuation, Duration timeout, Duration requestTimeout, RequestStates states) {
        this.states = states;
        this.codec = codec;
        this.sessions = sessions;
        this.timer = timer;
        this.continuation = continuation;
        this.timeout = timeout;
        this.requestTimeout = requestTimeout;
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        this.prefix = "srv-" + HexFormat.of().formatHex(bytes) + "-";
    }

    public Duration timeout() {
        return timeout;
    }

    /** Whether the session of {@code request} declared {@code capability} ({@code elicitation}, ...). */
    public static boolean declared(McpRequest request, String capability) {
        Session session = request == null ? null : request.getSession();
        return session != null && session.clientCapabilities() != null
               && session.clientCapabilities().get(capability) instanceof Map;
    }

    /**
     * Whether {@code method} can be asked of the client of {@code request}: it declared the capability, in its
     * session (2025 era) or in this request's {@code _meta} (2026-07-28).
     */
    public boolean canAsk(McpRequest request, String method) {
        String capability = CAPABILITIES.get(method);
        if (capability == null) {
            return false;
        }
        if (request != null && request.isStateless()) {
            return states != null && request.getStateless().declares(capability);
        }
        return declared(request, capability);
    }

    /**
     * Asks all {@code questions} for the call {@code call}; the future holds each answer's {@code result} by key. A
     * question the client cannot be asked fails the future with {@link Reason#NOT_SUPPORTED}. The 2025 era sends
     * them at once and waits for every answer; the 2026-07-28 era answers from the request's {@code inputResponses}
     * and, while one is missing, throws the {@link InputRequiredException} for the missing ones.
     */
    public CompletableFuture<Map<String, JsonNode>> askAll(McpRequest request, McpCall call,
            List<Question> questions) {
        for (Question question : questions) {
            if (!canAsk(request, question.method())) {
                return CompletableFuture.failedFuture(notSupported(question.method()));
            }
        }
        if (request.isStateless()) {
            return CompletableFuture.completedFuture(answered(request, call, questions));
        }
        Map<String, CompletableFuture<JsonNode>> asked = new LinkedHashMap<>();
        for (Question question : questions) {
            asked.put(question.key(), ask(request, call, question.method(), question.params()));
        }
        return CompletableFuture.allOf(asked.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, JsonNode> answers = new LinkedHashMap<>();
            asked.forEach((key, answer) -> answers.put(key, answer.join()));
            return answers;
        });
    }

    /** The stateless era: every answer from the retry (or from earlier rounds), else the input_required result. */
    private Map<String, JsonNode> answered(McpRequest request, McpCall call, List<Question> questions) {
        ObjectNode responses = inputResponses(call);
        RequestStates.Binding binding = RequestStates.Binding.of(call, request.getCaller(), states);
        JsonNode stateParam = call.getParams() == null ? null : call.getParams().get("requestState");
        ObjectNode earlier = JsonNodeFactory.instance.objectNode();
        boolean stateValid = false;
        if (stateParam != null && !stateParam.isNull()) {
            if (!stateParam.isTextual()) {
                throw JsonRpcException.invalidParams("Invalid params: requestState must be the string this server "
                                                     + "sent with input_required");
            }
            RequestStates.Opened opened = states.open(stateParam.textValue(), binding);
            stateValid = !opened.expired();
            earlier = opened.answers();
        }
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        // what the next round's state carries: with this server's state, everything the client answered (a later
        // question of the same call may need it); without, only what questions that need no state accepted
        ObjectNode carried = earlier.deepCopy();
        if (stateValid) {
            carried.setAll(responses);
        }
        Map<String, Object> missing = new LinkedHashMap<>();
        for (Question question : questions) {
            JsonNode given = responses.get(question.key());
            if (given != null && (stateValid || !question.bound())) {
                checkShape(question, given);
                answers.put(question.key(), given);
                carried.set(question.key(), given);
            } else if (earlier.has(question.key())) {
                answers.put(question.key(), earlier.get(question.key()));
            } else {
                Map<String, Object> inputRequest = new LinkedHashMap<>();
                inputRequest.put("method", question.method());
                inputRequest.put("params", question.params() == null ? Map.of() : question.params());
                missing.put(question.key(), inputRequest);
            }
        }
        if (missing.isEmpty()) {
            return answers;
        }
        throw new InputRequiredException(missing, states.seal(binding, carried));
    }

    /** The request's {@code inputResponses}: an object of objects (-32602 otherwise); empty when it has none. */
    static ObjectNode inputResponses(McpCall call) {
        JsonNode given = call.getParams() == null ? null : call.getParams().get("inputResponses");
        if (given == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!given.isObject()) {
            throw JsonRpcException.invalidParams("Invalid params: inputResponses must be an object of answers "
                                                 + "keyed as inputRequests asked them");
        }
        given.fields().forEachRemaining(field -> {
            if (!field.getValue().isObject()) {
                throw JsonRpcException.invalidParams("Invalid params: inputResponses."
                                                     + JsonRpcException.echoed(field.getKey())
                                                     + " must be an object (the result of the request asked)");
            }
        });
        return (ObjectNode) given;
    }

    /** An answer must have the shape of its method's result (-32602 otherwise). */
    private static void checkShape(Question question, JsonNode answer) {
        boolean fits = switch (question.method()) {
            case "elicitation/create" -> answer.path("action").isTextual();
            case "sampling/createMessage" -> answer.has("content");
            case "roots/list" -> answer.path("roots").isArray();
            default -> true;
        };
        if (!fits) {
            throw JsonRpcException.invalidParams("Invalid params: inputResponses." + question.key()
                                                 + " is not a " + question.method() + " result");
        }
    }

    private Failure notSupported(String method) {
        return new Failure(Reason.NOT_SUPPORTED, "The MCP client did not declare the '"
                + CAPABILITIES.getOrDefault(method, method) + "' capability, so it cannot be asked.");
    }

    /**
     * Sends {@code method} with {@code params} to the client of {@code request}, for the call {@code call}. The
     * future holds the answer's {@code result}.
     */
    public CompletableFuture<JsonNode> ask(McpRequest request, McpCall call, String method, Object params) {
        if (!canAsk(request, method) || request.isStateless()) {
            return CompletableFuture.failedFuture(notSupported(method));
        }
        String id = prefix + sequence.incrementAndGet();
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("jsonrpc", "2.0");
        message.put("id", id);
        message.put("method", method);
        if (params != null) {
            message.set("params", codec.tree(params));
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        String sessionId = request.getSessionId();
        ProgressSink sink = request.getProgressSink();
        Pending entry = new Pending(sessionId, method, answer, sink);
        pending.put(key(sessionId, id), entry);
        boolean sent;
        if (sink != null) {
            sink.send(message);
            sent = true;
        } else {
            sent = sessionId != null && sessions.publish(sessionId, codec.write(message));
        }
        if (!sent) {
            pending.remove(key(sessionId, id));
            return CompletableFuture.failedFuture(new Failure(Reason.NO_STREAM, "The MCP client could not be asked: "
                    + "this request is not answered with an event stream and the session has no open stream."));
        }
        ScheduledFuture<?> timing = timer.schedule(() -> {
            if (pending.remove(key(sessionId, id), entry)) {
                answer.completeExceptionally(new Failure(Reason.TIMEOUT, "The MCP client did not answer within "
                        + timeout.toSeconds() + " seconds."));
                cancelAtClient(entry, id, "timed out");
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (call != null) {
            call.whenCancelled(() -> {
                if (pending.remove(key(sessionId, id), entry)) {
                    answer.completeExceptionally(new CancelledException());
                    cancelAtClient(entry, id, "the request was cancelled");
                }
            });
        }
        answer.whenComplete((result, failure) -> timing.cancel(false));
        return answer.whenCompleteAsync((result, failure) -> { }, continuation);
    }

    private void cancelAtClient(Pending entry, String id, String reason) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("requestId", id);
        params.put("reason", reason);
        JsonNode notification = codec.notification("notifications/cancelled", params);
        try {
            if (entry.sink() != null) {
                entry.sink().send(notification);
            } else if (entry.sessionId() != null) {
                sessions.publish(entry.sessionId(), codec.write(notification));
            }
        } catch (RuntimeException closed) {
            LOG.debug("notifications/cancelled for {} not sent: {}", id, closed.toString());
        }
    }

    /**
     * A JSON-RPC response the client POSTed (the {@code mcp-notification} route): the answer of a pending question
     * of the same session. Anything else (unknown id, a second answer, another session's) is ignored.
     *
     * @return whether it answered a pending question
     */
    public boolean answered(@Body JsonNode response, @Variable("mcp") McpRequest request) {
        if (response == null || request == null || !response.path("id").isTextual()) {
            return false;
        }
        String id = response.path("id").textValue();
        Pending entry = pending.remove(key(request.getSessionId(), id));
        if (entry == null) {
            LOG.debug("A client response to {} matches no pending request; ignored", id);
            return false;
        }
        JsonNode error = response.get("error");
        if (error != null && !error.isNull()) {
            entry.answer().completeExceptionally(new Failure(Reason.ERROR_ANSWER, "The MCP client refused "
                    + entry.method() + ": " + error.path("message").asText("no reason given")
                    + " (" + error.path("code").asText("?") + ")."));
        } else {
            JsonNode result = response.get("result");
            entry.answer().complete(result == null ? JsonNodeFactory.instance.objectNode() : result);
        }
        return true;
    }

    /**
     * The request's new deadline ({@code System.nanoTime()}, exchange variable {@code requestDeadline}) once the
     * client answered: the time a person took to answer does not count against the upstream calls that follow.
     */
    public long renewedDeadline() {
        return System.nanoTime() + requestTimeout.toNanos();
    }

    /** Questions waiting for an answer. */
    public int pending() {
        return pending.size();
    }

    private static String key(String sessionId, String id) {
        return (sessionId == null ? "" : sessionId) + "\u0000" + id;
    }
}
