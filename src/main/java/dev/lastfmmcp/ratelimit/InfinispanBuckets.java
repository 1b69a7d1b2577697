package dev.lastfmmcp.ratelimit;

import java.util.function.Supplier;

import dev.lastfmmcp.support.Lazy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.infinispan.Bucket4jInfinispan;
import org.infinispan.Cache;
import org.infinispan.functional.impl.FunctionalMapImpl;
import org.infinispan.functional.impl.ReadWriteMapImpl;

/**
 * Buckets in a replicated Infinispan cache (Bucket4j's entry-processor proxy manager): every consumption is one
 * synchronous read-modify-write on the owner, so nodes spend from the same tokens. The cache holds Bucket4j's
 * serialized state ({@code byte[]}), which crosses the wire with Bucket4j's ProtoStream schema registered on the
 * cache manager.
 */
public class InfinispanBuckets implements BucketStore {

    private final Lazy<ProxyManager<String>> proxies;

    public InfinispanBuckets(Supplier<Cache<String, byte[]>> cache) {
        this.proxies = new Lazy<>(() -> Bucket4jInfinispan.entryProcessorBasedBuilder(
                ReadWriteMapImpl.create(FunctionalMapImpl.create(cache.get().getAdvancedCache()))).build());
    }

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return proxies.get().builder().build(key, () -> configuration);
    }
}
