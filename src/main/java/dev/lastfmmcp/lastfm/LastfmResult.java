package dev.lastfmmcp.lastfm;

import java.time.Duration;

import dev.lastfmmcp.support.MemoKey;

/**
 * What {@code direct:lastfm-call} returns: the normalised data, and whether it is a stale copy served because
 * Last.fm could not be reached (with its age), so tools can say so.
 */
public record LastfmResult(Object data, boolean stale, Long staleAgeSeconds) implements MemoKey {

    public static LastfmResult fresh(Object data) {
        return new LastfmResult(data, false, null);
    }

    public static LastfmResult stale(Object data, Duration age) {
        return new LastfmResult(data, true, Math.max(0, age.toSeconds()));
    }

    /** A fresh answer is its data instance (the cache entry's); a stale one is never memoized (its age moves). */
    @Override
    public Object memoKey() {
        return stale ? null : MemoKey.same(data);
    }

    @SuppressWarnings("unchecked")
    public <T> T as(Class<T> type) {
        return (T) type.cast(data);
    }
}
