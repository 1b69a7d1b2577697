package dev.lastfmmcp.mcp;

import java.time.Duration;

/**
 * What the Last.fm answers behind one request were: the shortest cache TTL among their data classes, and whether any
 * was the caller's own data (read as them, signed with their session key). A stateless reply's {@code ttlMs} and
 * {@code cacheScope} come from it. Tools may make calls in parallel, so it is synchronized.
 */
public class ServedData {

    private Duration shortest;
    private boolean own;

    /** One Last.fm answer of the request. */
    public synchronized void add(Duration ttl, boolean callersOwn) {
        if (shortest == null || ttl.compareTo(shortest) < 0) {
            shortest = ttl;
        }
        own |= callersOwn;
    }

    /** The shortest TTL, or null when the request used no Last.fm answer. */
    public synchronized Duration shortest() {
        return shortest;
    }

    public synchronized boolean own() {
        return own;
    }
}
