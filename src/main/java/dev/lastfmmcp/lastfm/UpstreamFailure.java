package dev.lastfmmcp.lastfm;

/**
 * Why the circuit breaker fell back: what the caller is told when no stale copy can be served.
 *
 * @param answerLost a write that must not be repeated (track.scrobble) went out and its answer was lost or
 *                   unreadable: Last.fm may have recorded it, so it is neither retried nor reported as not done
 */
public record UpstreamFailure(LastfmErrorKind kind, Long retryAfterSeconds, String detail, boolean answerLost) {

    public UpstreamFailure(LastfmErrorKind kind, Long retryAfterSeconds, String detail) {
        this(kind, retryAfterSeconds, detail, false);
    }
}
