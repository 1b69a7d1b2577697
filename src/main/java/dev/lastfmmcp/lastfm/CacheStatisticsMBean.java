package dev.lastfmmcp.lastfm;

/** JMX view of a Caffeine cache: {@code dev.lastfmmcp:type=Cache,name=<cache>}. */
public interface CacheStatisticsMBean {

    long getHitCount();

    long getMissCount();

    double getHitRate();

    long getEvictionCount();

    long getLoadCount();

    long getEstimatedSize();
}
