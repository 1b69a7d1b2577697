package dev.lastfmmcp.mcp;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
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

    /** Whether {@code method} can be asked of the client of {@code request} (capability declared). */
    public boolean canAsk(McpRequest request, String method) {
        String capability = CAPABILITIES.get(method);
        return capability != null && declared(request, capability);
    }

    /**
     * Sends {@code method} with {@code params} to the client of {@code request}, for the call {@code call}. The
     * future holds the answer's {@code result}.
     */
    public CompletableFuture<JsonNode> ask(McpRequest request, McpCall call, String method, Object params) {
        if (!canAsk(request, method)) {
            return CompletableFuture.failedFuture(new Failure(Reason.NOT_SUPPORTED, "The MCP client did not declare "
                    + "the '" + CAPABILITIES.getOrDefault(method, method) + "' capability, so it cannot be asked."));
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
