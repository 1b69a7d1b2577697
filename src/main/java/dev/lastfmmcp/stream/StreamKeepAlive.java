package dev.lastfmmcp.stream;

import dev.lastfmmcp.edge.HttpServerCheck;
import io.vertx.core.Vertx;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.service.ServiceSupport;

/**
 * One Vert.x timer that writes keep-alive comments on every open event stream, and closes them all on shutdown.
 * (The stream endpoints themselves are put on the router by {@link dev.lastfmmcp.edge.HttpEdge}.)
 */
public class StreamKeepAlive extends ServiceSupport implements StartupListener {

    private final SessionStreams streams;
    private final long keepAliveMillis;
    private Vertx vertx;
    private long timer = -1;

    public StreamKeepAlive(SessionStreams streams, long keepAliveMillis) {
        this.streams = streams;
        this.keepAliveMillis = keepAliveMillis;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the timer runs on the HTTP server's Vert.x, which exists once the context is fully started
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        VertxPlatformHttpRouter router = HttpServerCheck.mainRouter(context);
        if (router == null) {
            return;
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
