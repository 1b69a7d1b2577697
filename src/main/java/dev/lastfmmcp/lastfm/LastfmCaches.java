package dev.lastfmmcp.lastfm;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

/**
 * The Caffeine caches behind the {@code caffeine-cache:lastfm} and {@code caffeine-cache:lastfm-stale} endpoints:
 * answers by data class, each entry with its own time to live (so one cache serves every TTL), and the stale copies
 * kept for stale-if-error. Both are bounded by size and record statistics (see {@link CacheStatistics}).
 */
public final class LastfmCaches {

    public static final String ANSWERS = "lastfm";
    public static final String STALE = "lastfm-stale";

    private final Cache<String, CachedValue> answers;
    private final Cache<String, CachedValue> stale;
    private final Map<DataClass, Duration> ttls;
    private final Duration negativeTtl;

    public LastfmCaches(Map<DataClass, Duration> ttls, Duration negativeTtl, Duration maxStale, long maxEntries) {
        this.ttls = new EnumMap<>(ttls);
        this.negativeTtl = negativeTtl;
        this.answers = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(new PerEntryTtl())
                .recordStats()
                .build();
        this.stale = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(maxStale)
                .recordStats()
                .build();
    }

    public Cache<String, CachedValue> answers() {
        return answers;
    }

    public Cache<String, CachedValue> stale() {
        return stale;
    }

    public Duration ttl(DataClass dataClass) {
        return ttls.getOrDefault(dataClass, Duration.ZERO);
    }

    public Duration negativeTtl() {
        return negativeTtl;
    }

    public CacheStats answerStats() {
        return answers.stats();
    }

    /** Expiry from the entry itself: {@link CachedValue#ttl()}. */
    private static final class PerEntryTtl implements Expiry<String, CachedValue> {
        @Override
        public long expireAfterCreate(String key, CachedValue value, long currentTime) {
            return value.ttl().toNanos();
        }

        @Override
        public long expireAfterUpdate(String key, CachedValue value, long currentTime, long currentDuration) {
            return value.ttl().toNanos();
        }

        @Override
        public long expireAfterRead(String key, CachedValue value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
