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

    private PostStream(SseConnection connection, java.util.function.Function<JsonNode, String> writer) {
        this.connection = connection;
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        this.key = "p" + HexFormat.of().formatHex(bytes);
        this.writer = writer;
    }

    /** Opens the reply stream and writes the priming event. */
    public static PostStream open(HttpServerResponse response, String correlationId,
            java.util.function.Function<JsonNode, String> writer) {
        PostStream stream = new PostStream(SseConnection.open(response, "X-Correlation-Id", correlationId), writer);
        stream.connection.write(SseFormat.primingEvent(stream.nextId()));
        return stream;
    }

    private String nextId() {
        return key + ":" + sequence.getAndIncrement();
    }

    @Override
    public void send(JsonNode notification) {
        connection.write(SseFormat.messageEvent(nextId(), writer.apply(notification)));
    }

    /** Writes the response (none for a cancelled request) and closes the stream. */
    public void finish(JsonNode response) {
        if (response != null && !response.isNull()) {
            connection.write(SseFormat.messageEvent(nextId(), writer.apply(response)));
        }
        connection.close();
    }

    public boolean isOpen() {
        return connection.isOpen();
    }
}
