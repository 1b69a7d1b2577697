package dev.lastfmmcp.lastfm;

/**
 * The state of one call through {@code direct:lastfm-call} (exchange variable {@code lastfmCall}): the request with
 * its data class and cache key, and the signed, encoded parameters sent upstream.
 */
public record LastfmCall(LastfmRequest request, DataClass dataClass, String cacheKey, String query) {

    public boolean isCacheable() {
        return dataClass != DataClass.UNCACHED;
    }

    /** Whether a cached answer may be served (not for fresh calls, which still store theirs). */
    public boolean isCacheLookup() {
        return isCacheable() && !request.fresh();
    }

    public boolean isWrite() {
        return request.isWrite();
    }

    public String method() {
        return request.method();
    }

    @Override
    public String toString() {
        // the query carries api_key and api_sig: never print it
        return "LastfmCall[" + request + ", " + dataClass + "]";
    }
}
