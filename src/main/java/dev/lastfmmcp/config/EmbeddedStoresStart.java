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
 * The embedded stores' start: their caches are defined (and a cluster node joins) on a thread of their own from the
 * moment Camel initialises the context, while it builds the routes; the server waits for them before it says it is
 * ready, and stops them when it stops. A context that is only configured, never initialised, builds nothing.
 */
final class EmbeddedStoresStart extends ServiceSupport {

    private final Lazy<EmbeddedCacheManager> manager;
    private CompletableFuture<EmbeddedCacheManager> building;

    EmbeddedStoresStart(Lazy<EmbeddedCacheManager> manager) {
        this.manager = manager;
    }

    /** Begins the build when the context starts initialising. */
    LifecycleStrategy beginWhenInitialising() {
        return new LifecycleStrategySupport() {
            @Override
            public void onContextInitializing(CamelContext context) {
                begin();
            }
        };
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
