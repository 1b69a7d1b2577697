package dev.lastfmmcp.observe;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.lastfmmcp.upstream.Pacer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** An upstream pacer's wait for a slot and its refusals, as {@code <prefix>_throttle_wait_seconds} and
 * {@code <prefix>_throttle_rejections_total} (the Last.fm client has its own, {@code lastfm.LastfmMeters}). */
public final class PacerMeters implements Pacer.Observer {

    private final Timer wait;
    private final Counter refused;

    private PacerMeters(Timer wait, Counter refused) {
        this.wait = wait;
        this.refused = refused;
    }

    /** Registers the meters and observes {@code pacer}. */
    public static PacerMeters watch(MeterRegistry registry, String prefix, String upstream, Pacer pacer) {
        PacerMeters meters = new PacerMeters(Timer.builder(prefix + ".throttle.wait")
                .description("Wait for a request slot of " + upstream + "'s pacing")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(2), Duration.ofSeconds(4))
                .register(registry),
                Counter.builder(prefix + ".throttle.rejections")
                        .description("Requests to " + upstream + " not sent: the pacing queue was full or the wait "
                                     + "too long").register(registry));
        pacer.setObserver(meters);
        return meters;
    }

    @Override
    public void granted(long waitNanos) {
        wait.record(waitNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void refused() {
        refused.increment();
    }
}
