package dev.lastfmmcp.tools;

import java.util.Map;

/**
 * Typed reads of a tool's validated arguments (exchange variable {@code args}): the schema has already checked
 * types, ranges and required names, and filled in defaults.
 */
public final class Args {

    private final Map<String, Object> values;

    public Args(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    public static Args of(Map<String, Object> values) {
        return new Args(values);
    }

    /** A string argument, trimmed; null when absent or blank. */
    public String text(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    public Integer integer(String name) {
        Object value = values.get(name);
        return value instanceof Number n ? n.intValue() : value == null ? null : Integer.valueOf(value.toString());
    }

    public Long longValue(String name) {
        Object value = values.get(name);
        return value instanceof Number n ? n.longValue() : value == null ? null : Long.valueOf(value.toString());
    }

    public int integer(String name, int defaultValue) {
        Integer value = integer(name);
        return value == null ? defaultValue : value;
    }

    public boolean has(String name) {
        return text(name) != null;
    }

    public Map<String, Object> asMap() {
        return values;
    }
}
