package dev.lastfmmcp.lastfm;

import java.util.function.Supplier;

/**
 * The state of one call through {@code direct:lastfm-call} (exchange variable {@code lastfmCall}): the request with
 * its data class and cache key, and how to make the signed, encoded parameters sent upstream. Those are made when
 * the call goes upstream ({@link #query()}): an answer served from the cache never needs them.
 */
public record LastfmCall(LastfmRequest request, DataClass dataClass, String cacheKey, Supplier<String> encoded) {

    /** The signed, encoded parameters (the query string, or the form body of a write), made on each call. */
    public String query() {
        return encoded.get();
    }

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
