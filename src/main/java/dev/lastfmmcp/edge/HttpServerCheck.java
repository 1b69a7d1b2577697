package dev.lastfmmcp.edge;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Camel only warns when the HTTP port is taken and then runs without HTTP. This listener fails the start instead,
 * with a message that says what to do.
 */
public class HttpServerCheck implements StartupListener {

    private final String host;
    private final int configuredPort;

    public HttpServerCheck(String host, int configuredPort) {
        this.host = host;
        this.configuredPort = configuredPort;
    }

    /**
     * Fails fast, before Camel starts its HTTP server, when the address cannot be bound: Vert.x would only log a
     * warning and Camel would run without HTTP.
     */
    public void checkBindable() {
        if (configuredPort == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, configuredPort));
        } catch (IOException e) {
            throw new IllegalStateException(failure() + " (" + e.getMessage() + ")");
        }
    }

    private String failure() {
        return "Cannot listen on " + host + ":" + configuredPort
               + ": the port is in use or the address is not available. Stop the other process or set PORT"
               + " (camel.server.port) to a free port, or BIND_HOST (camel.server.host) to another address.";
    }

    /** The main Vert.x router Camel's platform-http serves (registered as platform-http-router-&lt;port&gt;). */
    public static VertxPlatformHttpRouter mainRouter(CamelContext context) {
        return context.getRegistry().findByType(VertxPlatformHttpRouter.class).stream()
                .filter(VertxPlatformHttpRouter::isMainServer).findFirst().orElse(null);
    }

    /** The port the HTTP server listens on, or -1 when it is not listening. */
    public static int listeningPort(CamelContext context) {
        VertxPlatformHttpRouter router = mainRouter(context);
        if (router == null || router.getServer() == null || router.getServer().getServer() == null) {
            return -1;
        }
        int port = router.getServer().getServer().actualPort();
        return port > 0 ? port : -1;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the HTTP server is only up once the context is fully started
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        if (listeningPort(context) < 0) {
            throw new IllegalStateException(failure());
        }
    }
}
