package dev.lastfmmcp.observe;

import java.util.List;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Gauges read at scrape time from the components that own the value (nothing on the request path). */
public final class ServiceGauges {

    static final List<String> BREAKER_STATES = List.of("closed", "open", "half_open");

    private ServiceGauges() {
    }

    /** {@code upstream_breaker_state{upstream, state}}: 1 for the breaker's current state, 0 for the others. */
    public static void breaker(MeterRegistry registry, String upstream, Supplier<String> state) {
        for (String name : BREAKER_STATES) {
            Gauge.builder("upstream.breaker.state", () -> name.equals(stateName(state.get())) ? 1 : 0)
                    .description("Circuit breaker state by upstream: 1 for the current state")
                    .tag("upstream", upstream).tag("state", name).register(registry);
        }
    }

    /** Resilience4j's state name as one of {@link #BREAKER_STATES} (forced open counts as open), or null. */
    static String stateName(String state) {
        if (state == null) {
            return null;
        }
        if (state.contains("HALF")) {
            return "half_open";
        }
        return state.contains("OPEN") ? "open" : state.equals("CLOSED") ? "closed" : null;
    }

    public static void gauge(MeterRegistry registry, String name, String description, Supplier<Number> value) {
        Gauge.builder(name, () -> value.get()).description(description).register(registry);
    }
}
