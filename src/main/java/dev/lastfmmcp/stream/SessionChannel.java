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

    /** @param origin the POST stream whose messages it carries after a hand-over (SSE polling), else null */
    record Event(long sequence, String text, String origin) {
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
        return publish(json, null);
    }

    /**
     * As {@link #publish(String)}, for a message of the POST stream {@code origin} that was closed for polling: a GET
     * that resumes with an event id of that stream ({@code <origin>:<n>}) gets it replayed.
     */
    public synchronized boolean publish(String json, String origin) {
        long next = ++sequence;
        String text = SseFormat.messageEvent(PREFIX + next, json);
        buffer.addLast(new Event(next, text, origin));
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
        String origin = origin(lastEventId);
        for (Event event : buffer) {
            if (after >= 0 ? event.sequence() > after : origin != null && origin.equals(event.origin())) {
                connection.write(event.text());
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

    /** The POST stream a {@code Last-Event-ID} of the form {@code <key>:<n>} names (not this channel's), or null. */
    static String origin(String lastEventId) {
        if (lastEventId == null || lastEventId.startsWith(PREFIX) || lastEventId.indexOf(':') <= 0) {
            return null;
        }
        return lastEventId.substring(0, lastEventId.indexOf(':'));
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
