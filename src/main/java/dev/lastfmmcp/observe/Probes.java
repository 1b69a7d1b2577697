package dev.lastfmmcp.observe;

import java.util.List;
import java.util.Locale;

import dev.lastfmmcp.support.ClusterView;
import dev.lastfmmcp.web.Health;
import org.apache.camel.ServiceStatus;

/** The management server's checks that are plain values: the Camel context, the routes, a circuit breaker. */
public final class Probes {

    /** Route ids named in a "not started" detail, at most. */
    static final int NAMED_ROUTES = 5;

    private Probes() {
    }

    /** Liveness: the context runs (starting counts as alive: a probe must not kill a node that is booting). */
    public static Health.Check context(ServiceStatus status) {
        if (status == ServiceStatus.Started) {
            return Health.Check.up(null);
        }
        if (status == ServiceStatus.Starting || status == ServiceStatus.Initialized
            || status == ServiceStatus.Initializing) {
            return Health.Check.up(status.name().toLowerCase(Locale.ROOT));
        }
        return Health.Check.down(status.name());
    }

    /** Readiness: the context is started and so is every route. */
    public static Health.Check ready(ServiceStatus status) {
        return status == ServiceStatus.Started ? Health.Check.up(null) : Health.Check.down(status.name());
    }

    /** Readiness: every route started; else DOWN naming the first few that are not. */
    public static Health.Check routes(int total, List<String> notStarted) {
        if (total == 0) {
            return Health.Check.down("no routes");
        }
        if (notStarted.isEmpty()) {
            return Health.Check.up(total + " routes started");
        }
        String named = String.join(", ", notStarted.subList(0, Math.min(NAMED_ROUTES, notStarted.size())));
        return Health.Check.down(notStarted.size() + " of " + total + " routes not started: " + named
                + (notStarted.size() > NAMED_ROUTES ? ", ..." : ""));
    }

    /**
     * An upstream's circuit breaker (Resilience4j's state name, null when its route has not been built): open is
     * DEGRADED (the service answers, from the cache or with a clear error), never DOWN.
     */
    public static Health.Check breaker(String upstream, String state) {
        if (state == null) {
            return Health.Check.up("unknown");
        }
        String name = state.toLowerCase(Locale.ROOT).replace('_', '-');
        if (state.contains("OPEN") && !state.contains("HALF")) {
            return Health.Check.degraded(upstream + " circuit breaker " + name + " after repeated failures");
        }
        return Health.Check.up(name);
    }

    /**
     * Readiness: the cluster view (members, coordinator, this node) as the check's fields. Not clustered: UP. This
     * node not in its own view (not joined): DOWN. Fewer members in view than configured (a node is down or not yet
     * joined): DEGRADED, still ready (the survivors serve every session, sign-in and limit).
     */
    public static Health.Check cluster(ClusterView view) {
        Health.Check check;
        if (!view.clustered()) {
            check = Health.Check.up(view.describe());
        } else if (!view.members().contains(view.node())) {
            check = Health.Check.down("this node " + view.node() + " is not in the cluster view");
        } else if (!view.complete()) {
            check = Health.Check.degraded(view.describe());
        } else {
            check = Health.Check.up(view.describe());
        }
        return check.with(view.toMap());
    }
}
