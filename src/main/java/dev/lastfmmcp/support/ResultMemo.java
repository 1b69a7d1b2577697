package dev.lastfmmcp.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The results of {@link Memoized} methods, by method and arguments: a cached tool call renders its Markdown and
 * structured content once per upstream answer instead of on every call. Arguments are keyed by value (strings,
 * numbers, booleans, enums, and maps and lists of those) or by {@link MemoKey#memoKey()}; a call with any other
 * argument, or with a MemoKey that answers null, is not memoized. Bounded in entries and idle time; a new upstream
 * answer is a new data instance and so a new key, and the old entry ages out.
 */
public final class ResultMemo {

    private static final Object NULL = new Object();

    private final Cache<List<Object>, Object> results;
    private final Consumer<Object> onComputed;

    /**
     * @param maxEntries 0 switches memoization off
     * @param onComputed told of each result the memo keeps (to keep its serialized form too), on the computing thread
     */
    public ResultMemo(int maxEntries, Duration idle, Consumer<Object> onComputed) {
        this.results = maxEntries <= 0 ? null
                : Caffeine.newBuilder().maximumSize(maxEntries).expireAfterAccess(idle).build();
        this.onComputed = onComputed;
    }

    public static ResultMemo off() {
        return new ResultMemo(0, Duration.ZERO, result -> { });
    }

    public boolean isOn() {
        return results != null;
    }

    /** The key of a call of {@code method} (any object that names it) with these arguments, or null: not memoized. */
    public List<Object> key(Object method, Object[] arguments) {
        if (results == null) {
            return null;
        }
        Object[] parts = new Object[arguments.length + 1];
        parts[0] = method;
        for (int i = 0; i < arguments.length; i++) {
            Object part = part(arguments[i]);
            if (part == null) {
                return null;
            }
            parts[i + 1] = part;
        }
        return Arrays.asList(parts);
    }

    /** The result kept under the key, or the one {@code compute} returns now (kept unless it is null). */
    public Object get(List<Object> key, Callable<Object> compute) throws Exception {
        Object kept = results.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        // computed outside the cache: a failure propagates as it was thrown, and nothing is kept
        Object result = compute.call();
        if (result != null) {
            onComputed.accept(result);
            results.put(key, result);
        }
        return result;
    }

    public long size() {
        return results == null ? 0 : results.estimatedSize();
    }

    static Object part(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof MemoKey keyed) {
            return keyed.memoKey();
        }
        return plain(value) ? value : null;
    }

    private static boolean plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
            || value instanceof Enum<?>) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!plain(entry.getKey()) || !plain(entry.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                if (!plain(item)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
