package dev.lastfmmcp.upstream;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.LongSupplier;

/**
 * Paces the requests to one upstream: at most {@code permits} requests start in any {@code period} (a sliding window,
 * as Last.fm's "5 per second" and MusicBrainz's "1 per second" are meant), handed out as reserved start times. A
 * caller reserves a slot and waits until it ({@code delay} step); nobody waits blindly on a lock.
 *
 * <p>The wait queue is bounded twice: at most {@code maxQueue} reserved slots lie in the future, and none further
 * away than {@code maxWait} (or past the caller's deadline minus its own time budget). A reservation beyond either
 * bound fails at once with {@link UpstreamBusyException} ("busy, retry in N s") and takes no slot, so a burst beyond the queue
 * is answered fast instead of parking threads.
 *
 * <p>Not Bucket4j, though it was weighed: its token buckets refill continuously (greedy) or at fixed instants
 * (intervally), so "5 in any second" becomes either a burst of 5 followed by one every 200 ms (10 starts in 1.2 s
 * is then possible across a window edge) or aligned windows that allow 10 starts in a few milliseconds; and its
 * scheduler API has no queue-length bound. The window here is exact and the class is small.
 */
public final class Pacer {

    private final int permits;
    private final long periodNanos;
    private final int maxQueue;
    private final long maxWaitNanos;
    private final LongSupplier nanoTime;
    /** Granted start times (System.nanoTime), oldest first; those older than one period are dropped. */
    private final ArrayDeque<Long> granted = new ArrayDeque<>();
    private long pausedUntil = Long.MIN_VALUE;
    private volatile Observer observer;

    /** Where the pacer reports its waits and refusals (metrics). A port: the upstream layer knows no meters. */
    public interface Observer {
        /** A slot was granted after waiting {@code waitNanos} (0: at once). */
        void granted(long waitNanos);

        /** A reservation was refused (queue full, wait too long, or past the caller's deadline). */
        void refused();
    }

    public void setObserver(Observer observer) {
        this.observer = observer;
    }

    /** The budget: requests that may start in one period. */
    public int permits() {
        return permits;
    }

    /** Requests that started (or were granted a start) in the last period up to now: the budget used. */
    public synchronized int startedInLastPeriod() {
        long now = nanoTime.getAsLong();
        int count = 0;
        for (long slot : granted) {
            if (slot - now <= 0 && now - slot < periodNanos) {
                count++;
            }
        }
        return count;
    }

    public Pacer(int permits, Duration period, int maxQueue, Duration maxWait) {
        this(permits, period, maxQueue, maxWait, System::nanoTime);
    }

    Pacer(int permits, Duration period, int maxQueue, Duration maxWait, LongSupplier nanoTime) {
        if (permits < 1 || period.isNegative() || period.isZero() || maxQueue < 1 || maxWait.isNegative()) {
            throw new IllegalArgumentException("pacer needs permits >= 1, a positive period, a queue >= 1 and a "
                                               + "wait >= 0");
        }
        this.permits = permits;
        this.periodNanos = period.toNanos();
        this.maxQueue = maxQueue;
        this.maxWaitNanos = maxWait.toNanos();
        this.nanoTime = nanoTime;
    }

    /** One request per {@code interval} (MusicBrainz: 1 per 1.1 s). */
    public static Pacer oneEvery(Duration interval, int maxQueue, Duration maxWait) {
        return new Pacer(1, interval, maxQueue, maxWait);
    }

    /**
     * Reserves the next start: the wait in milliseconds (0: go now). Fails with {@link UpstreamBusyException} when the queue
     * is full, the wait exceeds the maximum, or the request would not finish by {@code deadlineNanos} taking
     * {@code budgetNanos} after its start ({@code deadlineNanos = Long.MAX_VALUE}: no deadline).
     */
    public long reserve(long notBeforeNanos, long deadlineNanos, long budgetNanos) {
        Observer watcher = observer;
        long wait;
        long requestedNanos = nanoTime.getAsLong();
        try {
            wait = reserveNanos(notBeforeNanos, deadlineNanos, budgetNanos);
        } catch (UpstreamBusyException e) {
            if (watcher != null) {
                watcher.refused();
            }
            throw e;
        }
        if (watcher != null) {
            // the budget's part of the wait: a retry's backoff (notBefore) is not the throttle's
            long backoff = notBeforeNanos == Long.MIN_VALUE ? 0 : Math.max(0, notBeforeNanos - requestedNanos);
            watcher.granted(Math.max(0, wait - backoff));
        }
        return wait / 1_000_000;
    }

    private long reserveNanos(long notBeforeNanos, long deadlineNanos, long budgetNanos) {
        long now = nanoTime.getAsLong();
        synchronized (this) {
            prune(now);
            long slot = Math.max(now, Math.max(notBeforeNanos, pausedUntil));
            if (!granted.isEmpty()) {
                slot = Math.max(slot, granted.peekLast());
            }
            if (granted.size() >= permits) {
                slot = Math.max(slot, nth(granted.size() - permits) + periodNanos);
            }
            long wait = slot - now;
            if (queued(now) >= maxQueue || wait > maxWaitNanos) {
                throw new UpstreamBusyException(seconds(wait), false);
            }
            if (deadlineNanos != Long.MAX_VALUE && slot + budgetNanos - deadlineNanos > 0) {
                throw new UpstreamBusyException(seconds(wait), true);
            }
            granted.addLast(slot);
            return wait;
        }
    }

    /** Reserves the next start with no earliest time and no deadline. */
    public long reserve() {
        return reserve(Long.MIN_VALUE, Long.MAX_VALUE, 0);
    }

    /** No request starts before {@code delay} from now (the upstream asked to slow down, e.g. a 503). */
    public synchronized void pause(Duration delay) {
        pausedUntil = Math.max(pausedUntil, nanoTime.getAsLong() + delay.toNanos());
    }

    /**
     * An answer came back: no new reservation starts earlier than one period from now. For a one-at-a-time upstream
     * (MusicBrainz) this measures the interval from the previous answer, so a request that left late (a busy machine)
     * still arrives a full interval after the one before.
     */
    public synchronized void holdOff() {
        pausedUntil = Math.max(pausedUntil, nanoTime.getAsLong() + periodNanos);
    }

    /** Forgets every reservation and pause (a fresh budget). */
    public synchronized void reset() {
        granted.clear();
        pausedUntil = Long.MIN_VALUE;
    }

    /** Reserved starts still in the future. */
    public synchronized int queued() {
        return queued(nanoTime.getAsLong());
    }

    private int queued(long now) {
        int count = 0;
        for (Iterator<Long> slots = granted.descendingIterator(); slots.hasNext(); ) {
            if (slots.next() - now > 0) {
                count++;
            } else {
                break;
            }
        }
        return count;
    }

    private void prune(long now) {
        // keep the last `permits` grants even when old (they cost nothing), drop what can no longer constrain
        while (granted.size() > permits && now - granted.peekFirst() >= periodNanos) {
            granted.pollFirst();
        }
    }

    private long nth(int index) {
        Iterator<Long> slots = granted.iterator();
        for (int i = 0; i < index; i++) {
            slots.next();
        }
        return slots.next();
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
