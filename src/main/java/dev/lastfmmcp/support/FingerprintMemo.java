package dev.lastfmmcp.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Fingerprint#of} of the credentials seen lately (session ids, user names), each computed once rather than on
 * every request: a SHA-256 and its hex cost a cached {@code tools/call} about 1 % of its CPU where it was done per
 * request (the log context on every route entry, the audit record). Holds at most {@code maxEntries}; when full it
 * starts again empty. The credentials it keeps as keys are already in memory in the stores they come from.
 */
public final class FingerprintMemo {

    /** How many the server's memo holds (the log context and the audit records share one). */
    public static final int DEFAULT_MAX_ENTRIES = 20_000;

    private final int maxEntries;
    private final Map<String, String> fingerprints = new ConcurrentHashMap<>();

    public FingerprintMemo(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.maxEntries = maxEntries;
    }

    /** Same as {@link Fingerprint#of}: {@code null} for null, otherwise 16 lower-case hex digits. */
    public String of(String credential) {
        if (credential == null) {
            return null;
        }
        String known = fingerprints.get(credential);
        if (known != null) {
            return known;
        }
        if (fingerprints.size() >= maxEntries) {
            fingerprints.clear();
        }
        String computed = Fingerprint.of(credential);
        fingerprints.put(credential, computed);
        return computed;
    }

    /** How many fingerprints it holds now. */
    public int size() {
        return fingerprints.size();
    }
}
