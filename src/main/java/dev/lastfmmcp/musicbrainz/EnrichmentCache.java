package dev.lastfmmcp.musicbrainz;

import com.github.benmanes.caffeine.cache.Cache;

/**
 * The {@code musicbrainz-lookup} route's cache steps: enrichments by request key (a Caffeine cache bounded by entries,
 * with a time to live). Only cacheable enrichments are put (no outage, rate limit or refusal is remembered).
 */
public class EnrichmentCache {

    private final Cache<String, Enrichment> cache;

    public EnrichmentCache(Cache<String, Enrichment> cache) {
        this.cache = cache;
    }

    /** The remembered enrichment, or null. */
    public Enrichment get(String key) {
        return cache.getIfPresent(key);
    }

    /** Remembers a cacheable enrichment; returns it (the route's body stays the enrichment). */
    public Enrichment put(String key, Enrichment enrichment) {
        if (enrichment != null && enrichment.isCacheable()) {
            cache.put(key, enrichment);
        }
        return enrichment;
    }
}
