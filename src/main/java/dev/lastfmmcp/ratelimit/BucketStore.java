package dev.lastfmmcp.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * Where the token buckets live: in memory on one node ({@link #local}), or in a cache the whole cluster shares
 * ({@code InfinispanBuckets}), so a limit is one limit for all nodes.
 */
public interface BucketStore {

    /** The bucket of {@code key}, created with {@code configuration} when it has none. */
    Bucket bucket(String key, BucketConfiguration configuration);

    /**
     * Buckets in a bounded in-memory cache; an idle bucket is full again after an hour, so dropping it changes nothing.
     */
    static BucketStore local(long maxIdentities) {
        Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(maxIdentities)
                .expireAfterAccess(Duration.ofHours(1).plusMinutes(1)).build();
        return (key, configuration) -> buckets.get(key, k -> {
            LocalBucketBuilder builder = Bucket.builder();
            for (Bandwidth bandwidth : configuration.getBandwidths()) {
                builder.addLimit(bandwidth);
            }
            return builder.build();
        });
    }
}
