package dev.lastfmmcp.observe;

import java.util.Collection;

import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpHttp;
import dev.lastfmmcp.mcp.McpRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.spi.CamelInternalProcessorAdvice;
import org.apache.camel.spi.InternalProcessor;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * Puts the {@link LogContext} on the thread of every route an exchange enters and takes it off when it leaves: an
 * advice on each route's own processor, added when the route is added (also a route loaded later). One advice per
 * route entry (a cached {@code tools/call} enters about ten routes), where camel-mdc wraps every processor and can
 * only read message headers or exchange properties (headers would go out with upstream HTTP calls).
 */
public class RouteLogContext extends LifecycleStrategySupport {

    private final LogContext context;

    public RouteLogContext(LogContext context) {
        this.context = context;
    }

    @Override
    public void onRoutesAdd(Collection<Route> routes) {
        for (Route route : routes) {
            if (route.getProcessor() instanceof InternalProcessor internal
                && internal.getAdvice(Advice.class) == null) {
                internal.addAdvice(new Advice(context, route.getRouteId()));
            }
        }
    }

    /** Sets the context before the route runs and restores the caller's route when it is done. */
    static final class Advice implements CamelInternalProcessorAdvice<String> {

        /** The state of the outermost route of a thread (nothing to restore but to clear). */
        private static final String FIRST = "";

        private final LogContext context;
        private final String routeId;

        Advice(LogContext context, String routeId) {
            this.context = context;
            this.routeId = routeId;
        }

        @Override
        public String before(Exchange exchange) {
            if (!context.isEnabled()) {
                return null;
            }
            Object mcp = exchange.getVariable("mcp");
            McpRequest request = mcp instanceof McpRequest r ? r : null;
            Object call = exchange.getVariable("call");
            String previous = context.enter(routeId, request, call instanceof McpCall c ? c : null,
                    request == null ? exchange.getMessage().getHeader(McpHttp.CORRELATION_HEADER, String.class)
                            : null);
            return previous == null ? FIRST : previous;
        }

        @Override
        public void after(Exchange exchange, String previous) {
            if (previous != null) {
                context.leave(FIRST.equals(previous) ? null : previous);
            }
        }
    }
}
