package dev.lastfmmcp.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Reads a text/event-stream response in the background, event by event, for stream tests. */
public final class SseClient implements AutoCloseable {

    /** One event: id, event type, data (lines joined with \n); comments are kept as events with only a comment. */
    public record Event(String id, String event, String data, String comment) {
    }

    private final HttpResponse<InputStream> response;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean ended;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    public static SseClient open(String method, String url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().sendAsync(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
            return new SseClient(response);
        } catch (Exception e) {
            throw new AssertionError("could not open " + url, e);
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (id != null || event != null || data != null) {
                        events.add(new Event(id, event, data == null ? null : data.toString(), null));
                    }
                    id = null;
                    event = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, null, line.substring(1).trim()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
        } catch (IOException e) {
            // the stream was closed
        } finally {
            ended = true;
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The events with data seen so far. */
    public List<Event> messages() {
        List<Event> messages = new ArrayList<>();
        for (Event event : events) {
            if (event.data() != null && !event.data().isEmpty()) {
                messages.add(event);
            }
        }
        return messages;
    }

    public List<Event> all() {
        return List.copyOf(events);
    }

    public Event awaitMessage(Predicate<Event> match) {
        await().atMost(Duration.ofSeconds(15)).until(() -> messages().stream().anyMatch(match));
        return messages().stream().filter(match).findFirst().orElseThrow();
    }

    public void awaitEnd() {
        await().atMost(Duration.ofSeconds(15)).until(() -> ended);
    }

    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
