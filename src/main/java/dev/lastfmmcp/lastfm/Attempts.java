package dev.lastfmmcp.lastfm;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

/**
 * The retry state of one upstream fetch (exchange variable {@code attempt}), driven by the {@code lastfm-attempts}
 * loop: exponential backoff with jitter between attempts, Retry-After honoured, transient failures only, at most
 * {@code maxRetries} retries, and never past the deadline (the circuit breaker's timeout), so no retries go on after
 * the caller was answered.
 */
public class Attempts {

    private final int maxRetries;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;
    private final Instant deadline;
    private final Clock clock;

    private int retries;
    private long delayMillis;
    private boolean again = true;

    public Attempts(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter,
                    Instant deadline, Clock clock) {
        this.maxRetries = maxRetries;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.maxRetryAfter = maxRetryAfter;
        this.deadline = deadline;
        this.clock = clock;
    }

    /** Whether the loop runs (another) attempt. */
    public boolean isAgain() {
        return again;
    }

    /** The wait before the next attempt (0 before the first). */
    public long getDelayMillis() {
        return delayMillis;
    }

    public int getRetries() {
        return retries;
    }

    public void succeeded() {
        again = false;
        delayMillis = 0;
    }

    /**
     * After a failed attempt: schedule a retry when the failure is transient and retries and time are left;
     * otherwise rethrow it.
     */
    public void failed(Exception failure) throws Exception {
        Throwable cause = transientCause(failure);
        if (cause == null || retries >= maxRetries) {
            again = false;
            throw failure;
        }
        long wait = backoff(retries);
        if (cause instanceof TransientLastfmException t && t.retryAfterSeconds() != null) {
            if (Duration.ofSeconds(t.retryAfterSeconds()).compareTo(maxRetryAfter) > 0) {
                again = false;
                throw failure;
            }
            wait = Math.max(wait, t.retryAfterSeconds() * 1000);
        }
        if (clock.instant().plusMillis(wait).isAfter(deadline)) {
            again = false;
            throw failure;
        }
        retries++;
        delayMillis = wait;
        again = true;
    }

    /** initialDelay × 2^n, capped, with ±25 % jitter. */
    long backoff(int retry) {
        long base = initialDelay.toMillis() << Math.min(retry, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
        return Math.max(1, Math.round(capped * jitter));
    }

    /** The retryable failure inside {@code failure}: a TransientLastfmException or an I/O error; else null. */
    static Throwable transientCause(Throwable failure) {
        Throwable current = failure;
        while (current != null) {
            if (current instanceof TransientLastfmException || current instanceof IOException
                || current instanceof TimeoutException) {
                return current;
            }
            current = current.getCause();
        }
        return null;
    }
}
