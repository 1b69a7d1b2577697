package dev.lastfmmcp.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JvmMetersTest {

    @Test
    void bindsMemoryGcThreadProcessorAndUptimeMeters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (JvmMeters ignored = JvmMeters.bindTo(registry)) {
            Set<String> names = registry.getMeters().stream().map(meter -> meter.getId().getName())
                    .collect(Collectors.toSet());
            assertThat(names).contains("jvm.memory.used", "jvm.memory.max", "jvm.gc.memory.allocated",
                    "jvm.threads.live", "system.cpu.count", "process.uptime", "process.start.time");
            Meter live = registry.find("jvm.threads.live").meter();
            assertThat(live).isNotNull();
            assertThat(registry.get("jvm.threads.live").gauge().value()).isPositive();
        }
    }
}
