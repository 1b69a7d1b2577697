package dev.lastfmmcp.stream;

import dev.lastfmmcp.mcp.SessionPublisher;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The channels of the sessions this node serves. Server-initiated messages (resource updates, log messages not tied
 * to a request) are published here; a session that ends closes its channel.
 */
public class SessionStreams implements SessionPublisher {

    private final Map<String, SessionChannel> channels = new ConcurrentHashMap<>();
    private final int bufferSize;

    public SessionStreams(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    public SessionChannel channel(String sessionId) {
        return channels.computeIfAbsent(sessionId, id -> new SessionChannel(id, bufferSize));
    }

    /** Publishes to the session's GET stream (buffered for resumption); true when a stream took it. */
    @Override
    public boolean publish(String sessionId, String json) {
        return channel(sessionId).publish(json);
    }

    /** The session ended (deleted or expired): its stream closes and its buffer goes. */
    public void sessionEnded(String sessionId) {
        SessionChannel channel = channels.remove(sessionId);
        if (channel != null) {
            channel.close();
        }
    }

    /** Writes a keep-alive comment on every open stream; returns how many are open. */
    public int keepAlive() {
        int open = 0;
        for (SessionChannel channel : channels.values()) {
            if (channel.keepAlive()) {
                open++;
            }
        }
        return open;
    }

    public int openStreams() {
        return (int) channels.values().stream().filter(SessionChannel::hasStream).count();
    }

    public Collection<SessionChannel> channels() {
        return List.copyOf(channels.values());
    }

    public void closeAll() {
        channels.values().forEach(SessionChannel::close);
        channels.clear();
    }
}
