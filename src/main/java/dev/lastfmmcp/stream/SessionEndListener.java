package dev.lastfmmcp.stream;

import java.util.List;
import java.util.function.Consumer;

import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntriesEvicted;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryExpired;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryRemoved;
import org.infinispan.notifications.cachelistener.event.CacheEntriesEvictedEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryExpiredEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryRemovedEvent;

/**
 * Listens to the {@code mcp-sessions} cache: a session that is deleted, expires (found by Infinispan's expiry
 * reaper or on access) or is evicted ends its GET stream and its subscriptions and stops counting.
 */
@Listener(sync = false)
public class SessionEndListener {

    private final List<Consumer<String>> onEnd;

    /** @param onEnd what to do when a session ends; a live list, so actions added later count too */
    public SessionEndListener(List<Consumer<String>> onEnd) {
        this.onEnd = onEnd;
    }

    @CacheEntryRemoved
    public void removed(CacheEntryRemovedEvent<String, String> event) {
        if (!event.isPre()) {
            ended(event.getKey());
        }
    }

    /** Eviction only happens when the store's byte bound is hit (sessions are refused by count well before). */
    @CacheEntriesEvicted
    public void evicted(CacheEntriesEvictedEvent<String, String> event) {
        event.getEntries().keySet().forEach(this::ended);
    }

    @CacheEntryExpired
    public void expired(CacheEntryExpiredEvent<String, String> event) {
        ended(event.getKey());
    }

    private void ended(String sessionId) {
        onEnd.forEach(action -> action.accept(sessionId));
    }
}
