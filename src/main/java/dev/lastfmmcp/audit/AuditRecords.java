package dev.lastfmmcp.audit;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import org.apache.camel.Variable;

/**
 * Builds the audit record of one MCP exchange (stored as JSON in the {@code mcp-audit} cache): when, who, what
 * (method, tool / resource / prompt, redacted parameters) and how it ended (outcome, HTTP status, latency).
 */
public class AuditRecords {

    private final ObjectMapper mapper;
    private final Redactor redactor;

    public AuditRecords(ObjectMapper mapper, Redactor redactor) {
        this.mapper = mapper;
        this.redactor = redactor;
    }

    /** The cache key: time first, so keys sort by arrival. */
    public String key(@Variable("mcp") McpRequest request) {
        return request.getReceivedAt().toEpochMilli() + "-" + request.getCorrelationId();
    }

    public String build(@Variable("mcp") McpRequest request) {
        ObjectNode record = mapper.createObjectNode();
        record.put("timestamp", request.getReceivedAt().toString());
        record.put("correlationId", request.getCorrelationId());
        record.put("sessionId", request.getSessionId());
        record.put("user", request.getUser());
        record.put("transport", request.getTransport());
        record.put("httpMethod", request.getHttpMethod());
        record.put("path", request.getPath());
        record.put("protocolVersion", request.getProtocolVersion());
        List<McpCall> calls = request.getCalls();
        if (request.isBatch()) {
            record.put("method", "batch");
        } else if (!calls.isEmpty()) {
            McpCall call = calls.get(0);
            record.put("method", call.getMethod());
            record.put("name", call.getName());
            if (call.getParams() != null) {
                record.set("params", redactor.redact(call.getParams()));
            }
        } else if (request.getMessage() != null) {
            record.put("method", request.getMessage().path("method").asText(null));
        } else if (request.getLabel() != null) {
            record.put("method", request.getLabel());
        }
        if (request.isBatch()) {
            ArrayNode items = record.putArray("calls");
            for (McpCall call : calls) {
                ObjectNode item = items.addObject();
                item.put("method", call.getMethod());
                item.put("id", call.getMessage().idText());
                item.put("name", call.getName());
                if (call.getParams() != null) {
                    item.set("params", redactor.redact(call.getParams()));
                }
                item.put("outcome", call.getOutcome());
            }
        }
        record.put("outcome", outcome(request, calls));
        if (request.getRejection() != null) {
            record.put("reason", redactor.truncate(request.getRejection()));
        }
        record.put("status", request.getStatus());
        record.put("latencyMs", request.getLatencyMs());
        try {
            return mapper.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit record could not be written", e);
        }
    }

    private static String outcome(McpRequest request, List<McpCall> calls) {
        if (request.getRejection() != null) {
            return "rejected:" + request.getStatus();
        }
        if (request.isBatch()) {
            return calls.stream().allMatch(c -> c.getOutcome().equals("ok")) ? "ok" : "partial";
        }
        return calls.isEmpty() ? "ok" : calls.get(0).getOutcome();
    }
}
