package dev.lastfmmcp.lastfm;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.lastfmmcp.upstream.Pacer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * The Last.fm client's meters. Labels take only values this code chooses (API method names of its own requests, data
 * classes, fixed outcomes), never a user's input. The cache counters sit on the cached tools/call path, so they are
 * registered once per data class and looked up in an {@link EnumMap}.
 */
public class LastfmMeters implements Pacer.Observer {

    /** For code and tests without a registry: meters that count into nothing kept. */
    public static LastfmMeters none() {
        return new LastfmMeters(new CompositeMeterRegistry());
    }

    private final MeterRegistry registry;
    private final Map<DataClass, Counter> hits = new EnumMap<>(DataClass.class);
    private final Map<DataClass, Counter> misses = new EnumMap<>(DataClass.class);
    private final Map<DataClass, Counter> stale = new EnumMap<>(DataClass.class);
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> retries = new ConcurrentHashMap<>();
    private final Timer throttleWait;
    private final Counter throttleRefused;
    private final Map<String, Counter> scrobbles = new java.util.LinkedHashMap<>();

    public LastfmMeters(MeterRegistry registry) {
        this.registry = registry;
        for (DataClass dataClass : DataClass.values()) {
            String tag = dataClass.name().toLowerCase(Locale.ROOT);
            hits.put(dataClass, cache(tag, "hit"));
            misses.put(dataClass, cache(tag, "miss"));
            stale.put(dataClass, cache(tag, "stale"));
        }
        throttleWait = Timer.builder("lastfm.throttle.wait")
                .description("Wait for a request slot of the shared Last.fm budget (retries included)")
                .serviceLevelObjectives(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(200),
                        java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(1),
                        java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(3))
                .register(registry);
        throttleRefused = Counter.builder("lastfm.throttle.rejections")
                .description("Calls answered 'Last.fm is busy' at once: the request budget's queue was full")
                .register(registry);
        for (String outcome : SCROBBLE_OUTCOMES) {
            scrobbles.put(outcome, Counter.builder("lastfm.scrobbles").tag("outcome", outcome)
                    .description("Scrobbles of the write tools by outcome: accepted or ignored by Last.fm, refused "
                                 + "before sending, duplicate, unknown (answer lost), not sent")
                    .register(registry));
        }
    }

    /** What can become of one scrobble (the labels of {@code lastfm_scrobbles_total}). */
    public static final java.util.List<String> SCROBBLE_OUTCOMES = java.util.List.of("accepted", "ignored", "refused",
            "duplicate", "unknown", "not_sent");

    /** {@code count} scrobbles came to {@code outcome} (one of {@link #SCROBBLE_OUTCOMES}). */
    public void scrobbles(String outcome, int count) {
        Counter counter = scrobbles.get(outcome);
        if (counter == null) {
            throw new IllegalArgumentException("not a scrobble outcome: " + outcome);
        }
        if (count > 0) {
            counter.increment(count);
        }
    }

    private Counter cache(String dataClass, String result) {
        return Counter.builder("lastfm.cache.lookups").tag("data_class", dataClass).tag("result", result)
                .description("Answer cache lookups by data class: hit, miss (fetched), stale (served stale)")
                .register(registry);
    }

    /** The budget gauges: requests started in the last second against the configured requests per second. */
    public void watch(Pacer pacer) {
        Gauge.builder("lastfm.quota.used", pacer, Pacer::startedInLastPeriod)
                .description("Last.fm requests started in the last second").register(registry);
        Gauge.builder("lastfm.quota.budget", pacer, Pacer::permits)
                .description("Last.fm requests allowed per second (LASTFM_REQUESTS_PER_SECOND)").register(registry);
        pacer.setObserver(this);
    }

    public void cacheHit(DataClass dataClass) {
        hits.get(dataClass).increment();
    }

    public void cacheMiss(DataClass dataClass) {
        misses.get(dataClass).increment();
    }

    public void servedStale(DataClass dataClass) {
        stale.get(dataClass).increment();
    }

    /**
     * One answer (or failure) of one HTTP attempt: {@code ok}, {@code not_found}, {@code error} (a permanent Last.fm
     * error), {@code transient} (5xx, 429, errors 8/11/16/29, no answer: retried while the deadline allows).
     */
    public void request(String method, String outcome) {
        requests.computeIfAbsent(method + '\u0000' + outcome, key -> Counter.builder("lastfm.requests")
                .tag("method", method).tag("outcome", outcome)
                .description("Last.fm HTTP attempts by API method and outcome").register(registry)).increment();
    }

    public void retry(String method) {
        retries.computeIfAbsent(method, key -> Counter.builder("lastfm.retries").tag("method", method)
                .description("Retries of transient Last.fm failures by API method").register(registry)).increment();
    }

    @Override
    public void granted(long waitNanos) {
        throttleWait.record(waitNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void refused() {
        throttleRefused.increment();
    }
}
