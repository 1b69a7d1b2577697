package dev.lastfmmcp.lastfm;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Concurrent identical cache misses make one upstream call: the first caller for a key leads and fetches, the others
 * wait for the leader's outcome (its result, or its exception) for at most {@code maxWait}. A leader whose request
 * was cancelled may drop its fetch only while nobody waits on it ({@link #abandon}).
 *
 * <p>Not Caffeine's {@code AsyncCache.get(key, mappingFunction)}, which was weighed: it computes once per key too, but
 * the fetch here is a Camel route (breaker, paced attempts, stale fallback) that runs on the leader's own exchange,
 * the answer is then stored with a per-data-class time to live by the route, and a cancelled leader may drop the
 * fetch only while nobody waits on it; a mapping function would run the route off its exchange and keep the future
 * in the cache, with no way to abandon it.
 */
public class SingleFlight {

    /** A caller's place in a flight (exchange variable {@code flight}). */
    public static final class Flight {
        private final String key;
        private final boolean leader;
        private final CompletableFuture<Object> outcome;
        private int followers;
        private boolean abandoned;

        Flight(String key, boolean leader, CompletableFuture<Object> outcome) {
            this.key = key;
            this.leader = leader;
            this.outcome = outcome;
        }

        public String key() {
            return key;
        }

        public boolean isLeader() {
            return leader;
        }

        CompletableFuture<Object> outcome() {
            return outcome;
        }
    }

    private final Map<String, Flight> inFlight = new HashMap<>();
    private final Duration maxWait;

    public SingleFlight(Duration maxWait) {
        this.maxWait = maxWait;
    }

    public synchronized Flight join(String key) {
        Flight current = inFlight.get(key);
        if (current == null || current.abandoned) {
            Flight leader = new Flight(key, true, new CompletableFuture<>());
            inFlight.put(key, leader);
            return leader;
        }
        current.followers++;
        return new Flight(key, false, current.outcome);
    }

    /** The leader's result reaches every follower; the key is free again. */
    public Object succeed(Flight flight, Object result) {
        release(flight);
        flight.outcome().complete(result);
        return result;
    }

    /** The leader's failure reaches every follower, and is rethrown to the leader. */
    public void fail(Flight flight, Exception failure) throws Exception {
        release(flight);
        flight.outcome().completeExceptionally(failure);
        throw failure;
    }

    private synchronized void release(Flight flight) {
        if (inFlight.get(flight.key()) == flight) {
            inFlight.remove(flight.key());
        }
    }

    /** A leader gives its fetch up (its request was cancelled); only possible while no follower waits on it. */
    public synchronized boolean abandon(Flight flight) {
        if (flight == null || !flight.isLeader() || flight.followers > 0) {
            return false;
        }
        flight.abandoned = true;
        return true;
    }

    /** A follower takes the leader's outcome as its own. */
    public Object await(Flight flight) throws Exception {
        try {
            return flight.outcome().get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new LastfmException(LastfmErrorKind.UNAVAILABLE, 0,
                    "Last.fm is unavailable right now (no answer in time); try again in a minute.");
        }
    }

    public synchronized int inFlight() {
        return inFlight.size();
    }
}
