package dev.lastfmmcp.musicbrainz;

/**
 * What {@code direct:musicbrainz-lookup} returns: MusicBrainz data ({@link ArtistDetails} or
 * {@link ReleaseGroupDetails}), or none with a note that says why (switched off, no confident match, unavailable).
 * Enrichment never fails a tool.
 */
public record Enrichment(Object data, String note, boolean transientFailure) {

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

    @SuppressWarnings("unchecked")
    public <T> T as(Class<T> type) {
        return type.isInstance(data) ? (T) data : null;
    }
}
