package dev.lastfmmcp.lastfm;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

import dev.lastfmmcp.upstream.Pacer;
import dev.lastfmmcp.upstream.UpstreamBusyException;

/**
 * The retry state of one upstream fetch (exchange variable {@code attempt}), driven by the {@code lastfm-attempts}
 * loop: exponential backoff with jitter between attempts, Retry-After honoured, transient failures only, at most
 * {@code maxRetries} retries, each attempt in a slot of the shared request budget ({@link Pacer}), and an attempt
 * starts only when it can end (connect plus response timeout) before the deadline, so nothing goes on after the
 * caller was answered.
 *
 * <p>Hand-written rather than Resilience4j {@code Retry} or Camel redelivery, which were weighed: both can back off
 * exponentially with jitter, but neither can take the wait from the failure itself (Retry-After) together with the
 * shared request budget, nor refuse a retry that would not end before the call's deadline; Camel redelivery would
 * also re-run the whole HTTP step under the route's error handler, outside the circuit breaker's view.
 */
public class Attempts {

    private final int maxRetries;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;
    private final long deadlineNanos;
    private final Pacer pacer;
    private final long budgetNanos;
    private final boolean repeatable;

    private int retries;
    private long delayMillis;
    private boolean again = true;
    private UpstreamBusyException busy;

    public Attempts(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter,
                    long deadlineNanos, Pacer pacer, Duration attemptBudget) {
        this(maxRetries, initialDelay, maxDelay, maxRetryAfter, deadlineNanos, pacer, attemptBudget, true);
    }

    /**
     * @param repeatable whether sending the request twice does no harm (reads, love, now playing); a scrobble is
     *                   retried only after failures that show Last.fm did not take it ({@link #notTaken})
     */
    public Attempts(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter,
                    long deadlineNanos, Pacer pacer, Duration attemptBudget, boolean repeatable) {
        this.repeatable = repeatable;
        this.maxRetries = maxRetries;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.maxRetryAfter = maxRetryAfter;
        this.deadlineNanos = deadlineNanos;
        this.pacer = pacer;
        this.budgetNanos = attemptBudget.toNanos();
    }

    /**
     * Reserves the first attempt's request slot (its wait becomes the loop's first delay). When the shared budget has
     * no slot within its bounds (queue full, or a wait beyond {@code lastfm.throttle.max-queue-wait}), nothing is sent:
     * the fetch is {@link #isBusy() busy} and no attempt runs.
     */
    void firstSlot() {
        try {
            delayMillis = pacer.reserve(Long.MIN_VALUE, deadlineNanos, budgetNanos);
        } catch (UpstreamBusyException e) {
            busy = e;
            again = false;
        }
    }

    /**
     * Whether the first attempt got no request slot: nothing goes to Last.fm, {@code lastfm-fetch} skips the circuit
     * breaker, and a stale copy is served if one is kept ({@code LastfmFetch.settle}).
     */
    public boolean isBusy() {
        return busy != null;
    }

    /** When a slot is expected to be free again (when {@link #isBusy()}), in whole seconds. */
    public long busyRetryAfterSeconds() {
        return busy == null ? 0 : busy.retryAfterSeconds();
    }

    /** Whether the loop runs (another) attempt. */
    public boolean isAgain() {
        return again;
    }

    /** The wait before the next attempt: its request slot, after the backoff or Retry-After. */
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
     * After a failed attempt: schedule a retry when the failure is transient, retries are left and a request slot
     * after the backoff still lets the attempt end before the deadline; otherwise rethrow it.
     */
    public void failed(Exception failure) throws Exception {
        Throwable cause = transientCause(failure);
        if (cause == null || retries >= maxRetries || !repeatable && !notTaken(cause)) {
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
        try {
            delayMillis = pacer.reserve(System.nanoTime() + wait * 1_000_000L, deadlineNanos, budgetNanos);
        } catch (UpstreamBusyException noTimeLeft) {
            again = false;
            throw failure;
        }
        retries++;
        again = true;
    }

    /**
     * Whether a failure shows that Last.fm did not take the request: errors 11 (offline), 16 (temporary error) and 29
     * (rate limit), an HTTP 429 or 5xx without a Last.fm error body, or no connection at all. A timeout, error 8
     * ("operation failed"), or an unreadable 2xx body may follow a recorded write.
     */
    static boolean notTaken(Throwable cause) {
        if (cause instanceof TransientLastfmException t) {
            return t.code() == 0 ? t.status() == 429 || t.status() >= 500 : Set.of(11, 16, 29).contains(t.code());
        }
        return cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException;
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
