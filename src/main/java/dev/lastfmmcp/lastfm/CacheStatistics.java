package dev.lastfmmcp.lastfm;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import com.github.benmanes.caffeine.cache.Cache;

/** Publishes hit, miss and eviction counts of a cache as a JMX MBean (visible in JConsole, Jolokia, Hawtio). */
public class CacheStatistics implements CacheStatisticsMBean {

    private final Cache<?, ?> cache;

    public CacheStatistics(Cache<?, ?> cache) {
        this.cache = cache;
    }

    /** Registers (or re-registers) the MBean under {@code dev.lastfmmcp:type=Cache,name=<name>}. */
    public static ObjectName register(String name, Cache<?, ?> cache) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName objectName = new ObjectName("dev.lastfmmcp:type=Cache,name=" + ObjectName.quote(name));
            if (server.isRegistered(objectName)) {
                server.unregisterMBean(objectName);
            }
            server.registerMBean(new CacheStatistics(cache), objectName);
            return objectName;
        } catch (JMException e) {
            throw new IllegalStateException("cannot register cache statistics for " + name, e);
        }
    }

    @Override
    public long getHitCount() {
        return cache.stats().hitCount();
    }

    @Override
    public long getMissCount() {
        return cache.stats().missCount();
    }

    @Override
    public double getHitRate() {
        return cache.stats().hitRate();
    }

    @Override
    public long getEvictionCount() {
        return cache.stats().evictionCount();
    }

    @Override
    public long getLoadCount() {
        return cache.stats().loadCount();
    }

    @Override
    public long getEstimatedSize() {
        return cache.estimatedSize();
    }
}
