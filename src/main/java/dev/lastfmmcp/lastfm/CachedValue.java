package dev.lastfmmcp.lastfm;

import java.time.Duration;
import java.time.Instant;

/**
 * A cache entry: a normalised answer, or a remembered "not found" (negative cache). Each entry carries its own
 * time to live, so one cache serves every data class.
 */
public record CachedValue(Object data, LastfmException notFound, Instant storedAt, Duration ttl) {

    public static CachedValue of(Object data, Instant now, Duration ttl) {
        return new CachedValue(data, null, now, ttl);
    }

    public static CachedValue notFound(LastfmException error, Instant now, Duration ttl) {
        return new CachedValue(null, error, now, ttl);
    }

    public boolean isNotFound() {
        return notFound != null;
    }
}
