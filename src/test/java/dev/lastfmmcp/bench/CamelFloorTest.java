package dev.lastfmmcp.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.lastfmmcp.support.FreePorts;
import org.apache.camel.main.Main;
import org.apache.camel.model.Model;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The floor that {@code scripts/camel-floor.sh} measures still is what it says: the same cached tools/call answered
 * with a reply of the server's size, each exchange wire-tapped to a record, the extra steps and hops in the route.
 */
class CamelFloorTest {

    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                                       + "{\"name\":\"get_artist_info\",\"arguments\":{\"artist\":\"The Weeknd\"}}}";

    @Test
    void answersTheCachedCallAndRecordsEachExchange() throws Exception {
        int port = FreePorts.one();
        CamelFloor floor = new CamelFloor(3, 2);
        Main main = CamelFloor.create(floor, port);
        main.start();
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(CALL)).build();
            for (int i = 0; i < 5; i++) {
                HttpResponse<byte[]> reply = client.send(post, HttpResponse.BodyHandlers.ofByteArray());
                assertThat(reply.statusCode()).isEqualTo(200);
                assertThat(reply.body()).isEqualTo(CamelFloor.REPLY);
                assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/json");
                // the request's headers are not echoed
                assertThat(reply.headers().map().keySet()).noneMatch(name -> name.equalsIgnoreCase("user-agent"));
            }
            assertThat(CamelFloor.REPLY.length).isBetween(5_000, 5_600);
            // the records are written by the wire-tap's thread, after the replies
            await().atMost(Duration.ofSeconds(5)).until(() -> floor.records() == 5);
            assertThat(main.getCamelContext().getRoutes()).extracting(route -> route.getRouteId())
                    .containsExactlyInAnyOrder("floor", "hop0", "hop1", "record");
            assertThat(main.getCamelContext().getCamelContextExtension().getContextPlugin(Model.class)
                    .getRouteDefinition("floor").toString()).contains("step2").doesNotContain("step3");
        } finally {
            main.stop();
        }
    }
}
