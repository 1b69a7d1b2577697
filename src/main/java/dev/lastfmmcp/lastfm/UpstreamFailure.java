package dev.lastfmmcp.lastfm;

/**
 * Why Last.fm gave no answer (the circuit breaker fell back, or the shared request budget had no slot in time): what
 * the caller is told when no stale copy can be served.
 *
 * @param answerLost a write that must not be repeated (track.scrobble) went out and its answer was lost or
 *                   unreadable: Last.fm may have recorded it, so it is neither retried nor reported as not done
 * @param busy       nothing was sent: this server's own budget of Last.fm requests was saturated (the wait for a slot
 *                   would have exceeded {@code lastfm.throttle.max-queue-wait}, or the queue was full)
 */
public record UpstreamFailure(LastfmErrorKind kind, Long retryAfterSeconds, String detail, boolean answerLost,
                              boolean busy) {

    public UpstreamFailure(LastfmErrorKind kind, Long retryAfterSeconds, String detail) {
        this(kind, retryAfterSeconds, detail, false, false);
    }

    public UpstreamFailure(LastfmErrorKind kind, Long retryAfterSeconds, String detail, boolean answerLost) {
        this(kind, retryAfterSeconds, detail, answerLost, false);
    }

    /** The request budget had no slot within its bounds; a slot is expected in {@code retryAfterSeconds}. */
    public static UpstreamFailure busy(long retryAfterSeconds) {
        return new UpstreamFailure(LastfmErrorKind.RATE_LIMITED, Math.max(1, retryAfterSeconds),
                "this server's request budget for it is saturated", false, true);
    }
}
