package dev.lastfmmcp.mcp;

import dev.lastfmmcp.jsonrpc.CancelledException;
import dev.lastfmmcp.upstream.Cancellation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.jsonrpc.JsonRpcMessage;

/**
 * One JSON-RPC message being handled, kept in the exchange variable {@code call}: the classified message, the tool /
 * resource / prompt it names, and its outcome for the audit record.
 */
public class McpCall implements Cancellation {

    private final JsonRpcMessage message;
    private String name;
    private String outcome = "ok";
    private volatile java.util.Map<String, Object> write;
    private double lastProgress = Double.NEGATIVE_INFINITY;
    private volatile boolean cancelled;
    private final java.util.List<Runnable> onCancel = new java.util.concurrent.CopyOnWriteArrayList<>();

    public McpCall(JsonRpcMessage message) {
        this.message = message;
    }

    public JsonRpcMessage getMessage() {
        return message;
    }

    public String getMethod() {
        return message.method();
    }

    public JsonNode getId() {
        return message.id();
    }

    public ObjectNode getParams() {
        return message.params();
    }

    public boolean isRequest() {
        return message.isRequest();
    }

    /** A JSON-RPC response of the client (to a request the server sent it). */
    public boolean isResponse() {
        return message.kind() == JsonRpcMessage.Kind.RESPONSE;
    }

    /** The tool, prompt or resource URI this call is about, once known. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** {@code ok}, {@code isError} or {@code error:<code>}. */
    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    /**
     * What a write tool did, for the audit record: the item count, the outcome and a scrobble run's counts (never a
     * session key or signature); null for every other call.
     */
    public java.util.Map<String, Object> getWrite() {
        return write;
    }

    public void setWrite(java.util.Map<String, Object> write) {
        this.write = write == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(write));
    }

    /** The client cancelled this request. */
    public void cancel() {
        cancelled = true;
        onCancel.forEach(Runnable::run);
    }

    /** Runs {@code action} when the client cancels this request (at once when it already has). */
    public void whenCancelled(Runnable action) {
        onCancel.add(action);
        if (cancelled) {
            action.run();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws when the client cancelled this request (checked before every upstream call). */
    public void checkActive() {
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /** Records a progress value; false when it does not increase on the last one (it must not be sent). */
    public synchronized boolean advanceProgress(double progress) {
        if (progress <= lastProgress) {
            return false;
        }
        lastProgress = progress;
        return true;
    }

    /** A string parameter, or null. */
    public String param(String field) {
        if (message.params() == null) {
            return null;
        }
        JsonNode value = message.params().get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
