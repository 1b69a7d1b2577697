package dev.lastfmmcp.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.lastfmmcp.mcp.SseFormat;

/**
 * The server-to-client channel of one session: its GET stream (at most one open at a time; a new GET replaces the
 * old one), event ids unique within the session ({@code g:<n>}; POST streams use their own prefix), and a bounded
 * buffer of recent events replayed to a GET that resumes with {@code Last-Event-ID}.
 */
public class SessionChannel {

    public static final String PREFIX = "g:";

    private final String sessionId;
    private final int bufferSize;
    private final Deque<Event> buffer = new ArrayDeque<>();
    private long sequence;
    private SseConnection stream;

    record Event(long sequence, String text) {
    }

    public SessionChannel(String sessionId, int bufferSize) {
        this.sessionId = sessionId;
        this.bufferSize = bufferSize;
    }

    public String sessionId() {
        return sessionId;
    }

    /**
     * Sends a JSON-RPC message on the GET stream (buffered for resumption even when no stream is open). Returns
     * whether an open stream took it.
     */
    public synchronized boolean publish(String json) {
        long next = ++sequence;
        String text = SseFormat.messageEvent(PREFIX + next, json);
        buffer.addLast(new Event(next, text));
        while (buffer.size() > bufferSize) {
            buffer.removeFirst();
        }
        return stream != null && stream.write(text);
    }

    /**
     * Attaches a (new) GET stream, closing any previous one, and replays the buffered events after
     * {@code lastEventId} when it names this channel.
     */
    public synchronized void attach(SseConnection connection, String lastEventId) {
        if (stream != null && stream != connection) {
            stream.close();
        }
        stream = connection;
        long after = parse(lastEventId);
        if (after >= 0) {
            for (Event event : buffer) {
                if (event.sequence() > after) {
                    connection.write(event.text());
                }
            }
        }
    }

    public synchronized void detach(SseConnection connection) {
        if (stream == connection) {
            stream = null;
        }
    }

    public synchronized boolean keepAlive() {
        return stream != null && stream.write(SseFormat.comment("keep-alive"));
    }

    public synchronized boolean hasStream() {
        return stream != null && stream.isOpen();
    }

    public synchronized void close() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    /** The events still held for replay (for tests and diagnostics). */
    public synchronized List<Long> bufferedSequences() {
        List<Long> sequences = new ArrayList<>();
        buffer.forEach(e -> sequences.add(e.sequence()));
        return sequences;
    }

    static long parse(String lastEventId) {
        if (lastEventId == null || !lastEventId.startsWith(PREFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(lastEventId.substring(PREFIX.length()).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
