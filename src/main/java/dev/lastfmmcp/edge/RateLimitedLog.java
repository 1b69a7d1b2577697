package dev.lastfmmcp.edge;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * At most one log line per interval for something any client can cause at will (malformed requests): the first
 * occurrence is logged, later ones within the interval are counted and reported with the next line. A flood costs one
 * line a minute, not a stack trace per request.
 */
public class RateLimitedLog {

    private final Logger log;
    private final long intervalNanos;
    private final String interval;
    private final AtomicLong nextAllowed = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();
    private volatile boolean started;

    public RateLimitedLog(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = Math.max(1, interval.toNanos());
        this.interval = interval.toSeconds() + " s";
    }

    /** Logs {@code line} at WARN unless a line went out less than an interval ago; returns whether it was logged. */
    public boolean warn(String line) {
        long now = System.nanoTime();
        long next = nextAllowed.get();
        if ((!started || now - next >= 0) && nextAllowed.compareAndSet(next, now + intervalNanos)) {
            started = true;
            long more = suppressed.getAndSet(0);
            log.warn(more == 0 ? line : line + " (" + more + " more since the last such line, at most one per "
                                         + interval + ")");
            return true;
        }
        suppressed.incrementAndGet();
        return false;
    }
}
