package dev.lastfmmcp.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.lastfmmcp.support.Lazy;
import org.infinispan.lifecycle.ComponentStatus;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;
import org.junit.jupiter.api.Test;

/**
 * A single node's stores are built on their own thread from the context's initialisation (beside the route building);
 * a cluster node's only when the service starts; either way the start waits for them and the stop stops them.
 */
class EmbeddedStoresStartTest {

    @Test
    void aSingleNodeBuildsBesideTheRoutesAClusterNodeWhenItStarts() throws Exception {
        for (boolean clustered : new boolean[] {false, true}) {
            AtomicInteger builds = new AtomicInteger();
            AtomicReference<String> thread = new AtomicReference<>();
            Lazy<EmbeddedCacheManager> manager = new Lazy<>(() -> {
                builds.incrementAndGet();
                thread.set(Thread.currentThread().getName());
                return new DefaultCacheManager();
            });
            EmbeddedStoresStart stores = new EmbeddedStoresStart(manager, clustered);
            assertThat(stores.begun()).isFalse();
            stores.beginWhenInitialising().onContextInitializing(null);
            assertThat(stores.begun()).as("clustered: %s", clustered).isEqualTo(!clustered);
            stores.start();
            assertThat(stores.begun()).isTrue();
            assertThat(builds).hasValue(1);
            assertThat(thread.get()).isEqualTo("infinispan-stores");
            EmbeddedCacheManager built = manager.get();
            assertThat(built.getStatus()).isEqualTo(ComponentStatus.RUNNING);
            stores.stop();
            assertThat(built.getStatus()).isEqualTo(ComponentStatus.TERMINATED);
        }
    }
}
