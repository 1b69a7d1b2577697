package dev.lastfmmcp.edge;

import java.lang.reflect.Field;
import java.util.List;

import dev.lastfmmcp.edge.HttpServerCheck;
import dev.lastfmmcp.mcp.HttpGuard;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.HttpEndpointModel;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * What sits on Camel's Vert.x router around the platform-http routes: a correlation id on every request and
 * response, the start-up gate (503 until every route is on), CORS, the Vert.x-level endpoints (event streams), JSON 404 / 405 for what no endpoint takes, and JSON bodies
 * for requests Vert.x itself refuses (413). Installed as soon as the router exists, before the first request can
 * arrive; the gate opens once the CamelContext is fully started.
 */
public class HttpEdge extends EventNotifierSupport implements StartupListener {

    /** An endpoint served by a Vert.x handler rather than a route (held open without a worker thread). */
    public record Endpoint(String path, HttpMethod method, Handler<RoutingContext> handler) {
    }

    private final CorrelationIds correlationIds = new CorrelationIds();
    private final StartupGate gate;
    private final Cors cors;
    private final Fallbacks fallbacks;
    private final HttpFailures failures;
    private final List<Endpoint> endpoints;
    private volatile EndpointMethods methods;
    private boolean installed;
    private Handler<RoutingContext> first;
    private MalformedRequests malformed;

    public HttpEdge(EdgeReplies replies, HttpGuard guard, long maxBodyBytes, long corsMaxAgeSeconds,
                    List<Endpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
        this.methods = collect(null);
        this.gate = new StartupGate(replies);
        this.cors = new Cors(guard, () -> methods, replies, corsMaxAgeSeconds);
        this.fallbacks = new Fallbacks(() -> methods, replies);
        this.failures = new HttpFailures(replies, maxBodyBytes);
        // only the context's own events are of use: with these off, Camel creates no event for each exchange
        // and step (it asks every notifier of every send otherwise)
        setIgnoreExchangeEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
    }

    /** Answers requests the router cannot match at all (400: a URI that cannot be decoded). */
    public HttpEdge malformedRequests(MalformedRequests handler) {
        this.malformed = handler;
        return this;
    }

    /** A handler that sees every request before anything else (the connection limits' request timer). */
    public HttpEdge first(Handler<RoutingContext> handler) {
        this.first = handler;
        return this;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return !installed;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.CamelContextEvent contextEvent) {
            install(contextEvent.getContext());
        }
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        install(context);
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        install(context);
        methods = collect(context);
        gate.open();
    }

    public boolean isOpen() {
        return gate.isOpen();
    }

    private synchronized void install(CamelContext context) {
        if (installed) {
            return;
        }
        VertxPlatformHttpRouter router = HttpServerCheck.mainRouter(context);
        if (router == null) {
            return;
        }
        router.route().order(-120).handler(correlationIds);
        if (first != null) {
            router.route().order(-110).handler(first);
        }
        router.route().order(-100).handler(gate);
        router.route().order(-90).handler(cors);
        for (Endpoint endpoint : endpoints) {
            router.route(endpoint.path()).method(endpoint.method()).order(-10).handler(endpoint.handler());
        }
        router.route().last().handler(fallbacks);
        router.route().failureHandler(failures);
        if (malformed != null) {
            // Vert.x calls a router's 400 error handler, if it has one, instead of logging the failure: the route
            // that fails to match is the main router's mount of Camel's sub-router, so both get it
            router.errorHandler(400, malformed);
            Router main = mainRouterOf(router);
            if (main != null) {
                main.errorHandler(400, malformed);
            }
        }
        installed = true;
    }

    /**
     * The Vert.x router the HTTP server hands requests to; Camel keeps it private (its platform-http routes live on a
     * sub-router mounted there). Null when this Camel version lays it out differently.
     */
    static Router mainRouterOf(VertxPlatformHttpRouter router) {
        try {
            Field field = VertxPlatformHttpServer.class.getDeclaredField("router");
            field.setAccessible(true);
            return router.getServer() == null ? null : (Router) field.get(router.getServer());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private EndpointMethods collect(CamelContext context) {
        EndpointMethods.Builder builder = EndpointMethods.builder();
        endpoints.forEach(endpoint -> builder.add(endpoint.path(), endpoint.method().name()));
        if (context != null && context.hasComponent("platform-http") instanceof PlatformHttpComponent http) {
            for (HttpEndpointModel model : http.getHttpEndpoints()) {
                builder.add(model.getUri(), model.getVerbs());
            }
        }
        return builder.build();
    }
}
