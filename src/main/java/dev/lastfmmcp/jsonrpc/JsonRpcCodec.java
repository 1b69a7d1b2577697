package dev.lastfmmcp.jsonrpc;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Parses and builds JSON-RPC 2.0 envelopes with Jackson (never by string templating), keeping the request id's value
 * and type.
 */
public class JsonRpcCodec {

    private final ObjectMapper mapper;
    /** One JSON value per body: anything after it (a second object, a stray NUL) makes the body invalid JSON. */
    private final ObjectReader strictReader;
    /**
     * Results that are sent again unchanged (a memoized tool result, see {@code support.ResultMemo}) with their JSON,
     * written once. Weak keys: looked up by identity, and gone once nothing holds the result any more.
     */
    private final Cache<Object, RawValue> written = Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    public JsonRpcCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        this.strictReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Parses a request body; bad JSON is a -32700 parse error with a null id (HTTP 400). */
    public JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new McpHttpException(400, JsonRpcErrors.PARSE_ERROR, "Parse error: the request body is empty");
        }
        try {
            JsonNode node = strictReader.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new McpHttpException(400, JsonRpcErrors.PARSE_ERROR, "Parse error: the request body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new McpHttpException(400, JsonRpcErrors.PARSE_ERROR, "Parse error: the body is not valid JSON" + where);
        }
    }

    /**
     * Classifies one message as request, notification or response. A structurally invalid message is a -32600
     * error; its id is kept where it could be read.
     */
    public JsonRpcMessage classify(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidMessageException(null, "Invalid request: a JSON-RPC message must be a JSON object");
        }
        JsonNode id = node.get("id");
        JsonNode readableId = validId(id) ? id : null;
        if (!"2.0".equals(node.path("jsonrpc").asText(null))) {
            throw new InvalidMessageException(readableId, "Invalid request: \"jsonrpc\" must be \"2.0\"");
        }
        if (id != null && !validId(id)) {
            throw new InvalidMessageException(null, id.isNull()
                    ? "Invalid request: the id must not be null"
                    : "Invalid request: the id must be a string or an integer");
        }
        JsonNode method = node.get("method");
        if (method == null) {
            if (id != null && (node.has("result") || node.has("error"))) {
                return new JsonRpcMessage(JsonRpcMessage.Kind.RESPONSE, id, null, null);
            }
            throw new InvalidMessageException(readableId, "Invalid request: \"method\" is missing");
        }
        if (!method.isTextual() || method.textValue().isEmpty()) {
            throw new InvalidMessageException(readableId, "Invalid request: \"method\" must be a non-empty string");
        }
        JsonNode params = node.get("params");
        if (params != null && !params.isNull() && !params.isObject()) {
            throw new InvalidMessageException(readableId, "Invalid request: \"params\" must be an object");
        }
        ObjectNode paramsObject = params instanceof ObjectNode o ? o : null;
        JsonRpcMessage.Kind kind = id == null ? JsonRpcMessage.Kind.NOTIFICATION : JsonRpcMessage.Kind.REQUEST;
        return new JsonRpcMessage(kind, id, method.textValue(), paramsObject);
    }

    private static boolean validId(JsonNode id) {
        return id != null && (id.isTextual() || id.isIntegralNumber());
    }

    public ObjectNode result(JsonNode id, Object result) {
        ObjectNode response = envelope(id);
        if (result == null) {
            response.set("result", JsonNodeFactory.instance.objectNode());
        } else if (result instanceof JsonNode node) {
            response.set("result", node);
        } else {
            RawValue json = written.getIfPresent(result);
            if (json != null) {
                response.putRawValue("result", json);
            } else {
                // serialised once, when the response is written (a tree first would serialise it twice)
                response.putPOJO("result", result);
            }
        }
        return response;
    }

    /**
     * Keeps the JSON of a result that will be sent again as it is: {@link #result} then copies it into the response
     * instead of serialising the result each time. The result must never be changed afterwards.
     */
    public void remember(Object result) {
        if (result == null || result instanceof JsonNode) {
            return;
        }
        try {
            SerializedString json = new SerializedString(mapper.writeValueAsString(result));
            json.asUnquotedUTF8();
            written.put(result, new RawValue(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result could not be written as JSON", e);
        }
    }

    public ObjectNode error(JsonNode id, int code, String message, Object data) {
        ObjectNode response = envelope(id);
        ObjectNode error = response.putObject("error");
        error.put("code", code);
        error.put("message", message);
        if (data != null) {
            error.set("data", mapper.valueToTree(data));
        }
        return response;
    }

    /** A value as a JSON tree. */
    public JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }

    public ObjectNode notification(String method, Object params) {
        ObjectNode notification = JsonNodeFactory.instance.objectNode();
        notification.put("jsonrpc", "2.0");
        notification.put("method", method);
        if (params != null) {
            notification.set("params", mapper.valueToTree(params));
        }
        return notification;
    }

    private static ObjectNode envelope(JsonNode id) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", id == null ? NullNode.instance : id);
        return response;
    }

    /** The node as UTF-8 JSON, written by Jackson's byte generator (faster than text for a reply body). */
    public byte[] writeBytes(JsonNode node) {
        byte[] kept = withKeptResult(node);
        if (kept != null) {
            return kept;
        }
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private static final byte[] ENVELOPE_START = "{\"jsonrpc\":\"2.0\",\"id\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RESULT_FIELD = ",\"result\":".getBytes(StandardCharsets.UTF_8);

    /**
     * A response to one request whose result's JSON is kept ({@link #remember}): the bytes Jackson would write, put
     * together in one array of the right size (Jackson grows its buffer in steps and copies it once more at the end;
     * for a 5 KB reply that was a third of a cached call's allocation). Anything else: null.
     */
    private byte[] withKeptResult(JsonNode node) {
        if (!(node instanceof ObjectNode response) || response.size() != 3
            || !(response.get("result") instanceof POJONode result)
            || !(result.getPojo() instanceof RawValue raw) || !(raw.rawValue() instanceof SerializedString json)
            || !"2.0".equals(response.path("jsonrpc").textValue())) {
            return null;
        }
        JsonNode id = response.get("id");
        byte[] idJson;
        if (id.isIntegralNumber()) {
            idJson = id.asText().getBytes(StandardCharsets.US_ASCII);
        } else if (id.isTextual() || id.isNull()) {
            try {
                idJson = mapper.writeValueAsBytes(id);
            } catch (JsonProcessingException e) {
                return null;
            }
        } else {
            return null;
        }
        var names = response.fieldNames();
        if (!"jsonrpc".equals(names.next()) || !"id".equals(names.next()) || !"result".equals(names.next())) {
            return null;
        }
        byte[] resultJson = json.asUnquotedUTF8();
        byte[] bytes = new byte[ENVELOPE_START.length + idJson.length + RESULT_FIELD.length + resultJson.length + 1];
        int at = 0;
        System.arraycopy(ENVELOPE_START, 0, bytes, at, ENVELOPE_START.length);
        at += ENVELOPE_START.length;
        System.arraycopy(idJson, 0, bytes, at, idJson.length);
        at += idJson.length;
        System.arraycopy(RESULT_FIELD, 0, bytes, at, RESULT_FIELD.length);
        at += RESULT_FIELD.length;
        System.arraycopy(resultJson, 0, bytes, at, resultJson.length);
        bytes[bytes.length - 1] = '}';
        return bytes;
    }

    public String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** A message that is not a valid JSON-RPC request; answered with -32600 and the id when it was readable. */
    public static class InvalidMessageException extends JsonRpcException {
        private final transient JsonNode id;

        public InvalidMessageException(JsonNode id, String message) {
            super(JsonRpcErrors.INVALID_REQUEST, message);
            this.id = id;
        }

        public JsonNode id() {
            return id;
        }
    }
}
