package dev.lastfmmcp.lastfm;

import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Cache invalidation after writes, by generation: each user who wrote through this server has a counter, bumped by
 * every successful write, and the cache key of every read about that user ({@code user} or {@code username}) carries
 * it. A write thus leaves every cached answer about its user behind at once (recent, loved and top tracks, track and
 * album info with their username, in every page and limit) without a scan; the old entries age out by their TTL.
 * Users who never wrote have no counter and keys exactly as before.
 */
final class UserWrites {

    /** Bounded: a user whose counter was evicted gets a new, unused one (keys never repeat: the clock seeds it). */
    private final Cache<String, Long> generations = Caffeine.newBuilder().maximumSize(100_000).build();

    void wrote(String user) {
        generations.asMap().merge(key(user), System.nanoTime(), (old, now) -> Math.max(old + 1, now));
    }

    /** {@code "|w=<generation>"} for a read about a user who wrote, else {@code ""}. */
    String suffix(LastfmRequest request) {
        if (request.isWrite() || request.isAuth()) {
            return "";
        }
        String about = request.param("user") != null ? request.param("user") : request.param("username");
        Long generation = about == null ? null : generations.getIfPresent(key(about));
        return generation == null ? "" : "|w=" + generation;
    }

    private static String key(String user) {
        return user.trim().toLowerCase(Locale.ROOT);
    }
}
