package dev.lastfmmcp.tools.insights;

import dev.lastfmmcp.lastfm.LastfmException;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;

/**
 * The outcome of one Last.fm request of a fan-out ({@code direct:insights-fetch-all}): its result, or the failure
 * that a tool either reports as skipped or, for an essential request, rethrows.
 */
public record Fetch(LastfmRequest request, LastfmResult result, LastfmException failure) {

    public static Fetch succeeded(LastfmRequest request, LastfmResult result) {
        return new Fetch(request, result, null);
    }

    public static Fetch failed(LastfmRequest request, LastfmException failure) {
        return new Fetch(request, null, failure);
    }

    public boolean ok() {
        return failure == null && result != null;
    }

    /** The normalised data; rethrows the failure, for requests a tool cannot answer without. */
    public <T> T require(Class<T> type) {
        if (failure != null) {
            throw failure;
        }
        return result.as(type);
    }
}
