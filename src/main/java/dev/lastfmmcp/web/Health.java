package dev.lastfmmcp.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /health}: every check by name, UP only when all are UP (HTTP 200), otherwise DOWN (HTTP 503).
 */
public class Health {

    /** The state of one check; {@code detail} says why when it is down. */
    public record Check(boolean up, String detail) {
        public static Check up(String detail) {
            return new Check(true, detail);
        }

        public static Check down(String detail) {
            return new Check(false, detail);
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
        boolean allUp = true;
        for (Map.Entry<String, Supplier<Check>> entry : checks.entrySet()) {
            Check check;
            try {
                check = entry.getValue().get();
            } catch (RuntimeException e) {
                check = Check.down(e.getClass().getSimpleName());
            }
            allUp &= check.up();
            ObjectNode result = results.putObject(entry.getKey());
            result.put("status", check.up() ? "UP" : "DOWN");
            if (check.detail() != null) {
                result.put("detail", check.detail());
            }
        }
        body.put("status", allUp ? "UP" : "DOWN");
        body.put("version", version);
        body.set("checks", results);
        try {
            return new Report(allUp ? 200 : 503, mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
