package dev.lastfmmcp.web;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.function.Supplier;

import dev.lastfmmcp.lastfm.LastfmKeyStatus;

/** The checks behind {@code /health} that are plain values: Last.fm key, Last.fm breaker, heap. */
public final class HealthChecks {

    private HealthChecks() {
    }

    /** Heap in use and the most it may grow to, in bytes. */
    public record Heap(long used, long max) {
    }

    /** No key: DEGRADED (the Last.fm tools cannot answer); a key Last.fm refused (errors 10/26): DEGRADED. */
    public static Health.Check lastfmKey(boolean configured, LastfmKeyStatus status) {
        if (!configured) {
            return Health.Check.degraded("no Last.fm API key configured (set LASTFM_API_KEY)");
        }
        return status.refusal()
                .map(refusal -> Health.Check.degraded("Last.fm refused the API key (error " + refusal.code()
                        + ") at " + refusal.at() + "; check LASTFM_API_KEY"))
                .orElseGet(() -> Health.Check.up(null));
    }

    /** The Last.fm circuit breaker's state as Resilience4j names it (CLOSED, OPEN, HALF_OPEN ...); null: unknown. */
    public static Health.Check lastfmBreaker(String state) {
        if (state == null) {
            return Health.Check.up(null);
        }
        if (state.contains("OPEN") && !state.contains("HALF")) {
            return Health.Check.degraded("the Last.fm circuit breaker is open after repeated failures (" + state
                    + "); tools answer from the cache or say Last.fm is unavailable");
        }
        return Health.Check.up(state.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** Heap pressure: DEGRADED when the heap in use (after the last collection) is above the threshold. */
    public static Health.Check heap(Heap heap, double thresholdPercent) {
        if (heap.max() <= 0) {
            return Health.Check.up(null);
        }
        double percent = 100.0 * heap.used() / heap.max();
        String detail = String.format(Locale.ROOT, "%.1f %% of the %d MB heap in use after collection (threshold "
                + "%s %%)", percent, heap.max() / (1024 * 1024), trim(thresholdPercent));
        return percent > thresholdPercent ? Health.Check.degraded(detail) : Health.Check.up(detail);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * The heap as the collector last left it: the sum of each heap pool's usage after its latest collection (live
     * data, not garbage waiting to be collected); a pool not collected yet counts with its current usage.
     */
    public static Supplier<Heap> jvmHeap() {
        return () -> {
            long used = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() != MemoryType.HEAP || !pool.isValid()) {
                    continue;
                }
                MemoryUsage afterCollection = pool.getCollectionUsage();
                used += afterCollection != null && afterCollection.getUsed() > 0 ? afterCollection.getUsed()
                        : pool.getUsage().getUsed();
            }
            return new Heap(used, Runtime.getRuntime().maxMemory());
        };
    }
}
