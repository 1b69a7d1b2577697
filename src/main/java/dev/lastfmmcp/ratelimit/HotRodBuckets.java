package dev.lastfmmcp.ratelimit;

import java.util.function.Supplier;

import dev.lastfmmcp.support.Lazy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.infinispan.Bucket4jInfinispan;
import org.infinispan.client.hotrod.RemoteCache;

/**
 * Buckets in a cache of a remote Infinispan Server cluster ({@code INFINISPAN_HOSTS}): Bucket4j's Hot Rod proxy
 * manager sends each consumption as one server task ({@code Bucket4jTask}), which the server runs against the entry,
 * so every node of this service spends from the same tokens. The servers must have Bucket4j's jars
 * ({@code bucket4j_jdk17-core}, {@code bucket4j_jdk17-infinispan}) in their {@code server/lib}.
 */
public class HotRodBuckets implements BucketStore {

    private final Lazy<ProxyManager<String>> proxies;

    public HotRodBuckets(Supplier<RemoteCache<String, byte[]>> cache) {
        this.proxies = new Lazy<>(() -> Bucket4jInfinispan.hotrodClientBasedBuilder(cache.get()).build());
    }

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return proxies.get().builder().build(key, () -> configuration);
    }
}
