package dev.lastfmmcp.edge;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounds on the sockets a client can hold: an idle timeout (a connection that sends or receives nothing for so long
 * is closed), a first-request timeout (a connection that has not sent a whole request head by then is closed:
 * slow-loris), a request timeout (a request whose body has not fully arrived by then is closed: stalled bodies), and
 * caps on open connections in all and per client address (connections beyond them are closed at once).
 */
public class ConnectionLimits {

    /** The settings, all from {@code application.properties}. */
    public record Settings(Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout, int maxConnections,
            int maxConnectionsPerClient) {
    }

    private final Settings settings;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, AtomicInteger> openByClient = new ConcurrentHashMap<>();
    /** Connections that have not yet sent a request head; the header timer closes those still here. */
    private final Map<HttpConnection, Boolean> awaitingFirstRequest = new ConcurrentHashMap<>();

    public ConnectionLimits(Settings settings) {
        this.settings = settings;
    }

    /** Sets the idle timeout on the options the HTTP server is created with. */
    public HttpServerOptions apply(HttpServerOptions options) {
        return options.setIdleTimeout((int) Math.max(1, settings.idleTimeout().toMillis()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    }

    /** The server's connection handler: counts, refuses beyond the caps, and arms the first-request timer. */
    public Handler<HttpConnection> connectionHandler(Vertx vertx) {
        return connection -> {
            String client = connection.remoteAddress() == null ? "unknown" : connection.remoteAddress().hostAddress();
            AtomicInteger mine = openByClient.computeIfAbsent(client, k -> new AtomicInteger());
            int total = open.incrementAndGet();
            int perClient = mine.incrementAndGet();
            connection.closeHandler(ignored -> {
                open.decrementAndGet();
                awaitingFirstRequest.remove(connection);
                if (mine.decrementAndGet() <= 0) {
                    openByClient.remove(client, mine);
                }
            });
            if (total > settings.maxConnections() || perClient > settings.maxConnectionsPerClient()) {
                connection.close();
                return;
            }
            awaitingFirstRequest.put(connection, Boolean.TRUE);
            vertx.setTimer(Math.max(1, settings.headerTimeout().toMillis()), id -> {
                if (awaitingFirstRequest.remove(connection) != null) {
                    connection.close();
                }
            });
        };
    }

    /**
     * First on the router: the connection has sent a request head; the body must arrive within the request timeout
     * or the connection is closed.
     */
    public Handler<RoutingContext> requestHandler(Vertx vertx) {
        return routing -> {
            HttpServerRequest request = routing.request();
            awaitingFirstRequest.remove(request.connection());
            if (!request.isEnded()) {
                long timer = vertx.setTimer(Math.max(1, settings.bodyTimeout().toMillis()), id -> {
                    if (!request.isEnded()) {
                        request.connection().close();
                    }
                });
                // answered: the timer goes, so busy servers do not keep one pending timer per recent request
                routing.addEndHandler(ended -> vertx.cancelTimer(timer));
            }
            routing.next();
        };
    }

    /** Open connections now (for tests and health). */
    public int open() {
        return open.get();
    }
}
