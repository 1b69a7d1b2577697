package dev.lastfmmcp.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;

/**
 * The embedded Infinispan cache manager and the caches this server keeps in it. Every cache holds JSON strings, so
 * the same caches can later be clustered (or moved to a remote Infinispan) without a marshalling change.
 */
public final class InfinispanStores {

    public static final String SESSIONS = "mcp-sessions";
    public static final String AUDIT = "mcp-audit";

    private InfinispanStores() {
    }

    public record Limits(Duration sessionIdleTimeout, long maxSessions, Duration auditTtl, long auditMaxEntries) {
    }

    public static EmbeddedCacheManager start(String name, Limits limits) {
        GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
        global.cacheManagerName(name);
        global.jmx().enabled(true).domain("org.infinispan." + name);
        DefaultCacheManager manager = new DefaultCacheManager(global.build(), false);
        manager.defineConfiguration(SESSIONS, new ConfigurationBuilder()
                .expiration().maxIdle(limits.sessionIdleTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .wakeUpInterval(1, TimeUnit.MINUTES)
                .memory().maxCount(limits.maxSessions())
                .statistics().enable()
                .build());
        manager.defineConfiguration(AUDIT, new ConfigurationBuilder()
                .expiration().lifespan(limits.auditTtl().toMillis(), TimeUnit.MILLISECONDS)
                .wakeUpInterval(1, TimeUnit.MINUTES)
                .memory().maxCount(limits.auditMaxEntries())
                .statistics().enable()
                .build());
        manager.start();
        manager.getCache(SESSIONS);
        manager.getCache(AUDIT);
        return manager;
    }
}
