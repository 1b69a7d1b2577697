package dev.lastfmmcp.upstream;

/**
 * No upstream request slot within the {@link Pacer}'s bounds: the wait queue is full, the wait is too long, or the
 * request could not finish before the caller's deadline. Nothing was sent; try again in {@link #retryAfterSeconds()}.
 * Not an upstream failure: circuit breakers ignore it.
 */
public class UpstreamBusyException extends RuntimeException {

    private final long retryAfterSeconds;
    private final boolean pastDeadline;

    public UpstreamBusyException(long retryAfterSeconds, boolean pastDeadline) {
        super("busy, retry in " + retryAfterSeconds + " s", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
        this.pastDeadline = pastDeadline;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Whether the slot would have come too late for the caller's deadline (rather than the queue being full). */
    public boolean pastDeadline() {
        return pastDeadline;
    }
}
