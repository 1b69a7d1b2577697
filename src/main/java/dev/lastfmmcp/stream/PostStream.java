package dev.lastfmmcp.stream;

import dev.lastfmmcp.mcp.ReplyStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import dev.lastfmmcp.mcp.ProgressSink;
import dev.lastfmmcp.mcp.SseFormat;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpServerResponse;

/**
 * The event-stream reply of one POST (2025-11-25 framing): a priming event with an id, then the request's
 * notifications (progress, log messages) as {@code event: message}, then its response, then the stream closes. Event
 * ids carry the stream's key ({@code p<key>:<n>}) so they are unique within the session.
 */
public class PostStream implements ReplyStream {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SseConnection connection;
    private final String key;
    private final AtomicLong sequence = new AtomicLong();
    private final java.util.function.Function<JsonNode, String> writer;
    private final java.util.function.Supplier<SessionChannel> session;
    private volatile SessionChannel handedTo;

    private PostStream(SseConnection connection, java.util.function.Function<JsonNode, String> writer,
            java.util.function.Supplier<SessionChannel> session) {
        this.connection = connection;
        this.session = session;
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        this.key = "p" + HexFormat.of().formatHex(bytes);
        this.writer = writer;
    }

    /** Opens the reply stream and writes the priming event. */
    public static PostStream open(HttpServerResponse response, String correlationId,
            java.util.function.Function<JsonNode, String> writer) {
        return open(response, correlationId, writer, -1, () -> null);
    }

    /**
     * Opens the reply stream and writes the priming event, with the reconnection delay when {@code retryMillis} is
     * not negative; {@code session} is the channel of the request's session (null without one), which takes over
     * when the stream is closed for polling.
     */
    public static PostStream open(HttpServerResponse response, String correlationId,
            java.util.function.Function<JsonNode, String> writer, long retryMillis,
            java.util.function.Supplier<SessionChannel> session) {
        PostStream stream = new PostStream(SseConnection.open(response, "X-Correlation-Id", correlationId), writer,
                session);
        String id = stream.nextId();
        stream.connection.write(retryMillis < 0 ? SseFormat.primingEvent(id) : SseFormat.primingEvent(id,
                retryMillis));
        return stream;
    }

    @Override
    public boolean closeForPolling() {
        SessionChannel channel = session.get();
        if (channel == null) {
            return false;
        }
        handedTo = channel;
        connection.close();
        return true;
    }

    private String nextId() {
        return key + ":" + sequence.getAndIncrement();
    }

    @Override
    public void send(JsonNode notification) {
        SessionChannel channel = handedTo;
        if (channel != null) {
            channel.publish(writer.apply(notification), key);
        } else {
            connection.write(SseFormat.messageEvent(nextId(), writer.apply(notification)));
        }
    }

    /** Writes the response (none for a cancelled request) and closes the stream. */
    public void finish(JsonNode response) {
        SessionChannel channel = handedTo;
        if (channel != null) {
            if (response != null && !response.isNull()) {
                channel.publish(writer.apply(response), key);
            }
            return;
        }
        if (response != null && !response.isNull()) {
            connection.write(SseFormat.messageEvent(nextId(), writer.apply(response)));
        }
        connection.close();
    }

    public boolean isOpen() {
        return handedTo != null || connection.isOpen();
    }
}
