package dev.lastfmmcp.unit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.mcp.Session;
import dev.lastfmmcp.mcp.SessionStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionStoreTest {

    private final ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();
    private final SessionStore store = new SessionStore(() -> map, AppConfiguration.objectMapper(),
            Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void idsAreRandomVisibleAscii() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Session session = store.create("2025-11-25", "client", "1.0", Map.of());
            assertThat(session.id()).hasSize(43).matches("[\\x21-\\x7E]+");
            ids.add(session.id());
        }
        assertThat(ids).hasSize(200);
    }

    @Test
    void storesFindsUpdatesAndDeletes() {
        Session session = store.create("2025-06-18", "inspector", "0.17", Map.of("roots", Map.of()));
        Session found = store.find(session.id()).orElseThrow();
        assertThat(found.protocolVersion()).isEqualTo("2025-06-18");
        assertThat(found.clientName()).isEqualTo("inspector");
        assertThat(found.createdAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(found.signIn()).isNull();

        store.save(found.withLogLevel("warning").withSignIn("0123456789abcdef"));
        assertThat(store.find(session.id()).orElseThrow().logLevel()).isEqualTo("warning");
        assertThat(store.find(session.id()).orElseThrow().signIn()).isEqualTo("0123456789abcdef");
        assertThat(map.get(session.id())).startsWith("{").doesNotContain("null");

        assertThat(store.delete(session.id())).isTrue();
        assertThat(store.find(session.id())).isEmpty();
        assertThat(store.delete(session.id())).isFalse();
    }

    @Test
    void unknownOverlongAndCorruptIdsAreNotFound() {
        assertThat(store.find(null)).isEmpty();
        assertThat(store.find("")).isEmpty();
        assertThat(store.find("x".repeat(500))).isEmpty();
        map.put("corrupt", "{not json");
        assertThat(store.find("corrupt")).isEmpty();
        assertThat(map).doesNotContainKey("corrupt");
    }
}
