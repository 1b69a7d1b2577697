package dev.lastfmmcp.lastfm;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Concurrent identical cache misses make one upstream call: the first caller for a key leads and fetches, the others
 * wait for the leader's outcome (its result, or its exception) for at most {@code maxWait}.
 */
public class SingleFlight {

    /** A caller's place in a flight (exchange variable {@code flight}). */
    public record Flight(String key, boolean leader, CompletableFuture<Object> outcome) {
    }

    private final ConcurrentHashMap<String, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();
    private final Duration maxWait;

    public SingleFlight(Duration maxWait) {
        this.maxWait = maxWait;
    }

    public Flight join(String key) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> existing = inFlight.putIfAbsent(key, mine);
        return existing == null ? new Flight(key, true, mine) : new Flight(key, false, existing);
    }

    /** The leader's result reaches every follower; the key is free again. */
    public Object succeed(Flight flight, Object result) {
        inFlight.remove(flight.key(), flight.outcome());
        flight.outcome().complete(result);
        return result;
    }

    /** The leader's failure reaches every follower, and is rethrown to the leader. */
    public void fail(Flight flight, Exception failure) throws Exception {
        inFlight.remove(flight.key(), flight.outcome());
        flight.outcome().completeExceptionally(failure);
        throw failure;
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

    public int inFlight() {
        return inFlight.size();
    }
}
