package dev.lastfmmcp.observe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A counter with one label whose values are fixed and registered up front (so the alert rules and the README table
 * always see every series, at 0 before anything happened). A value outside the list counts as {@code other} when
 * that is one of the values, and is a programming error otherwise.
 */
public final class LabelledCounters implements Consumer<String> {

    private final String name;
    private final Map<String, Counter> counters = new LinkedHashMap<>();

    private LabelledCounters(String name) {
        this.name = name;
    }

    public static LabelledCounters register(MeterRegistry registry, String name, String description, String label,
            List<String> values) {
        LabelledCounters counters = new LabelledCounters(name);
        for (String value : values) {
            counters.counters.put(value, Counter.builder(name).description(description).tag(label, value)
                    .register(registry));
        }
        return counters;
    }

    @Override
    public void accept(String value) {
        Counter counter = counters.get(value);
        if (counter == null) {
            counter = counters.get("other");
        }
        if (counter == null) {
            throw new IllegalArgumentException(name + " has no label value " + value);
        }
        counter.increment();
    }
}
