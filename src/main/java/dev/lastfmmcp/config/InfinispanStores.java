package dev.lastfmmcp.config;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import org.infinispan.commons.executors.ThreadPoolExecutorFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.grid.infinispan.serialization.Bucket4jProtobufContextInitializer;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.lifecycle.ComponentStatus;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;
import dev.lastfmmcp.support.Background;
import dev.lastfmmcp.support.ClusterView;
import dev.lastfmmcp.web.Health;
import org.infinispan.remoting.transport.Address;

/**
 * The embedded Infinispan cache manager and the caches this server keeps in it. Every cache holds JSON strings, so
 * the same caches can later be clustered (or moved to a remote Infinispan) without a marshalling change.
 */
public final class InfinispanStores {

    public static final String SESSIONS = "mcp-sessions";
    public static final String AUDIT = "mcp-audit";
    /** Sign-ins (id hash -> user and sealed session key), persisted under the data directory. */
    public static final String SIGN_INS = "mcp-signins";
    /** Last.fm tokens already exchanged for a session (hashes), so a token is used once. */
    public static final String USED_TOKENS = "mcp-signin-tokens";
    /** OAuth clients registered through RFC 7591 (JSON strings keyed by client id), persisted like the sign-ins. */
    public static final String OAUTH_CLIENTS = "mcp-oauth-clients";
    /** OAuth token families, access and refresh tokens (hashed), persisted like the sign-ins. */
    public static final String OAUTH_TOKENS = "mcp-oauth-tokens";
    /** OAuth authorization transactions, codes and used-code markers: in memory, short-lived. */
    public static final String OAUTH_PENDING = "mcp-oauth-pending";
    /** Rate-limit token buckets (Bucket4j state, byte[]), only in a cluster: one node keeps them in memory. */
    public static final String RATE_BUCKETS = "mcp-rate-buckets";
    private static final String NAME = "lastfm-mcp";

    private InfinispanStores() {
    }

    /**
     * A new cache's configuration, the one every cache here starts from: a synchronous write waits
     * {@link ClusterTransport#REMOTE_TIMEOUT} for the other members' answers (unused by a local cache), set rather than
     * left to Infinispan's default, because the failure timeout's bound ({@link ClusterTransport}) rests on it.
     */
    static ConfigurationBuilder cache() {
        ConfigurationBuilder builder = new ConfigurationBuilder();
        builder.clustering().remoteTimeout(ClusterTransport.REMOTE_TIMEOUT.toMillis());
        return builder;
    }

    /** Health: the manager runs and every cache takes requests. */
    public static Health.Check check(EmbeddedCacheManager manager) {
        if (manager.getStatus() != ComponentStatus.RUNNING) {
            return Health.Check.down("cache manager " + manager.getStatus());
        }
        for (String cache : manager.getCacheNames().stream().sorted().toList()) {
            if (!manager.getCache(cache).getStatus().allowInvocations()) {
                return Health.Check.down("cache " + cache + " " + manager.getCache(cache).getStatus());
            }
        }
        return Health.Check.up(null);
    }

    /**
     * @param reaperInterval how often expired entries are purged (and expiry events fire, which end GET streams and
     *                       subscriptions of idle sessions)
     */
    /**
     * @param maxSessions     the session cache's backstop count; sessions are refused ({@code SessionQuota}) before
     * @param auditMaxEntries records kept; the oldest make room for new ones
     */
    public record Limits(Duration sessionIdleTimeout, long maxSessions, Duration auditTtl, long auditMaxEntries,
            Duration reaperInterval) {
    }

    /** The manager started ahead by {@link #prestart()}, if any. */
    private static volatile CompletableFuture<EmbeddedCacheManager> prestarted;

    /**
     * Starts the cache manager on a background thread while Camel boots (it is the slowest part of start-up); the
     * configuration picks it up with {@link #start}.
     */
    public static void prestart() {
        prestarted = Background.start("infinispan-start", InfinispanStores::newManager);
    }

    /**
     * Stops the manager started ahead, if any, without waiting for it: the stores are elsewhere
     * ({@code INFINISPAN_HOSTS}).
     */
    public static void discardPrestarted() {
        CompletableFuture<EmbeddedCacheManager> ahead = prestarted;
        prestarted = null;
        if (ahead != null) {
            ahead.thenAccept(EmbeddedCacheManager::stop);
        }
    }

    private static EmbeddedCacheManager newManager() {
        return newManager(ClusterTransport.off());
    }

    /**
     * A started manager: not clustered, or (cluster on) joined to the members over JGroups TCP on the bind address.
     * Every value is a JSON string, which ProtoStream (the only marshaller on the wire) carries as is.
     */
    static EmbeddedCacheManager newManager(ClusterTransport cluster) {
        GlobalConfigurationBuilder global = cluster.enabled()
                ? GlobalConfigurationBuilder.defaultClusteredBuilder()
                : new GlobalConfigurationBuilder().nonClusteredDefault();
        global.cacheManagerName(NAME);
        // JDK thread pools for the blocking work (the file store of the sign-ins): Infinispan's default builds a
        // JBoss Threads executor, whose class initialisation calls sun.misc.Unsafe and makes JDK 24+ print warnings
        global.blockingThreadPool().threadPoolFactory(new JdkBlockingPool());
        global.jmx().enabled(true).domain("org.infinispan." + NAME + (cluster.enabled() ? "." + cluster.port() : ""));
        // no Micrometer meters of Infinispan's own: with Micrometer on the class path it builds a Prometheus registry
        // of its own that nothing scrapes, and binds the JVM's meters to it again (the caches' statistics stay in JMX)
        global.metrics().gauges(false).histograms(false);
        if (cluster.enabled()) {
            global.transport().clusterName(ClusterTransport.CLUSTER_NAME).nodeName(cluster.name())
                    .addProperty(JGroupsTransport.CONFIGURATION_STRING, cluster.jgroupsXml());
            // Bucket4j's commands and state cross the wire in its own ProtoStream schema
            global.serialization().addContextInitializer(new Bucket4jProtobufContextInitializer());
        }
        DefaultCacheManager manager = new DefaultCacheManager(global.build(), false);
        manager.start();
        return manager;
    }

    /** The started cache manager with this server's caches defined (a single embedded node). */
    public static EmbeddedCacheManager start(Limits limits) {
        return start(limits, ClusterTransport.off());
    }

    /**
     * The started cache manager with this server's caches defined. Clustered, the sessions are replicated (every
     * node holds each) and the audit log distributed with 2 owners (a record survives the loss of one node).
     */
    public static EmbeddedCacheManager start(Limits limits, ClusterTransport cluster) {
        CompletableFuture<EmbeddedCacheManager> ahead = prestarted;
        prestarted = null;
        EmbeddedCacheManager manager;
        if (!cluster.enabled()) {
            manager = ahead != null ? ahead.join() : newManager();
        } else {
            // the manager started ahead is not clustered (the settings are read after it started): replace it
            if (ahead != null) {
                ahead.join().stop();
            }
            manager = newManager(cluster);
        }
        boolean clustered = isClustered(manager);
        // Bounded by entry count: each entry is bounded in size (a session keeps at most max-capabilities-chars of
        // the client's capabilities, an audit record at most max-record-chars), so count x entry bound is the
        // bound in bytes. Infinispan's own size-based eviction is not used: its entry size calculator calls
        // sun.misc.Unsafe, which JDK 24+ warns about on every start.
        manager.defineConfiguration(SESSIONS, cache()
                .expiration().maxIdle(limits.sessionIdleTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .wakeUpInterval(limits.reaperInterval().toMillis(), TimeUnit.MILLISECONDS)
                .memory().maxCount(limits.maxSessions())
                .statistics().enable()
                .clustering().cacheMode(clustered ? CacheMode.REPL_SYNC : CacheMode.LOCAL)
                .build());
        ConfigurationBuilder audit = cache();
        audit.expiration().lifespan(limits.auditTtl().toMillis(), TimeUnit.MILLISECONDS)
                .wakeUpInterval(1, TimeUnit.MINUTES)
                .memory().maxCount(limits.auditMaxEntries())
                .statistics().enable();
        if (clustered) {
            audit.clustering().cacheMode(CacheMode.DIST_SYNC).hash().numOwners(2);
        }
        manager.defineConfiguration(AUDIT, audit.build());
        manager.getCache(SESSIONS);
        manager.getCache(AUDIT);
        return manager;
    }

    /**
     * Defines the sign-in caches: {@value #SIGN_INS} in memory (at most {@code inMemory} entries) and written through
     * to a soft-index file store in {@code dataDir/signins}, so sign-ins survive a restart; {@value #USED_TOKENS} in
     * memory only, for the hour a Last.fm token lives.
     */
    public static void defineSignIns(EmbeddedCacheManager manager, Path dataDir, long inMemory) {
        ConfigurationBuilder signIns = cache();
        signIns.expiration().wakeUpInterval(10, TimeUnit.MINUTES);
        signIns.memory().maxCount(inMemory);
        persisted(manager, signIns, dataDir.toAbsolutePath().resolve("signins"));
        signIns.statistics().enable();
        manager.defineConfiguration(SIGN_INS, signIns.build());
        manager.defineConfiguration(USED_TOKENS, cache()
                .expiration().lifespan(1, TimeUnit.HOURS).wakeUpInterval(1, TimeUnit.MINUTES)
                .memory().maxCount(100_000)
                .clustering().cacheMode(isClustered(manager) ? CacheMode.REPL_SYNC : CacheMode.LOCAL)
                .build());
        manager.getCache(SIGN_INS);
        manager.getCache(USED_TOKENS);
    }

    /**
     * Defines {@value #OAUTH_CLIENTS}: at most {@code inMemory} entries in memory, written through to a soft-index
     * file store in {@code dataDir/oauth-clients}, so a client's registration survives a restart (clients keep
     * their client id). Every entry has a lifespan (unused registrations expire sooner).
     */
    public static void defineOAuth(EmbeddedCacheManager manager, Path dataDir, long inMemory) {
        manager.defineConfiguration(OAUTH_CLIENTS, persisted(manager,
                dataDir.toAbsolutePath().resolve("oauth-clients"), inMemory));
        manager.defineConfiguration(OAUTH_TOKENS, persisted(manager,
                dataDir.toAbsolutePath().resolve("oauth-tokens"), inMemory * 4));
        manager.defineConfiguration(OAUTH_PENDING, cache()
                .expiration().wakeUpInterval(1, TimeUnit.MINUTES)
                .memory().maxCount(100_000)
                .clustering().cacheMode(isClustered(manager) ? CacheMode.REPL_SYNC : CacheMode.LOCAL)
                .build());
        manager.getCache(OAUTH_CLIENTS);
        manager.getCache(OAUTH_TOKENS);
        manager.getCache(OAUTH_PENDING);
    }

    private static org.infinispan.configuration.cache.Configuration persisted(EmbeddedCacheManager manager,
            Path store, long inMemory) {
        ConfigurationBuilder builder = cache();
        builder.expiration().wakeUpInterval(10, TimeUnit.MINUTES);
        builder.memory().maxCount(inMemory);
        persisted(manager, builder, store);
        builder.statistics().enable();
        return builder.build();
    }

    /**
     * What this node sees of the cluster: its view's members (by node name, in view order) and coordinator, and the
     * configured members. Not clustered: a single node named {@code MCP_NODE_NAME} (or "local").
     */
    public static ClusterView view(EmbeddedCacheManager manager, ClusterTransport cluster) {
        if (!isClustered(manager)) {
            return ClusterView.single(cluster.nodeName() == null || cluster.nodeName().isBlank() ? "local"
                    : cluster.nodeName().trim());
        }
        List<Address> members = manager.getStatus() == ComponentStatus.RUNNING ? manager.getMembers() : null;
        Address coordinator = members == null ? null : manager.getCoordinator();
        return new ClusterView(true, cluster.name(), coordinator == null ? null : coordinator.toString(),
                members == null ? List.of() : members.stream().map(Object::toString).toList(),
                cluster.initialHosts().size());
    }

    /** Whether the manager has a transport (MCP_CLUSTER=true). */
    public static boolean isClustered(EmbeddedCacheManager manager) {
        return manager.getCacheManagerConfiguration().isClustered();
    }

    /**
     * Written through to a soft-index file store in {@code store}. Clustered, the cache is replicated; a node that
     * joins running members empties its own store first and takes their state (what it has on disk may be stale: a
     * sign-out while it was down would come back), a node that finds no member keeps its store (a whole-cluster
     * restart keeps what the first node had).
     */
    private static void persisted(EmbeddedCacheManager manager, ConfigurationBuilder builder, Path store) {
        boolean clustered = isClustered(manager);
        boolean joinsOthers = clustered && manager.getMembers() != null && manager.getMembers().size() > 1;
        builder.persistence().passivation(false).addSoftIndexFileStore()
                .dataLocation(store.resolve("data").toString())
                .indexLocation(store.resolve("index").toString())
                .preload(false)
                .shared(false)
                .purgeOnStartup(joinsOthers);
        if (clustered) {
            builder.clustering().cacheMode(CacheMode.REPL_SYNC);
        }
    }

    /**
     * Defines {@value #RATE_BUCKETS}, replicated (synchronous: a consumption is seen by every node before it returns).
     * A bucket idle for longer than its longest window is full again, so it expires then.
     */
    public static void defineRateBuckets(EmbeddedCacheManager manager, Duration longestWindow) {
        manager.defineConfiguration(RATE_BUCKETS, cache()
                .expiration().maxIdle(longestWindow.plusMinutes(1).toMillis(), TimeUnit.MILLISECONDS)
                .wakeUpInterval(1, TimeUnit.MINUTES)
                .clustering().cacheMode(CacheMode.REPL_SYNC)
                .statistics().enable()
                .build());
        manager.getCache(RATE_BUCKETS);
    }

    /** The blocking pool as a plain JDK executor: up to 16 threads, a bounded queue, idle threads end. */
    static final class JdkBlockingPool implements ThreadPoolExecutorFactory<ExecutorService> {

        @Override
        public ExecutorService createExecutor(ThreadFactory factory) {
            ThreadPoolExecutor executor = new ThreadPoolExecutor(16, 16, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(5_000), factory);
            executor.allowCoreThreadTimeOut(true);
            return executor;
        }

        @Override
        public void validate() {
            // nothing to check: fixed sizes
        }
    }
}
