package dev.lastfmmcp.audit;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.support.FingerprintMemo;
import dev.lastfmmcp.support.InstantText;
import org.apache.camel.Variable;

/**
 * Builds the audit record of one MCP exchange (stored as JSON in the {@code mcp-audit} cache): when, who, what
 * (method, tool / resource / prompt, redacted parameters) and how it ended (outcome, HTTP status, latency).
 */
public class AuditRecords {

    /** Calls of a batch listed one by one; the rest are counted. */
    static final int MAX_BATCH_ITEMS = 100;

    private final ObjectMapper mapper;
    private final Redactor redactor;
    private final int maxRecordChars;
    /** Session fingerprints: one SHA-256 per session, not per record. */
    private final FingerprintMemo sessionHashes;
    /**
     * This instance's tag (6 base-36 digits, random: apart from other nodes') and counter: in every key, so no two
     * records share one.
     */
    private final String tag = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 31), 36);
    private final AtomicLong sequence = new AtomicLong();

    public AuditRecords(ObjectMapper mapper, Redactor redactor) {
        this(mapper, redactor, 16_384);
    }

    /** @param maxRecordChars longest record kept whole; a longer one keeps everything but the parameters */
    public AuditRecords(ObjectMapper mapper, Redactor redactor, int maxRecordChars) {
        this(mapper, redactor, maxRecordChars, new FingerprintMemo(FingerprintMemo.DEFAULT_MAX_ENTRIES));
    }

    /** @param sessionHashes the fingerprints memo the log context fills for the same sessions */
    public AuditRecords(ObjectMapper mapper, Redactor redactor, int maxRecordChars, FingerprintMemo sessionHashes) {
        this.mapper = mapper;
        this.redactor = redactor;
        this.maxRecordChars = maxRecordChars;
        this.sessionHashes = sessionHashes;
    }

    /**
     * The cache key: arrival time first, so keys sort by arrival, then a part unique to this record (this instance's
     * tag and a counter), then the correlation id. Time and correlation id alone are not unique: a client (or a proxy)
     * that sends the same {@code X-Request-Id} with every request overwrote records of the same millisecond (34 of
     * 2,400 under load).
     */
    public String key(@Variable("mcp") McpRequest request) {
        return request.getReceivedAt().toEpochMilli() + "-" + tag + Long.toString(sequence.incrementAndGet(), 36) + "-"
               + request.getCorrelationId();
    }

    public String build(@Variable("mcp") McpRequest request) {
        ObjectNode record = mapper.createObjectNode();
        record.put("timestamp", InstantText.of(request.getReceivedAt()));
        record.put("correlationId", request.getCorrelationId());
        // the session id is a bearer credential: the record keeps a fingerprint that ties a session's records together
        record.put("sessionHash", sessionHashes.of(request.getSessionId()));
        record.put("user", request.getUser());
        // a sign-in id is a bearer credential too: only its fingerprint
        record.put("signInHash", request.getCaller().credentialHash());
        // an OAuth caller: its client (the id is public, not a credential) and the token's scopes
        if (request.getCaller().oauthClientId() != null) {
            record.put("oauthClient", redactor.truncate(request.getCaller().oauthClientId()));
            ArrayNode scopes = record.putArray("scopes");
            request.getCaller().scopes().stream().sorted().forEach(scopes::add);
        }
        record.put("transport", request.getTransport());
        record.put("httpMethod", request.getHttpMethod());
        record.put("path", request.getPath());
        record.put("protocolVersion", request.getProtocolVersion());
        List<McpCall> calls = request.audit().getCalls();
        if (request.isBatch()) {
            record.put("method", "batch");
        } else if (!calls.isEmpty()) {
            McpCall call = calls.get(0);
            record.put("method", redactor.truncate(call.getMethod()));
            record.put("name", redactor.truncate(call.getName()));
            if (call.getParams() != null) {
                record.set("params", redactor.redact(call.getParams()));
            }
            write(record, call);
        } else if (request.getMessage() != null) {
            record.put("method", redactor.truncate(request.getMessage().path("method").asText(null)));
        } else if (request.audit().getLabel() != null) {
            record.put("method", request.audit().getLabel());
        }
        if (request.isBatch()) {
            ArrayNode items = record.putArray("calls");
            for (McpCall call : calls) {
                if (items.size() == MAX_BATCH_ITEMS) {
                    record.put("moreCalls", calls.size() - MAX_BATCH_ITEMS);
                    break;
                }
                ObjectNode item = items.addObject();
                item.put("method", redactor.truncate(call.getMethod()));
                item.put("id", redactor.truncate(call.getMessage().idText()));
                item.put("name", redactor.truncate(call.getName()));
                if (call.getParams() != null) {
                    item.set("params", redactor.redact(call.getParams()));
                }
                item.put("outcome", call.getOutcome());
                write(item, call);
            }
        }
        record.put("outcome", outcome(request, calls));
        if (request.audit().getRejection() != null) {
            record.put("reason", redactor.truncate(request.audit().getRejection()));
        }
        record.put("status", request.reply().getStatus());
        record.put("latencyMs", request.audit().getLatencyMs());
        try {
            String json = mapper.writeValueAsString(record);
            if (json.length() <= maxRecordChars) {
                return json;
            }
            record.remove("params");
            if (record.get("calls") instanceof ArrayNode items) {
                items.forEach(item -> ((ObjectNode) item).remove("params"));
            }
            record.put("paramsOmitted", "the parameters made the record " + json.length()
                                        + " characters long; records keep at most " + maxRecordChars);
            return mapper.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit record could not be written", e);
        }
    }

    /** A write tool's item count and outcome (numbers and fixed words only). */
    private void write(ObjectNode record, McpCall call) {
        if (call.getWrite() != null) {
            record.set("write", mapper.valueToTree(call.getWrite()));
        }
    }

    private static String outcome(McpRequest request, List<McpCall> calls) {
        if (request.audit().getRejection() != null) {
            return "rejected:" + request.reply().getStatus();
        }
        if (request.isBatch()) {
            return calls.stream().allMatch(c -> c.getOutcome().equals("ok")) ? "ok" : "partial";
        }
        return calls.isEmpty() ? "ok" : calls.get(0).getOutcome();
    }
}
