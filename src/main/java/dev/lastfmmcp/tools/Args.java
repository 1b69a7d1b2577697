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

    /**
     * An integer argument that always has a value: the inputSchema requires it or gives it a {@code default}, which
     * {@link ToolArguments} has filled in (so a bean never restates a schema default); IllegalStateException when
     * absent, e.g. arguments that did not pass {@link ToolArguments}.
     */
    public int integer(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("argument " + name + " has no value: its inputSchema should require it "
                                            + "or give it a default, filled in by ToolArguments");
        }
        return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString());
    }

    /** An optional integer argument without a default (such as a time bound); null when absent. */
    public Long longValue(String name) {
        Object value = values.get(name);
        return value instanceof Number n ? n.longValue() : value == null ? null : Long.valueOf(value.toString());
    }

    public boolean has(String name) {
        return text(name) != null;
    }

    public Map<String, Object> asMap() {
        return values;
    }
}
