package dev.lastfmmcp.musicbrainz;

import java.util.Arrays;

import dev.lastfmmcp.support.MemoKey;

/**
 * What {@code direct:musicbrainz-lookup} returns: MusicBrainz data ({@link ArtistDetails} or
 * {@link ReleaseGroupDetails}), or none with a note that says why (switched off, no confident match, unavailable).
 * Enrichment never fails a tool.
 */
public record Enrichment(Object data, String note, boolean transientFailure) implements MemoKey {

    public static Enrichment of(Object data) {
        return new Enrichment(data, null, false);
    }

    public static Enrichment none(String note) {
        return new Enrichment(null, note, false);
    }

    /** A failure that must not be cached. */
    public static Enrichment unavailable(String note) {
        return new Enrichment(null, note, true);
    }

    public boolean isFound() {
        return data != null;
    }

    public boolean isCacheable() {
        return !transientFailure;
    }

    /** Its data instance (the cache entry's) and note; a transient failure is never memoized. */
    @Override
    public Object memoKey() {
        return transientFailure ? null : Arrays.asList(MemoKey.same(data), note);
    }

    @SuppressWarnings("unchecked")
    public <T> T as(Class<T> type) {
        return type.isInstance(data) ? (T) data : null;
    }
}
