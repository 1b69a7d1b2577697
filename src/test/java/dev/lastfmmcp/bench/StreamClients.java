package dev.lastfmmcp.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The client side of {@link StreamLoadBenchmark}, in its own JVM so its threads and buffers are not counted: opens one
 * GET /mcp stream per session id (one per line of the file), prints "open" and holds them until stdin closes.
 */
public final class StreamClients {

    private StreamClients() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> sessions = Files.readAllLines(Path.of(args[1]));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<InputStream>>> open = new ArrayList<>();
        for (String session : sessions) {
            open.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/mcp"))
                    .header("Accept", "text/event-stream").header("Mcp-Session-Id", session).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        }
        CompletableFuture.allOf(open.toArray(CompletableFuture[]::new)).get();
        System.out.println("open " + open.size());
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold the streams until the benchmark closes stdin
        }
        for (CompletableFuture<HttpResponse<InputStream>> response : open) {
            response.get().body().close();
        }
    }
}
