package dev.lastfmmcp.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.caffeine.CaffeineConstants;
import org.apache.camel.main.Main;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * The floor under this server's request path: a bare Camel route on the same stack (platform-http on Vert.x,
 * Jackson, a Caffeine cache, a wire-tap to a second route that stores a record) answering the same cached
 * {@code tools/call} with a reply of the same size, and nothing else: no session, JSON-RPC handling, validation,
 * audit store, meters or log context. {@code scripts/camel-floor.sh} loads it beside the raw Vert.x ceiling and the
 * server, so a run shows how much of the server's cost is Camel's and how much is its own path.
 *
 * <p>{@code FLOOR_STEPS} adds that many no-op steps ({@code setVariable}) to the route, {@code FLOOR_HOPS} that many
 * {@code direct:} hops of one step each: what one more step or one more route costs a request. Listens on
 * 127.0.0.1:{@code PORT}.
 */
public final class CamelFloor extends RouteBuilder {

    /** The cached answer, about as long as the server's reply to {@code get_artist_info} (5.3 KB). */
    static final byte[] REPLY = reply();

    private final int steps;
    private final int hops;
    private final AtomicLong records = new AtomicLong();

    CamelFloor(int steps, int hops) {
        this.steps = steps;
        this.hops = hops;
    }

    public static void main(String[] args) throws Exception {
        create(new CamelFloor(integer("FLOOR_STEPS"), integer("FLOOR_HOPS")), integer("PORT")).run(args);
    }

    /** Camel Main with only {@code floor}'s routes, its HTTP server on 127.0.0.1:{@code port}, JMX as the server's. */
    static Main create(CamelFloor floor, int port) {
        Main main = new Main();
        // not the server's application.properties (on the same class path): only these routes
        main.setDefaultPropertyPlaceholderLocation("false");
        main.configure().addRoutesBuilder(floor);
        main.configure().setJmxManagementMBeansLevel(org.apache.camel.ManagementMBeansLevel.RoutesOnly);
        main.configure().setStreamCachingEnabled(false);
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        return main;
    }

    private static int integer(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? 0 : Integer.parseInt(value.strip());
    }

    @Override
    public void configure() {
        RouteDefinition route = from("platform-http:/mcp?httpMethodRestrict=POST").routeId("floor");
        route.unmarshal().json(JsonLibrary.Jackson, JsonNode.class)
                .setHeader(CaffeineConstants.KEY, method(this, "artist"))
                .to("caffeine-cache:answers?action=GET");
        route.choice()
                .when(header(CaffeineConstants.ACTION_HAS_RESULT).isNotEqualTo(true))
                    .setBody(constant(REPLY))
                    .to("caffeine-cache:answers?action=PUT")
                .end();
        route.removeHeaders("*");
        for (int i = 0; i < steps; i++) {
            route.setVariable("step" + i, constant(i));
        }
        for (int i = 0; i < hops; i++) {
            route.to("direct:hop" + i);
            from("direct:hop" + i).routeId("hop" + i).setVariable("hop" + i, constant(i));
        }
        route.setHeader("Content-Type", constant("application/json"))
                .wireTap("direct:record");
        from("direct:record").routeId("record")
                .setHeader(CaffeineConstants.KEY, simple("${exchangeId}"))
                .setBody(method(this, "record"))
                .to("caffeine-cache:records?action=PUT&maximumSize=20000");
    }

    /** The cache key: the tool call's {@code artist} argument. */
    public String artist(JsonNode body) {
        return body.path("params").path("arguments").path("artist").asText();
    }

    /** A small record of the exchange, as an audit log would keep. */
    public String record(org.apache.camel.Exchange exchange) {
        return "{\"n\":" + records.incrementAndGet() + ",\"exchange\":\"" + exchange.getExchangeId() + "\"}";
    }

    /** Records written so far (for the test). */
    long records() {
        return records.get();
    }

    private static byte[] reply() {
        StringBuilder text = new StringBuilder();
        while (text.length() < 5_200) {
            text.append("The Weeknd: 1,688,480 listeners, 135,692,303 scrobbles. ");
        }
        return ("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"" + text
                + "\"}],\"isError\":false}}").getBytes(StandardCharsets.UTF_8);
    }
}
