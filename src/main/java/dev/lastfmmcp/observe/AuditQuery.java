package dev.lastfmmcp.observe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the audit store (the {@code mcp-audit} cache: key = arrival millis, a unique part, correlation id;
 * value = the record's JSON) for {@code /observe/audit}: filtered records newest first, summaries, a JSON-lines
 * export. Computed from the store, not from logs. Time bounds are checked on the key before a record is parsed.
 */
public class AuditQuery {

    public static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 100;

    /** A bad filter: the endpoint answers 400 with this sentence. */
    public static class BadFilter extends RuntimeException {
        BadFilter(String message) {
            super(message);
        }
    }

    /** The filters of one query; null fields filter nothing. */
    public record Filter(Instant since, Instant until, String user, String method, String tool, String outcome,
            int limit) {

        /** From query parameters ({@code since}/{@code until} ISO-8601 instants, {@code limit} 1–1000). */
        public static Filter of(Map<String, String> params) {
            String limitText = params.get("limit");
            int limit = DEFAULT_LIMIT;
            if (limitText != null) {
                try {
                    limit = Integer.parseInt(limitText);
                } catch (NumberFormatException e) {
                    limit = -1;
                }
                if (limit < 1 || limit > MAX_LIMIT) {
                    throw new BadFilter("limit must be a whole number from 1 to " + MAX_LIMIT);
                }
            }
            return new Filter(instant(params, "since"), instant(params, "until"), params.get("user"),
                    params.get("method"), params.get("tool"), params.get("outcome"), limit);
        }

        private static Instant instant(Map<String, String> params, String name) {
            String value = params.get(name);
            if (value == null) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new BadFilter(name + " must be an ISO-8601 instant such as 2026-12-03T17:00:00Z");
            }
        }

        boolean inTime(String key) {
            int dash = key.indexOf('-');
            long millis;
            try {
                millis = Long.parseLong(dash < 0 ? key : key.substring(0, dash));
            } catch (NumberFormatException e) {
                return false;
            }
            return (since == null || millis >= since.toEpochMilli()) && (until == null || millis < until.toEpochMilli());
        }

        boolean matches(JsonNode record) {
            return same(user, record, "user") && same(method, record, "method") && same(tool, record, "name")
                   && same(outcome, record, "outcome");
        }

        private static boolean same(String wanted, JsonNode record, String field) {
            return wanted == null || wanted.equals(record.path(field).asText(null));
        }
    }

    private final Supplier<Map<String, String>> store;
    private final ObjectMapper mapper;

    public AuditQuery(Supplier<Map<String, String>> store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    /** The matching records, newest first, at most {@code limit} (without a limit: all, for the export). */
    public List<JsonNode> records(Filter filter, boolean limited) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (Map.Entry<String, String> entry : store.get().entrySet()) {
            if (filter.inTime(entry.getKey())) {
                entries.add(Map.entry(entry.getKey(), entry.getValue()));
            }
        }
        entries.sort(Map.Entry.<String, String> comparingByKey(Comparator.comparingLong(AuditQuery::millis)
                .thenComparing(Comparator.naturalOrder())).reversed());
        List<JsonNode> found = new ArrayList<>();
        for (Map.Entry<String, String> entry : entries) {
            JsonNode record = parse(entry.getValue());
            if (record != null && filter.matches(record)) {
                found.add(record);
                if (limited && found.size() == filter.limit()) {
                    break;
                }
            }
        }
        return found;
    }

    private static long millis(String key) {
        int dash = key.indexOf('-');
        try {
            return Long.parseLong(dash < 0 ? key : key.substring(0, dash));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    public String list(Filter filter) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode records = body.putArray("records");
        records(filter, true).forEach(records::add);
        body.put("count", records.size());
        body.put("limit", filter.limit());
        return write(body);
    }

    /** One record per line (application/x-ndjson), newest first. */
    public String export(Filter filter) {
        StringBuilder lines = new StringBuilder();
        for (JsonNode record : records(filter, false)) {
            lines.append(write(record)).append('\n');
        }
        return lines.toString();
    }

    /** Counts by tool, outcome and user, and p50/p95 latency, of the records the filter keeps (no limit). */
    public String summary(Filter filter) {
        List<JsonNode> records = records(filter, false);
        Map<String, Integer> tools = new TreeMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> users = new TreeMap<>();
        List<Long> latencies = new ArrayList<>();
        for (JsonNode record : records) {
            if ("tools/call".equals(record.path("method").asText()) && record.hasNonNull("name")) {
                tools.merge(record.get("name").asText(), 1, Integer::sum);
            }
            outcomes.merge(record.path("outcome").asText("unknown"), 1, Integer::sum);
            users.merge(record.path("user").asText("anonymous"), 1, Integer::sum);
            if (record.path("latencyMs").asLong(-1) >= 0) {
                latencies.add(record.get("latencyMs").asLong());
            }
        }
        latencies.sort(null);
        ObjectNode body = mapper.createObjectNode();
        body.put("records", records.size());
        body.set("byTool", mapper.valueToTree(tools));
        body.set("byOutcome", mapper.valueToTree(outcomes));
        body.set("byUser", mapper.valueToTree(users));
        ObjectNode latency = body.putObject("latencyMs");
        latency.put("p50", percentile(latencies, 50));
        latency.put("p95", percentile(latencies, 95));
        return write(body);
    }

    /** Nearest-rank percentile; 0 for no values. */
    static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
