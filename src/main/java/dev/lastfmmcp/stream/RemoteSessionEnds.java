package dev.lastfmmcp.stream;

import java.util.List;
import java.util.function.Consumer;

import org.infinispan.client.hotrod.annotation.ClientCacheEntryExpired;
import org.infinispan.client.hotrod.annotation.ClientCacheEntryRemoved;
import org.infinispan.client.hotrod.annotation.ClientListener;
import org.infinispan.client.hotrod.event.ClientCacheEntryExpiredEvent;
import org.infinispan.client.hotrod.event.ClientCacheEntryRemovedEvent;

/**
 * {@link SessionEndListener}'s counterpart for the {@code mcp-sessions} cache on an Infinispan Server
 * ({@code INFINISPAN_HOSTS}): the server tells every connected node when a session is deleted or expires, and each
 * ends that session's GET stream and subscriptions if it holds them and stops counting it. (A remote cache sends no
 * eviction events: sessions are refused by count long before the server's bound evicts one.)
 */
@ClientListener
public class RemoteSessionEnds {

    private final List<Consumer<String>> onEnd;

    /** @param onEnd what to do when a session ends; a live list, so actions added later count too */
    public RemoteSessionEnds(List<Consumer<String>> onEnd) {
        this.onEnd = onEnd;
    }

    @ClientCacheEntryRemoved
    public void removed(ClientCacheEntryRemovedEvent<String> event) {
        ended(event.getKey());
    }

    @ClientCacheEntryExpired
    public void expired(ClientCacheEntryExpiredEvent<String> event) {
        ended(event.getKey());
    }

    private void ended(String sessionId) {
        if (sessionId != null) {
            onEnd.forEach(action -> action.accept(sessionId));
        }
    }
}
