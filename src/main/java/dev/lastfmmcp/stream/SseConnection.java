package dev.lastfmmcp.stream;

import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.core.http.HttpServerResponse;

/**
 * One open text/event-stream response. Writes are ignored once the client has gone or the stream was closed; no
 * thread waits on it (Vert.x writes are queued to the connection's event loop).
 */
public class SseConnection {

    private final HttpServerResponse response;
    private final AtomicBoolean closed = new AtomicBoolean();

    public SseConnection(HttpServerResponse response) {
        this.response = response;
        response.closeHandler(ignored -> closed.set(true));
    }

    /** Starts the stream: 200, event-stream headers, chunked. Extra headers are name/value pairs. */
    public static SseConnection open(HttpServerResponse response, String... headers) {
        response.setStatusCode(200)
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache, no-transform")
                .putHeader("X-Accel-Buffering", "no");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                response.putHeader(headers[i], headers[i + 1]);
            }
        }
        return new SseConnection(response);
    }

    /** Writes raw SSE text; false when the stream is gone. */
    public boolean write(String text) {
        if (closed.get() || response.ended() || response.closed()) {
            closed.set(true);
            return false;
        }
        try {
            response.write(text);
            return true;
        } catch (IllegalStateException e) {
            closed.set(true);
            return false;
        }
    }

    public boolean isOpen() {
        return !closed.get() && !response.ended() && !response.closed();
    }

    /**
     * Ends the response (the client sees the stream close). Also after the client went: the response then counts as
     * ended, so nothing else (Camel's reply) tries to write to it.
     */
    public void close() {
        closed.set(true);
        if (!response.ended()) {
            try {
                response.end();
            } catch (IllegalStateException ignored) {
                // already closed by the peer
            }
        }
    }

    public void onClose(Runnable action) {
        response.closeHandler(ignored -> {
            closed.set(true);
            action.run();
        });
    }
}
