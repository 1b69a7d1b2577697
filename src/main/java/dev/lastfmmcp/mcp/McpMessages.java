package dev.lastfmmcp.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.jsonrpc.JsonRpcMessage;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One JSON-RPC message through the {@code mcp-message} route: classify it, then wrap its result or its error. */
public class McpMessages {

    private static final Logger LOG = LoggerFactory.getLogger(McpMessages.class);

    private final JsonRpcCodec codec;
    private final InFlightRequests inFlight;

    public McpMessages(JsonRpcCodec codec, InFlightRequests inFlight) {
        this.codec = codec;
        this.inFlight = inFlight;
    }

    /** The call (variable {@code call}) for one message; -32600 when it is not a valid JSON-RPC message. */
    public McpCall classify(@Body JsonNode body, @Variable("mcp") McpRequest request) {
        JsonRpcMessage message = codec.classify(body);
        if (request.isBatch() && "initialize".equals(message.method())) {
            throw new JsonRpcCodec.InvalidMessageException(message.id(),
                    "Invalid request: initialize must not be part of a batch");
        }
        McpCall call = new McpCall(message);
        request.audit().addCall(call);
        inFlight.started(request, call);
        return call;
    }

    /** The response for a method's result; a tool result with isError is recorded as such. */
    public JsonNode success(@Body Object result, @Variable("call") McpCall call, @Variable("mcp") McpRequest request) {
        inFlight.finished(request, call);
        if (call.isCancelled()) {
            call.setOutcome("cancelled");
            return null;
        }
        if (result instanceof McpSchema.CallToolResult toolResult && Boolean.TRUE.equals(toolResult.isError())) {
            call.setOutcome("isError");
        }
        return codec.result(call.getId(), result);
    }

    /** A JSON-RPC error response; the id is the request's when it could be read. */
    public JsonNode failure(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) JsonRpcException error,
            @Variable("call") McpCall call, @Variable("mcp") McpRequest request) {
        inFlight.finished(request, call);
        if (call != null && call.isCancelled()) {
            call.setOutcome("cancelled");
            return null;
        }
        JsonNode id;
        if (error instanceof JsonRpcCodec.InvalidMessageException invalid) {
            id = invalid.id();
            if (call == null) {
                McpCall rejected = new McpCall(new JsonRpcMessage(JsonRpcMessage.Kind.REQUEST, id, null, null));
                rejected.setOutcome("error:" + error.code());
                request.audit().addCall(rejected);
            }
        } else {
            id = call == null ? null : call.getId();
        }
        // 2026-07-28 answers a resource that is not there with -32602 (the 2025 revisions: -32002)
        int code = request.isStateless() && error.code() == JsonRpcErrors.RESOURCE_NOT_FOUND
                ? JsonRpcErrors.INVALID_PARAMS : error.code();
        if (call != null) {
            call.setOutcome("error:" + code);
        }
        return codec.error(id, code, error.getMessage(), error.data());
    }

    /**
     * A rejection at the HTTP level while handling a message (an OAuth token without the tool's scope: 403): it is
     * not a JSON-RPC error of this message but the whole request's answer, so it goes on to the intake.
     */
    public void rethrow(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) dev.lastfmmcp.jsonrpc.McpHttpException rejection) {
        throw rejection;
    }

    /** Something broke while handling a request: logged with the correlation id, answered -32603 without details. */
    public JsonNode internalError(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure,
            @Variable("call") McpCall call, @Variable("mcp") McpRequest request) {
        inFlight.finished(request, call);
        if (call != null && call.isCancelled()) {
            call.setOutcome("cancelled");
            return null;
        }
        LOG.error("Request {} ({}) failed", request.getCorrelationId(), call == null ? "?" : call.getMethod(),
                failure);
        if (call != null) {
            call.setOutcome("error:" + JsonRpcErrors.INTERNAL_ERROR);
        }
        return codec.error(call == null ? null : call.getId(), JsonRpcErrors.INTERNAL_ERROR,
                "Internal error (correlation id " + request.getCorrelationId() + ")", null);
    }

    /** For the dispatch route's otherwise branch. */
    public Object methodNotFound(@Variable("call") McpCall call) {
        throw JsonRpcException.methodNotFound(call.getMethod());
    }

    /** Who asks (variable {@code caller}): tools read the user from it. */
    public Caller caller(@Variable("mcp") McpRequest request) {
        return request == null ? Caller.ANONYMOUS : request.getCaller();
    }
}
