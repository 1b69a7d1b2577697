package dev.lastfmmcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One classified JSON-RPC message. {@code id} is kept as the original JSON node so a response carries the same value
 * and the same type (a string id stays a string, a number stays a number).
 */
public record JsonRpcMessage(Kind kind, JsonNode id, String method, ObjectNode params) {

    public enum Kind {
        REQUEST, NOTIFICATION, RESPONSE
    }

    public boolean isRequest() {
        return kind == Kind.REQUEST;
    }

    /** The id as plain text for logs and audit records ({@code null} for notifications). */
    public String idText() {
        // an integer's digits without a JSON writer (Jackson's toString() builds one per call)
        if (id == null || id.isTextual()) {
            return id == null ? null : id.textValue();
        }
        return id.isIntegralNumber() ? id.asText() : id.toString();
    }

    /** The request's {@code _meta.progressToken}, or null. */
    public JsonNode progressToken() {
        if (params == null) {
            return null;
        }
        JsonNode token = params.path("_meta").get("progressToken");
        return token != null && (token.isTextual() || token.isIntegralNumber()) ? token : null;
    }
}
