package dev.lastfmmcp.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed access to the properties in {@code application.properties} (each overridable by environment variable or
 * system property). Durations take {@code 500ms}, {@code 30s}, {@code 5m}, {@code 24h}, {@code 7d} or ISO-8601.
 */
public class Settings {

    private final Function<String, Optional<String>> source;

    public Settings(Function<String, Optional<String>> source) {
        this.source = source;
    }

    /**
     * A property that {@code application.properties} defines (its value may be blank). Defaults live only there: a
     * key missing from it fails start-up with its name.
     */
    public String string(String key) {
        return source.apply(key).map(String::trim).orElseThrow(() -> new IllegalStateException("Missing property "
                + key + ": it must be defined in application.properties (defaults live there)"));
    }

    public int integer(String key) {
        required(key);
        return integer(key, 0);
    }

    public long longValue(String key) {
        required(key);
        return longValue(key, 0);
    }

    public double decimal(String key) {
        required(key);
        return decimal(key, 0);
    }

    public boolean bool(String key) {
        required(key);
        return bool(key, false);
    }

    public Duration duration(String key) {
        required(key);
        return duration(key, Duration.ZERO);
    }

    /** Fails when the property is missing or blank (a number, flag or duration needs a value). */
    private void required(String key) {
        if (string(key).isEmpty()) {
            throw new IllegalStateException("Property " + key + " is blank; application.properties must give it "
                                            + "a value");
        }
    }

    public String string(String key, String defaultValue) {
        return source.apply(key).map(String::trim).orElse(defaultValue);
    }

    /** A value that must be present; blank counts as absent. */
    public Optional<String> optional(String key) {
        return source.apply(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    public int integer(String key, int defaultValue) {
        String value = string(key, null);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property " + key + " must be an integer, not '" + value + "'");
        }
    }

    public long longValue(String key, long defaultValue) {
        String value = string(key, null);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property " + key + " must be a number, not '" + value + "'");
        }
    }

    public double decimal(String key, double defaultValue) {
        String value = string(key, null);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property " + key + " must be a number, not '" + value + "'");
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        String value = string(key, null);
        return value == null || value.isEmpty() ? defaultValue : Boolean.parseBoolean(value);
    }

    public Duration duration(String key, Duration defaultValue) {
        String value = string(key, null);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            return parseDuration(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("property " + key + " must be a duration such as 30s, 5m, 24h or 7d,"
                                               + " not '" + value + "'");
        }
    }

    public static Duration parseDuration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("p")) {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        }
        int split = 0;
        while (split < value.length() && (Character.isDigit(value.charAt(split)) || value.charAt(split) == '.')) {
            split++;
        }
        if (split == 0) {
            throw new IllegalArgumentException(text);
        }
        double amount = Double.parseDouble(value.substring(0, split));
        String unit = value.substring(split).trim();
        long millis = switch (unit) {
            case "ms" -> Math.round(amount);
            case "", "s" -> Math.round(amount * 1000);
            case "m", "min" -> Math.round(amount * 60_000);
            case "h" -> Math.round(amount * 3_600_000);
            case "d" -> Math.round(amount * 86_400_000);
            default -> throw new IllegalArgumentException(text);
        };
        return Duration.ofMillis(millis);
    }
}
