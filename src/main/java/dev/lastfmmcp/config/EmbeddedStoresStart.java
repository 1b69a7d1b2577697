package dev.lastfmmcp.config;

import java.util.concurrent.CompletableFuture;

import dev.lastfmmcp.support.Background;
import dev.lastfmmcp.support.Lazy;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.LifecycleStrategy;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.service.ServiceSupport;
import org.infinispan.manager.EmbeddedCacheManager;

/**
 * The embedded stores' start: their caches are defined on a thread of their own from the moment Camel initialises the
 * context, while it builds the routes (a cluster node joins when the service starts); the server waits for them
 * before it says it is ready, and stops them when it stops. A context that is only configured, never initialised,
 * builds nothing.
 */
final class EmbeddedStoresStart extends ServiceSupport {

    private final Lazy<EmbeddedCacheManager> manager;
    private final boolean clustered;
    private CompletableFuture<EmbeddedCacheManager> building;

    /**
     * @param clustered a cluster node joins when the service starts, not beside the route building: JGroups'
     *                  discovery competing with it for the CPU let two nodes started together each form a cluster of
     *                  its own (merged only tens of seconds later)
     */
    EmbeddedStoresStart(Lazy<EmbeddedCacheManager> manager, boolean clustered) {
        this.manager = manager;
        this.clustered = clustered;
    }

    /** Begins the build when the context starts initialising (not clustered). */
    LifecycleStrategy beginWhenInitialising() {
        return new LifecycleStrategySupport() {
            @Override
            public void onContextInitializing(CamelContext context) {
                if (!clustered) {
                    begin();
                }
            }
        };
    }

    /** Whether the build has begun. */
    synchronized boolean begun() {
        return building != null;
    }

    private synchronized CompletableFuture<EmbeddedCacheManager> begin() {
        if (building == null) {
            building = Background.start("infinispan-stores", manager);
        }
        return building;
    }

    @Override
    protected void doStart() {
        Background.await(begin());
    }

    @Override
    protected void doStop() {
        CompletableFuture<EmbeddedCacheManager> started;
        synchronized (this) {
            started = building;
        }
        if (started != null) {
            // still being built (a start that failed before this service started): stopped once built, before this
            // returns, so its JMX domain and file stores are free for the next start
            started.handle((built, failure) -> null).join();
        }
        manager.ifBuilt(EmbeddedCacheManager::stop);
    }
}
