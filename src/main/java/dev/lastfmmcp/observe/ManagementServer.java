package dev.lastfmmcp.observe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The management HTTP server ({@code /observe/*}) on its own address and port, apart from the MCP endpoint: health,
 * metrics, info. Not Camel's {@code camel.management.*} server: that one shares the main server when both ports are
 * equal (so with port 0 in tests the two would be one), and its health output lists every route check. Each endpoint
 * is a GET (HEAD too) answered on a worker thread; another method is 405, another path 404, both JSON.
 */
public class ManagementServer extends ServiceSupport {

    /** What an endpoint answers. */
    public record Reply(int status, String contentType, String body) {
        public static Reply json(int status, String body) {
            return new Reply(status, "application/json", body);
        }
    }

    /** What an endpoint sees of a request: its query parameters (the first of each) and headers. */
    public record Request(Map<String, String> params, Function<String, String> header) {
    }

    /** A GET endpoint: the path and what it answers (called on a worker thread). */
    public record Endpoint(String path, Function<Request, Reply> handler) {
        public Endpoint(String path, Supplier<Reply> handler) {
            this(path, request -> handler.get());
        }
    }

    private final Vertx vertx;
    private final String host;
    private final int port;
    private final List<Endpoint> endpoints;
    private final List<RawRoute> raw = new java.util.ArrayList<>();
    private volatile HttpServer server;

    /** A path served by a Vert.x handler of its own (GET and POST with a body up to 64 KB, on a worker thread). */
    public record RawRoute(String path, Handler<RoutingContext> handler) {
    }

    /** Adds a raw route (before start). */
    public void addRaw(RawRoute route) {
        raw.add(route);
    }

    public ManagementServer(Vertx vertx, String host, int port, List<Endpoint> endpoints) {
        this.vertx = vertx;
        this.host = host;
        this.port = port;
        this.endpoints = List.copyOf(endpoints);
    }

    /** The port it listens on, or -1 before it does. */
    public int listeningPort() {
        HttpServer s = server;
        return s == null || s.actualPort() <= 0 ? -1 : s.actualPort();
    }

    @Override
    protected void doStart() throws Exception {
        Router router = Router.router(vertx);
        for (RawRoute route : raw) {
            router.route(route.path()).method(HttpMethod.GET).method(HttpMethod.POST)
                    .handler(BodyHandler.create(false).setBodyLimit(65_536))
                    .blockingHandler(route.handler(), false);
        }
        for (Endpoint endpoint : endpoints) {
            router.route(endpoint.path()).handler(ctx -> handle(ctx, endpoint));
        }
        router.route().handler(ctx -> send(ctx, Reply.json(404,
                "{\"error\":\"not found\",\"paths\":" + paths() + "}")));
        try {
            server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                    .requestHandler(router).listen().toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Cannot listen on " + host + ":" + port + " for the management server ("
                    + cause.getMessage() + "): set MANAGEMENT_PORT (mcp.management.port) to a free port, or "
                    + "MANAGEMENT_ENABLED=false", cause);
        }
    }

    private String paths() {
        StringBuilder json = new StringBuilder("[");
        for (Endpoint endpoint : endpoints) {
            json.append(json.length() > 1 ? "," : "").append('"').append(endpoint.path()).append('"');
        }
        return json.append(']').toString();
    }

    private void handle(RoutingContext ctx, Endpoint endpoint) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.response().putHeader("Allow", "GET, HEAD");
            send(ctx, Reply.json(405, "{\"error\":\"method not allowed\"}"));
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        ctx.queryParams().forEach(entry -> params.putIfAbsent(entry.getKey(), entry.getValue()));
        Request request = new Request(params, name -> ctx.request().getHeader(name));
        vertx.<Reply>executeBlocking(() -> endpoint.handler().apply(request), false).onComplete(done -> {
            if (done.succeeded()) {
                send(ctx, done.result());
            } else {
                send(ctx, Reply.json(500, "{\"error\":\"" + done.cause().getClass().getSimpleName() + "\"}"));
            }
        });
    }

    private static void send(RoutingContext ctx, Reply reply) {
        HttpServerResponse response = ctx.response();
        response.setStatusCode(reply.status()).putHeader("Content-Type", reply.contentType())
                .putHeader("Cache-Control", "no-store");
        if (ctx.request().method() == HttpMethod.HEAD) {
            response.putHeader("Content-Length", Integer.toString(reply.body().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8).length)).end();
        } else {
            response.end(reply.body());
        }
    }

    @Override
    protected void doStop() {
        HttpServer s = server;
        server = null;
        if (s != null) {
            s.close();
        }
    }
}
