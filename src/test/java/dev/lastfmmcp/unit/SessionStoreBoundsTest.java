package dev.lastfmmcp.unit;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.lastfmmcp.config.InfinispanStores;
import dev.lastfmmcp.stream.SessionEndListener;
import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The stores are bounded by count (each entry bounded in size), and a session the backstop evicts ends like a deleted one. */
class SessionStoreBoundsTest {

    @Test
    void theStoresHoldAtMostTheirCountAndEvictionEndsTheSession() {
        EmbeddedCacheManager manager = InfinispanStores.start(new InfinispanStores.Limits(Duration.ofHours(1),
                100, Duration.ofDays(1), 100, Duration.ofMinutes(1)));
        try {
            Set<String> ended = ConcurrentHashMap.newKeySet();
            Cache<String, String> sessions = manager.getCache(InfinispanStores.SESSIONS);
            sessions.addListener(new SessionEndListener(List.of(ended::add)));
            Cache<String, String> audit = manager.getCache(InfinispanStores.AUDIT);
            String tenKilobytes = "s".repeat(10_000);
            for (int i = 0; i < 500; i++) {
                sessions.put("session-" + i, tenKilobytes);
                audit.put("record-" + i, tenKilobytes);
            }
            assertThat(sessions.size()).isBetween(90, 100);
            assertThat(audit.size()).isBetween(90, 100);
            assertThat(sessions.get("session-499")).isEqualTo(tenKilobytes);
            await().atMost(Duration.ofSeconds(5)).until(() -> ended.size() >= 500 - sessions.size());
            assertThat(ended).doesNotContain("session-499");
        } finally {
            manager.stop();
        }
    }
}
