package dev.lastfmmcp.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /health} (and HEAD): every check by name, and the overall status, the worst of them: UP; DEGRADED when
 * the server answers but something an operator should fix is wrong (no or refused Last.fm API key, the Last.fm
 * breaker open, heap pressure); DOWN when it cannot serve (Camel or Infinispan not running). HTTP 200 for UP and
 * DEGRADED, 503 for DOWN. {@code reasons} lists the details of every check that is not UP. Each check is cheap: no
 * check calls Last.fm.
 */
public class Health {

    /** Ordered from best to worst. */
    public enum Status {
        UP, DEGRADED, DOWN
    }

    /**
     * The state of one check; {@code detail} says why when it is not UP; {@code data} (may be null) adds
     * structured fields to the check's JSON object (the cluster view's members, coordinator and node).
     */
    public record Check(Status status, String detail, Map<String, Object> data) {

        public Check(Status status, String detail) {
            this(status, detail, null);
        }

        /** The same check with these fields in its JSON object. */
        public Check with(Map<String, Object> fields) {
            return new Check(status, detail, fields);
        }

        public static Check up(String detail) {
            return new Check(Status.UP, detail);
        }

        public static Check degraded(String detail) {
            return new Check(Status.DEGRADED, detail);
        }

        public static Check down(String detail) {
            return new Check(Status.DOWN, detail);
        }

        public boolean up() {
            return status == Status.UP;
        }
    }

    /** What the route sends back. */
    public record Report(int httpStatus, String json) {
    }

    private final Map<String, Supplier<Check>> checks;
    private final String version;
    private final ObjectMapper mapper;

    public Health(Map<String, Supplier<Check>> checks, String version, ObjectMapper mapper) {
        this.checks = new LinkedHashMap<>(checks);
        this.version = version;
        this.mapper = mapper;
    }

    public Report check() {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode results = mapper.createObjectNode();
        ArrayNode reasons = mapper.createArrayNode();
        Status overall = Status.UP;
        for (Map.Entry<String, Supplier<Check>> entry : checks.entrySet()) {
            Check check;
            try {
                check = entry.getValue().get();
            } catch (RuntimeException e) {
                check = Check.down(e.getClass().getSimpleName());
            }
            if (check.status().compareTo(overall) > 0) {
                overall = check.status();
            }
            ObjectNode result = results.putObject(entry.getKey());
            result.put("status", check.status().name());
            if (check.detail() != null) {
                result.put("detail", check.detail());
                if (!check.up()) {
                    reasons.add(entry.getKey() + ": " + check.detail());
                }
            }
            if (check.data() != null) {
                check.data().forEach((name, value) -> result.set(name, mapper.valueToTree(value)));
            }
        }
        body.put("status", overall.name());
        body.put("version", version);
        if (!reasons.isEmpty()) {
            body.set("reasons", reasons);
        }
        body.set("checks", results);
        try {
            return new Report(overall == Status.DOWN ? 503 : 200, mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
