package dev.lastfmmcp.stream;

import dev.lastfmmcp.config.HttpServerCheck;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Puts the long-lived stream endpoints on Camel's own Vert.x router, ahead of the platform-http routes, once the
 * HTTP server is up: {@code GET /mcp} (and {@code GET /sse} for the legacy transport), plus one timer that writes
 * keep-alive comments on every open stream.
 */
public class StreamEndpoints extends ServiceSupport implements StartupListener {

    private final Handler<RoutingContext> getStream;
    private final Handler<RoutingContext> legacyStream;
    private final SessionStreams streams;
    private final long keepAliveMillis;
    private Vertx vertx;
    private long timer = -1;

    public StreamEndpoints(Handler<RoutingContext> getStream, Handler<RoutingContext> legacyStream,
                           SessionStreams streams, long keepAliveMillis) {
        this.getStream = getStream;
        this.legacyStream = legacyStream;
        this.streams = streams;
        this.keepAliveMillis = keepAliveMillis;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // routes go on once the server is up
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        VertxPlatformHttpRouter router = HttpServerCheck.mainRouter(context);
        if (router == null) {
            return;
        }
        router.route("/mcp").method(HttpMethod.GET).order(-10).handler(getStream);
        if (legacyStream != null) {
            router.route("/sse").method(HttpMethod.GET).order(-10).handler(legacyStream);
        }
        vertx = router.vertx();
        timer = vertx.setPeriodic(keepAliveMillis, id -> streams.keepAlive());
    }

    @Override
    protected void doStop() {
        if (vertx != null && timer >= 0) {
            vertx.cancelTimer(timer);
        }
        streams.closeAll();
    }
}
