package dev.lastfmmcp.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * The JVM's meters on /observe/metrics ({@code jvm_memory_*}, {@code jvm_gc_*}, {@code jvm_threads_*},
 * {@code process_cpu_*}/{@code system_cpu_*}, {@code process_uptime_seconds}/{@code process_start_time_seconds}):
 * Micrometer's own binders, bound here rather than named in {@code camel.metrics.binders}, which makes Camel read a
 * Jandex index of every binder on the class path at start (about 60 ms of the main thread) to find these five.
 */
public final class JvmMeters implements AutoCloseable {

    private final JvmGcMetrics gc = new JvmGcMetrics();

    private JvmMeters() {
    }

    /** Binds the five binders to the registry; {@link #close()} stops listening to the garbage collector. */
    public static JvmMeters bindTo(MeterRegistry registry) {
        JvmMeters meters = new JvmMeters();
        new JvmMemoryMetrics().bindTo(registry);
        meters.gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return meters;
    }

    @Override
    public void close() {
        gc.close();
    }
}
