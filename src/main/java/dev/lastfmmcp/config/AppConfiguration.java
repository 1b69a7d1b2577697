package dev.lastfmmcp.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.lastfmmcp.edge.HttpServerCheck;
import dev.lastfmmcp.support.Background;
import dev.lastfmmcp.support.ClusterView;
import dev.lastfmmcp.support.FingerprintMemo;
import dev.lastfmmcp.support.Lazy;
import dev.lastfmmcp.upstream.UserAgents;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.lastfmmcp.audit.AuditRecords;
import dev.lastfmmcp.edge.EdgeReplies;
import dev.lastfmmcp.edge.ConnectionLimits;
import dev.lastfmmcp.edge.HttpEdge;
import dev.lastfmmcp.edge.MalformedRequests;
import dev.lastfmmcp.edge.RateLimitedLog;
import dev.lastfmmcp.edge.HttpServerVertx;
import io.vertx.core.Vertx;
import dev.lastfmmcp.audit.AuditSender;
import dev.lastfmmcp.audit.Redactor;
import dev.lastfmmcp.completion.Completions;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.lastfm.CacheStatistics;
import dev.lastfmmcp.lastfm.DataClass;
import dev.lastfmmcp.lastfm.LastfmCaches;
import dev.lastfmmcp.lastfm.LastfmCalls;
import dev.lastfmmcp.lastfm.LastfmErrors;
import dev.lastfmmcp.lastfm.LastfmKeyStatus;
import dev.lastfmmcp.lastfm.LastfmNormalizer;
import dev.lastfmmcp.lastfm.SingleFlight;
import dev.lastfmmcp.musicbrainz.Enrichment;
import dev.lastfmmcp.musicbrainz.EnrichmentCache;
import dev.lastfmmcp.musicbrainz.MusicBrainzCalls;
import dev.lastfmmcp.musicbrainz.MusicBrainzMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lastfmmcp.mcp.HttpGuard;
import dev.lastfmmcp.support.Resources;
import dev.lastfmmcp.support.ResultMemo;
import dev.lastfmmcp.mcp.Lifecycle;
import dev.lastfmmcp.mcp.BatchResponses;
import dev.lastfmmcp.mcp.McpIntake;
import dev.lastfmmcp.mcp.McpReplies;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.SessionBinding;
import dev.lastfmmcp.oauth.AuthorizationServer;
import dev.lastfmmcp.oauth.BearerChallenge;
import dev.lastfmmcp.oauth.ClientMetadataDocuments;
import dev.lastfmmcp.oauth.ClientRegistry;
import dev.lastfmmcp.oauth.RegistrationLimiter;
import dev.lastfmmcp.oauth.OAuthMetadata;
import dev.lastfmmcp.oauth.Scopes;
import dev.lastfmmcp.mcp.ClientRequests;
import dev.lastfmmcp.mcp.InFlightRequests;
import dev.lastfmmcp.mcp.McpMessages;
import dev.lastfmmcp.mcp.Progress;
import dev.lastfmmcp.mcp.ServerIdentity;
import dev.lastfmmcp.mcp.StatelessEra;
import dev.lastfmmcp.stateless.StatelessResults;
import dev.lastfmmcp.mcp.RequestStates;
import dev.lastfmmcp.prompts.PromptQuestions;
import dev.lastfmmcp.tools.ToolQuestions;
import dev.lastfmmcp.tools.conformance.ConformanceTools;
import dev.lastfmmcp.mcp.SessionQuota;
import dev.lastfmmcp.mcp.SessionStore;
import dev.lastfmmcp.prompts.PromptCatalogue;
import dev.lastfmmcp.resources.ResourceCatalogue;
import dev.lastfmmcp.resources.ResourceReads;
import dev.lastfmmcp.stream.GetStreamHandler;
import dev.lastfmmcp.stream.LegacySseHandler;
import dev.lastfmmcp.stream.McpLog;
import dev.lastfmmcp.stream.RemoteSessionEnds;
import dev.lastfmmcp.stream.SessionEndListener;
import dev.lastfmmcp.audit.AuditStore;
import dev.lastfmmcp.stream.SessionStreams;
import dev.lastfmmcp.stream.SseReplies;
import dev.lastfmmcp.stream.StreamKeepAlive;
import dev.lastfmmcp.resources.Subscriptions;
import dev.lastfmmcp.tools.ServerTools;
import dev.lastfmmcp.tools.artists.ArtistTools;
import dev.lastfmmcp.tools.users.UserTools;
import dev.lastfmmcp.tools.albums.AlbumTools;
import dev.lastfmmcp.tools.charts.ChartTools;
import dev.lastfmmcp.tools.search.SearchTools;
import dev.lastfmmcp.tools.tags.TagTools;
import dev.lastfmmcp.tools.tracks.TrackTools;
import dev.lastfmmcp.tools.insights.AuthStatusTool;
import dev.lastfmmcp.tools.writes.WriteConfirmations;
import dev.lastfmmcp.tools.writes.WriteTools;
import dev.lastfmmcp.tools.insights.CompareUsersTool;
import dev.lastfmmcp.tools.insights.FanOut;
import dev.lastfmmcp.tools.insights.InsightSettings;
import dev.lastfmmcp.tools.insights.ListeningStatsTool;
import dev.lastfmmcp.tools.insights.Period;
import dev.lastfmmcp.tools.insights.RecommendationTool;
import dev.lastfmmcp.tools.ToolArguments;
import dev.lastfmmcp.tools.ToolCatalogue;
import dev.lastfmmcp.tools.ToolSlots;
import dev.lastfmmcp.tools.ToolResults;
import dev.lastfmmcp.tools.UpstreamSettings;
import dev.lastfmmcp.upstream.Pacer;
import dev.lastfmmcp.ratelimit.BucketStore;
import dev.lastfmmcp.ratelimit.HotRodBuckets;
import dev.lastfmmcp.ratelimit.InfinispanBuckets;
import dev.lastfmmcp.ratelimit.RateLimits;
import dev.lastfmmcp.signin.EncryptionKeys;
import dev.lastfmmcp.signin.SecretBox;
import dev.lastfmmcp.signin.SignInRejections;
import dev.lastfmmcp.signin.SignIns;
import dev.lastfmmcp.web.Health;
import dev.lastfmmcp.tools.ToolScopes;
import dev.lastfmmcp.web.OAuthEndpoints;
import dev.lastfmmcp.web.SignInFlow;
import dev.lastfmmcp.web.SignInPages;
import dev.lastfmmcp.mcp.ProtocolVersions;
import dev.lastfmmcp.observe.ManagementInfo;
import dev.lastfmmcp.observe.ManagementServer;
import dev.lastfmmcp.observe.Probes;
import org.apache.camel.component.platform.http.plugin.DefaultJolokiaPlatformHttpPlugin;
import dev.lastfmmcp.observe.AuditEndpoints;
import dev.lastfmmcp.observe.AuditQuery;
import dev.lastfmmcp.observe.JvmMeters;
import dev.lastfmmcp.observe.LabelledCounters;
import dev.lastfmmcp.observe.LogContext;
import dev.lastfmmcp.observe.PacerMeters;
import dev.lastfmmcp.observe.McpMeters;
import dev.lastfmmcp.observe.RouteLogContext;
import dev.lastfmmcp.observe.ServiceGauges;
import dev.lastfmmcp.observe.SharedMBeanInfo;
import dev.lastfmmcp.lastfm.LastfmMeters;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerRouteEventNotifier;
import dev.lastfmmcp.web.HealthChecks;
import dev.lastfmmcp.web.LandingPage;
import dev.lastfmmcp.web.ServerCard;
import dev.lastfmmcp.web.WebPages;
import io.vertx.core.http.HttpMethod;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.commons.api.BasicCache;
import org.infinispan.manager.EmbeddedCacheManager;
import org.slf4j.LoggerFactory;

/**
 * Binds every bean the routes use, by name, from the properties in {@code application.properties}. The one place
 * where configuration keys are read.
 */
public class AppConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        // bean steps, bean expressions and Simple paths on variables bound once, without copying the exchange
        DirectBeans.install(context);
        Settings settings = new Settings(key -> context.getPropertiesComponent().resolveProperty(key));
        // after Camel Main applied camel.main.*, before any route is created (that is when MBeans are registered)
        org.apache.camel.spi.ManagementAgent agent = context.getManagementStrategy().getManagementAgent();
        if (agent != null) {
            agent.setMBeansLevel(StepStatistics.mbeansLevel(settings.string("mcp.jmx.step-statistics"),
                    settings.bool("mcp.jolokia.enabled")));
            // each managed class's MBeanInfo built once, not once per MBean
            context.getCamelContextExtension().setManagementMBeanAssembler(new SharedMBeanInfo(context));
        }
        Registry registry = context.getRegistry();
        Clock clock = Clock.systemUTC();
        // one registry for Camel's route timers and ours: camel-micrometer-prometheus (camel.metrics.enabled) has
        // bound it under this name before this runs; without it, ours is bound for Camel to find
        PrometheusMeterRegistry meterRegistry = registry.lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME,
                PrometheusMeterRegistry.class);
        if (meterRegistry == null) {
            meterRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry.bind(MicrometerConstants.METRICS_REGISTRY_NAME, meterRegistry);
        }
        PrometheusMeterRegistry meters = meterRegistry;
        // the JVM's own meters (memory, GC, threads, CPU, uptime), unbound from the GC when the context stops
        JvmMeters jvmMeters = JvmMeters.bindTo(meters);
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                jvmMeters.close();
            }
        }, true, true);
        // every log line of an exchange: correlation id, route, MCP method and tool, session and user fingerprints
        // one memo of session and user fingerprints for the log lines and the audit records
        FingerprintMemo fingerprints = new FingerprintMemo(FingerprintMemo.DEFAULT_MAX_ENTRIES);
        LogContext logContext = new LogContext(fingerprints);
        registry.bind("logContext", logContext);
        context.addLifecycleStrategy(new RouteLogContext(logContext));
        ObjectMapper mapper = objectMapper();
        // the MCP surface (the tool, resource and prompt catalogues: their YAML read, their schemas put together)
        // loads on a thread of its own while the beans below are built. The conformance profile
        // (MCP_CONFORMANCE_FIXTURES=true, never in production) adds the official suite's fixture tools, resources and
        // prompts, as catalogue entries and routes like any other.
        int pageSize = settings.integer("mcp.page-size");
        boolean conformance = settings.bool("mcp.conformance-fixtures");
        String defaultUser = settings.string("mcp.default-user");
        CompletableFuture<Surface> surface = Background.start("mcp-surface",
                () -> Surface.load(mapper, pageSize, conformance, defaultUser));
        ServerIdentity loaded = ServerIdentity.load();
        String projectUrl = settings.string("mcp.project-url");
        ServerIdentity identity = new ServerIdentity(loaded.name(), loaded.title(), loaded.version(),
                loaded.description(), projectUrl.isEmpty() ? null : projectUrl);

        // --- stores (embedded Infinispan, started on a background thread; joined on first use) ---
        Path dataDir = Path.of(settings.string("mcp.data-dir"));
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir.toAbsolutePath()
                                           + " (MCP_DATA_DIR)", e);
        }
        SecretBox secretBox = EncryptionKeys.load(settings.string("mcp.encryption-key"),
                settings.string("mcp.encryption-key-previous"), dataDir);
        Duration reaperInterval = settings.duration("mcp.session.reaper-interval");
        InfinispanStores.Limits limits = new InfinispanStores.Limits(
                settings.duration("mcp.session.idle-timeout"),
                // a backstop above the quota: live sessions are refused long before any is evicted
                2L * settings.integer("mcp.session.max-sessions"),
                settings.duration("mcp.audit.ttl"),
                settings.longValue("mcp.audit.max-entries"),
                reaperInterval);
        SessionQuota quota = new SessionQuota(settings.integer("mcp.session.max-sessions"),
                settings.integer("mcp.session.max-per-client"), reaperInterval.toSeconds());
        SessionStreams streams = new SessionStreams(settings.integer("mcp.stream.replay-buffer"));
        registry.bind("sessionStreams", streams);
        List<Consumer<String>> onSessionEnd = new CopyOnWriteArrayList<>();
        onSessionEnd.add(streams::sessionEnded);
        onSessionEnd.add(quota::release);
        ClusterTransport cluster = new ClusterTransport(settings.bool("mcp.cluster.enabled"),
                settings.string("mcp.cluster.bind"), settings.integer("mcp.cluster.port"),
                settings.string("mcp.cluster.members"), settings.string("mcp.cluster.node-name"),
                settings.duration("mcp.cluster.join-timeout"), settings.duration("mcp.cluster.failure-timeout"));
        // the stores: embedded Infinispan (alone, or clustered with MCP_CLUSTER), or an Infinispan Server cluster over
        // Hot Rod (INFINISPAN_HOSTS); every store reads and writes its cache through the same BasicCache interface
        RemoteStores remote = new RemoteStores(settings.string("mcp.infinispan.hosts"),
                settings.string("mcp.infinispan.username"), settings.string("mcp.infinispan.password"),
                settings.duration("mcp.infinispan.timeout"));
        remote.checkNotBoth(cluster);
        Lazy<EmbeddedCacheManager> cacheManager = new Lazy<>(() -> {
            EmbeddedCacheManager manager = InfinispanStores.start(limits, cluster);
            InfinispanStores.defineSignIns(manager, dataDir, settings.longValue("mcp.signin.max-in-memory"));
            InfinispanStores.defineOAuth(manager, dataDir, settings.longValue("mcp.oauth.clients.max-in-memory"));
            if (cluster.enabled()) {
                InfinispanStores.defineRateBuckets(manager, Duration.ofHours(1));
            }
            manager.getCache(InfinispanStores.SESSIONS).addListener(new SessionEndListener(onSessionEnd));
            return manager;
        });
        // the client connects on its first operation; a server that is not there fails that operation, not this
        Lazy<RemoteCacheManager> remoteManager = new Lazy<>(() -> remote.start(RemoteStores.declarations(limits,
                settings.longValue("mcp.signin.max-in-memory"), settings.longValue("mcp.oauth.clients.max-in-memory"),
                Duration.ofHours(1))));
        // each embedded cache looked up once, not on every session read and audit write (the manager's lookup goes
        // through a map, a future and a permission check each time)
        Map<String, BasicCache<String, String>> embedded = new java.util.concurrent.ConcurrentHashMap<>();
        Function<String, BasicCache<String, String>> caches = remote.enabled()
                ? RemoteStores.caches(remoteManager, new RemoteSessionEnds(onSessionEnd))
                : name -> embedded.computeIfAbsent(name, n -> cacheManager.get().<String, String> getCache(n));
        if (remote.enabled()) {
            // the Hot Rod client connects on its first operation
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    remoteManager.ifBuilt(RemoteCacheManager::stop);
                }
            }, true, true);
            InfinispanStores.discardPrestarted();
        } else {
            // built beside the routes, up before the server says it is ready
            EmbeddedStoresStart stores = new EmbeddedStoresStart(cacheManager, cluster.enabled());
            context.addLifecycleStrategy(stores.beginWhenInitialising());
            context.addService(stores, true, true);
            // looked up by tests that read the embedded caches
            registry.bind("infinispanCacheManager", EmbeddedCacheManager.class, cacheManager::get);
        }
        registry.bind("auditStore", new AuditStore(() -> caches.apply(InfinispanStores.AUDIT)));
        SessionStore sessions = new SessionStore(() -> caches.apply(InfinispanStores.SESSIONS), mapper, clock, quota);

        // --- HTTP and protocol ---
        String bindHost = settings.string("camel.server.host");
        int port = settings.integer("camel.server.port");
        StartupReport startupReport = new StartupReport(bindHost);
        startupReport.warnAboutConfiguration(settings.string("lastfm.api-key"));
        registry.bind(StartupReport.BEAN, startupReport);
        PublicUrl publicUrl = new PublicUrl(settings.string("mcp.public-base-url"), bindHost,
                () -> HttpServerCheck.listeningPort(context));
        HttpGuard guard = new HttpGuard(HttpGuard.list(settings.string("mcp.allowed-origins")),
                HttpGuard.list(settings.string("mcp.allowed-hosts")), HttpGuard.isLoopbackAddress(bindHost));
        JsonRpcCodec codec = new JsonRpcCodec(mapper);
        SignIns signIns = new SignIns(() -> caches.apply(InfinispanStores.SIGN_INS),
                secretBox, mapper, clock, settings.duration("mcp.signin.ttl"));
        SignInFlow.Settings signInSettings = new SignInFlow.Settings(settings.string("lastfm.api-key"),
                settings.optional("lastfm.shared-secret").isPresent(), settings.string("mcp.signin.auth-url"),
                settings.duration("mcp.signin.state-max-age"));
        SignInFlow signInFlow = new SignInFlow(signInSettings, publicUrl::base, signIns,
                () -> caches.apply(InfinispanStores.USED_TOKENS),
                new SignInPages(identity.title()), mapper);
        registry.bind("signIns", signIns);
        registry.bind("signInFlow", signInFlow);
        RateLimits.Settings rateSettings = new RateLimits.Settings(
                settings.longValue("mcp.rate-limit.per-minute"), settings.longValue("mcp.rate-limit.per-hour"),
                HttpGuard.list(settings.string("mcp.rate-limit.trusted-proxies")),
                settings.longValue("mcp.rate-limit.max-identities"),
                settings.bool("mcp.rate-limit.exempt-loopback"));
        // in a cluster or on remote servers the buckets are shared (one limit for all nodes); alone they are in memory
        BucketStore buckets = remote.enabled()
                ? new HotRodBuckets(() -> remoteManager.get().<String, byte[]> getCache(InfinispanStores.RATE_BUCKETS))
                : cluster.enabled()
                        ? new InfinispanBuckets(
                                () -> cacheManager.get().<String, byte[]> getCache(InfinispanStores.RATE_BUCKETS))
                        : BucketStore.local(rateSettings.maxIdentities());
        registry.bind("rateLimits", new RateLimits(rateSettings, buckets));
        // a sign-out ends the MCP sessions of that sign-in at once (and with them their streams and subscriptions)
        signInFlow.onSignOut(sessions::deleteSignedIn);
        // web sign-ins by outcome and why they failed, registered up front so the alert rules and the README table
        // always see them
        signInFlow.countOutcomes(LabelledCounters.register(meters, "mcp_signins_total", "Web sign-in steps by outcome",
                "outcome", List.of("started", "succeeded", "refused", "failed", "signed-out")));
        signInFlow.countFailures(LabelledCounters.register(meters, "mcp_signin_failures_total",
                "Web sign-ins refused before Last.fm or failed at Last.fm, by reason", "reason",
                SignInFlow.FAILURE_REASONS));
        OAuthMetadata oauthMetadata = new OAuthMetadata(publicUrl::base, identity.title(), mapper);
        registry.bind("oauthMetadata", oauthMetadata);
        ClientRegistry oauthClients = new ClientRegistry(
                () -> caches.apply(InfinispanStores.OAUTH_CLIENTS), mapper, clock,
                new ClientRegistry.Settings(settings.integer("mcp.oauth.register.max-body-bytes"),
                        settings.duration("mcp.oauth.clients.unused-ttl"), settings.duration("mcp.oauth.clients.ttl")));
        ClientMetadataDocuments.Settings documentSettings = new ClientMetadataDocuments.Settings(
                settings.duration("mcp.oauth.client-metadata.timeout"),
                settings.integer("mcp.oauth.client-metadata.max-bytes"),
                settings.duration("mcp.oauth.client-metadata.min-cache-age"),
                settings.duration("mcp.oauth.client-metadata.max-cache-age"),
                settings.bool("mcp.oauth.client-metadata.allow-loopback"));
        ClientMetadataDocuments clientDocuments = new ClientMetadataDocuments(
                () -> caches.apply(InfinispanStores.OAUTH_PENDING), oauthClients,
                mapper, clock, documentSettings, ClientMetadataDocuments.http(documentSettings.timeout()),
                java.net.InetAddress::getAllByName);
        AuthorizationServer oauthServer = new AuthorizationServer(oauthClients, clientDocuments, oauthMetadata,
                () -> caches.apply(InfinispanStores.OAUTH_PENDING),
                () -> caches.apply(InfinispanStores.OAUTH_TOKENS), secretBox, mapper,
                clock, new AuthorizationServer.Settings(settings.duration("mcp.oauth.authorize-ttl"),
                        settings.duration("mcp.oauth.code-ttl"), settings.duration("mcp.oauth.access-ttl"),
                        settings.duration("mcp.oauth.refresh-ttl")), signInId -> signIns.find(signInId).isPresent());
        OAuthEndpoints oauthEndpoints = new OAuthEndpoints(oauthClients, new RegistrationLimiter(
                settings.integer("mcp.oauth.register.max-per-address"), settings.duration("mcp.oauth.register.window")),
                oauthServer, signIns, signInSettings, publicUrl::base,
                () -> caches.apply(InfinispanStores.USED_TOKENS),
                new SignInPages(identity.title()), mapper, settings.integer("mcp.oauth.max-form-bytes"));
        oauthEndpoints.countTokens(LabelledCounters.register(meters, "mcp_oauth_tokens_total",
                "OAuth token endpoint answers: tokens issued for a code, refreshed, refused; revocations", "outcome",
                List.of("issued", "refreshed", "refused", "revoked")));
        registry.bind("oauthEndpoints", oauthEndpoints);
        BearerChallenge bearerChallenge = new BearerChallenge(oauthMetadata::protectedResourceMetadataUrl);
        registry.bind("toolScopes", new ToolScopes(bearerChallenge));
        SessionBinding sessionBinding = new SessionBinding(sessions, streams, codec, signIns, signInFlow::loginUrl,
                new SessionBinding.Access(settings.bool("mcp.auth.required"), bearerChallenge,
                        token -> oauthServer.resolve(token).flatMap(grant -> signIns.find(grant.signInId())
                                .map(signIn -> Caller.oauth(signIn, grant.clientName(), grant.clientId(),
                                        grant.scopes())))));
        HttpServerCheck serverCheck = new HttpServerCheck(bindHost, port);
        serverCheck.checkBindable();
        context.addStartupListener(serverCheck);
        AuditSender audit = new AuditSender(context);
        EdgeReplies edgeReplies = new EdgeReplies(codec, clock, audit);
        HttpEdge edge = new HttpEdge(edgeReplies, guard, settings.longValue("camel.server.maxBodySize"),
                settings.duration("mcp.cors.max-age").toSeconds(), List.of(
                        new HttpEdge.Endpoint("/mcp", HttpMethod.GET, new GetStreamHandler(guard, sessionBinding, streams,
                                edgeReplies, settings.longValue("mcp.stream.retry-ms"))),
                        new HttpEdge.Endpoint("/sse", HttpMethod.GET,
                                new LegacySseHandler(guard, sessions, streams, edgeReplies))));
        // Camel's HTTP server runs on this Vert.x: its worker pool size and the connection limits are ours
        ConnectionLimits connectionLimits = new ConnectionLimits(new ConnectionLimits.Settings(
                settings.duration("mcp.http.idle-timeout"),
                settings.duration("mcp.http.header-timeout"),
                settings.duration("mcp.http.body-timeout"),
                settings.integer("mcp.http.max-connections"),
                settings.integer("mcp.http.max-connections-per-client")));
        MalformedRequests malformedRequests = new MalformedRequests(edgeReplies, new RateLimitedLog(
                LoggerFactory.getLogger(MalformedRequests.class),
                settings.duration("mcp.http.rejection-log-interval")));
        HttpServerVertx.Workers workers = new HttpServerVertx.Workers(settings.integer("mcp.http.worker-threads-core"),
                settings.integer("mcp.http.worker-threads"), settings.duration("mcp.http.worker-spawn-after"));
        Vertx vertx = HttpServerVertx.create(workers, connectionLimits, malformedRequests);
        registry.bind("vertx", Vertx.class, vertx);
        registry.bind("connectionLimits", connectionLimits);
        // closed once the context has stopped: as a service of its own it closed before the platform-http server
        // (added earlier, so stopped later) could stop, which then logged a WARN with a stack trace on every SIGTERM
        context.addLifecycleStrategy(new org.apache.camel.support.LifecycleStrategySupport() {
            @Override
            public void onContextStopped(CamelContext stopped) {
                vertx.close();
            }
        });
        edge.first(connectionLimits.requestHandler(vertx));
        edge.malformedRequests(malformedRequests);
        context.getManagementStrategy().addEventNotifier(edge);
        context.addStartupListener(edge);
        StreamKeepAlive keepAlive = new StreamKeepAlive(streams,
                settings.duration("mcp.stream.keep-alive").toMillis());
        context.addStartupListener(keepAlive);
        // camel-micrometer's route notifier counts routes only (camel.metrics.enableRouteEventNotifier) but takes
        // every event: told to ignore those of exchanges and steps, Camel creates none for each send
        context.addStartupListener((started, alreadyStarted) -> started.getManagementStrategy().getEventNotifiers()
                .stream().filter(MicrometerRouteEventNotifier.class::isInstance)
                .map(MicrometerRouteEventNotifier.class::cast).forEach(notifier -> {
                    notifier.setIgnoreExchangeEvents(true);
                    notifier.setIgnoreStepEvents(true);
                }));
        context.addService(keepAlive, true, true);

        registry.bind("objectMapper", mapper);
        registry.bind("sessionStore", sessions);
        registry.bind("httpGuard", guard);
        registry.bind("jsonRpc", codec);
        registry.bind(DirectBeans.RESULT_MEMO, new ResultMemo(settings.integer("mcp.tools.result-memo.max-entries"),
                settings.duration("mcp.tools.result-memo.idle-timeout"), codec::remember));
        registry.bind("mcpIntake", new McpIntake(codec, guard, clock, settings.integer("mcp.max-batch-size"),
                settings.duration("mcp.request-timeout")));
        registry.bind("sessionBinding", sessionBinding);
        registry.bind("mcpReplies", new McpReplies(codec, streams));
        ToolSlots toolSlots = new ToolSlots(settings.integer("mcp.tools.max-concurrent"),
                settings.integer("mcp.tools.max-per-session"));
        registry.bind("toolSlots", toolSlots);
        InFlightRequests inFlight = new InFlightRequests();
        registry.bind("inFlightRequests", inFlight);
        registry.bind("mcpMessages", new McpMessages(codec, inFlight));
        registry.bind("batchResponses", new BatchResponses());
        Progress progress = new Progress(codec);
        registry.bind("progress", progress);
        // server-to-client requests: timeouts on one timer thread; a tool waits for its answer on no thread and goes
        // on in the answer pool (bounded in practice by mcp.tools.max-concurrent)
        // the 2026-07-28 era asks with input_required results; their requestState is sealed with this key
        RequestStates requestStates = new RequestStates(RequestStateKeys.load(settings.string("mcp.request-state.key"),
                dataDir, cluster.enabled()), mapper, clock, settings.duration("mcp.request-state.ttl"));
        ClientRequests clientRequests = new ClientRequests(codec, streams,
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(daemon("mcp-client-request-timer")),
                java.util.concurrent.Executors.newCachedThreadPool(daemon("mcp-client-answer")),
                settings.duration("mcp.client-requests.timeout"), settings.duration("mcp.request-timeout"),
                requestStates);
        registry.bind("clientRequests", clientRequests);
        registry.bind("lifecycle", new Lifecycle(sessions, identity, Resources.text("mcp/instructions.md"),
                mapper, settings.integer("mcp.session.max-capabilities-chars")));

        // --- Last.fm client (direct:lastfm-call) ---
        Map<DataClass, Duration> ttls = new EnumMap<>(DataClass.class);
        ttls.put(DataClass.RECENT, settings.duration("lastfm.cache.ttl.recent"));
        ttls.put(DataClass.LOVED, settings.duration("lastfm.cache.ttl.loved"));
        ttls.put(DataClass.TOP, settings.duration("lastfm.cache.ttl.top"));
        ttls.put(DataClass.USER, settings.duration("lastfm.cache.ttl.user"));
        ttls.put(DataClass.REFERENCE, settings.duration("lastfm.cache.ttl.reference"));
        ttls.put(DataClass.SIMILAR, settings.duration("lastfm.cache.ttl.similar"));
        LastfmCaches lastfmCaches = new LastfmCaches(ttls,
                settings.duration("lastfm.cache.negative-ttl"),
                settings.duration("lastfm.cache.max-stale"),
                settings.longValue("lastfm.cache.max-entries"));
        registry.bind(LastfmCaches.ANSWERS, lastfmCaches.answers());
        registry.bind(LastfmCaches.STALE, lastfmCaches.stale());
        registry.bind("lastfmCaches", lastfmCaches);
        // the 2026-07-28 era: intake checks and discover, and what every stateless result carries
        registry.bind("statelessEra", new StatelessEra(mapper, Resources.text("mcp/instructions.md"),
                settings.integer("mcp.session.max-capabilities-chars")));
        registry.bind("statelessResults", new StatelessResults(mapper, identity, ttls));
        CacheStatistics.register(LastfmCaches.ANSWERS, lastfmCaches.answers());
        CacheStatistics.register(LastfmCaches.STALE, lastfmCaches.stale());
        Duration timeout = Duration.ofMillis(settings.longValue("lastfm.timeout-ms"));
        Duration lastfmMaxWait = settings.duration("lastfm.throttle.max-queue-wait");
        Duration attemptBudget = LastfmCalls.attemptBudget(timeout,
                Duration.ofMillis(settings.longValue("lastfm.connect-timeout-ms")),
                Duration.ofMillis(settings.longValue("lastfm.http.response-timeout-ms")), lastfmMaxWait);
        Pacer lastfmPacer = new Pacer(settings.integer("lastfm.throttle.requests-per-second"), Duration.ofSeconds(1),
                settings.integer("lastfm.throttle.max-queue"), lastfmMaxWait);
        registry.bind("lastfmPacer", lastfmPacer);
        SingleFlight singleFlight = new SingleFlight(timeout.plusSeconds(5));
        LastfmCalls lastfmCalls = new LastfmCalls(settings.string("lastfm.api-key"),
                settings.string("lastfm.shared-secret"), new LastfmErrors(mapper, clock), lastfmCaches, clock,
                new LastfmCalls.RetrySettings(settings.integer("lastfm.retry.max-retries"),
                        Duration.ofMillis(settings.longValue("lastfm.retry.initial-delay-ms")),
                        Duration.ofMillis(settings.longValue("lastfm.retry.max-delay-ms")),
                        settings.duration("lastfm.retry.max-retry-after"), timeout),
                singleFlight, new LastfmCalls.Pacing(lastfmPacer, attemptBudget));
        registry.bind("lastfmCalls", lastfmCalls);
        LastfmMeters lastfmMeters = new LastfmMeters(meters);
        lastfmMeters.watch(lastfmPacer);
        lastfmCalls.setMeters(lastfmMeters);
        McpLog mcpLog = new McpLog(streams, sessions, codec);
        lastfmCalls.setLog(mcpLog);
        LastfmKeyStatus lastfmKey = new LastfmKeyStatus(clock);
        lastfmCalls.setKeyStatus(lastfmKey);
        lastfmCalls.setRejectedSignIns(new SignInRejections(signIns,
                signInFlow.isConfigured() ? signInFlow::loginUrl : () -> null));
        registry.bind("mcpLog", mcpLog);
        Subscriptions subscriptions = new Subscriptions(streams, mcpLog, codec,
                new Subscriptions.Limits(settings.integer("mcp.subscriptions.max-per-session"),
                        settings.integer("mcp.subscriptions.max-watched")),
                lastfmPacer::queued);
        registry.bind("subscriptions", subscriptions);
        onSessionEnd.add(subscriptions::sessionEnded);
        registry.bind("singleFlight", singleFlight);
        registry.bind("lastfmNormalizer", new LastfmNormalizer());
        registry.bind("userAgents", new UserAgents(identity.name(), identity.version(), identity.websiteUrl(),
                settings.string("musicbrainz.contact")));

        // --- MusicBrainz enrichment (direct:musicbrainz-lookup) ---
        Cache<String, Enrichment> musicbrainzCache = Caffeine.newBuilder()
                .maximumSize(settings.longValue("musicbrainz.cache.max-entries"))
                .expireAfterWrite(settings.duration("musicbrainz.cache.ttl"))
                .recordStats()
                .build();
        registry.bind("musicbrainz-enrichment", musicbrainzCache);
        CacheStatistics.register("musicbrainz-enrichment", musicbrainzCache);
        CaffeineCacheMetrics.monitor(meters, musicbrainzCache, "musicbrainz-enrichment");
        registry.bind("musicbrainzCache", new EnrichmentCache(musicbrainzCache));
        Pacer musicbrainzPacer = Pacer.oneEvery(
                Duration.ofMillis(settings.longValue("musicbrainz.throttle.interval-ms")),
                settings.integer("musicbrainz.throttle.max-queue"),
                Duration.ofMillis(settings.longValue("musicbrainz.throttle.max-wait-ms")));
        registry.bind("musicbrainzPacer", musicbrainzPacer);
        MusicBrainzCalls musicbrainzCalls = new MusicBrainzCalls(settings.bool("musicbrainz.enabled"),
                new MusicBrainzMapper(), mapper, musicbrainzPacer, new MusicBrainzCalls.Timing(
                        Duration.ofMillis(settings.longValue("musicbrainz.timeout-ms")),
                        Duration.ofMillis(settings.longValue("musicbrainz.connect-timeout-ms")
                                          + settings.longValue("musicbrainz.http.response-timeout-ms")),
                        settings.duration("musicbrainz.retry.max-retry-after")));
        musicbrainzCalls.countRequests(LabelledCounters.register(meters, "musicbrainz_requests_total",
                "MusicBrainz GETs by outcome", "outcome", MusicBrainzCalls.OUTCOMES));
        PacerMeters.watch(meters, "musicbrainz", "MusicBrainz", musicbrainzPacer);
        registry.bind("musicbrainzCalls", musicbrainzCalls);

        // --- tools ---
        Surface mcpSurface = Background.await(surface);
        ToolCatalogue tools = mcpSurface.tools();
        UpstreamSettings upstreams = new UpstreamSettings(
                settings.string("lastfm.api-url"),
                settings.optional("lastfm.api-key").isPresent(),
                settings.optional("lastfm.shared-secret").isPresent(),
                settings.string("musicbrainz.api-url"),
                settings.bool("musicbrainz.enabled"));
        tools.rememberPagesWith(codec::remember);
        registry.bind("toolCatalogue", tools);

        ToolArguments toolArguments = new ToolArguments(mapper);
        registry.bind("toolArguments", toolArguments);
        registry.bind("toolResults", new ToolResults());
        ResourceCatalogue resources = mcpSurface.resources();
        PromptCatalogue prompts = mcpSurface.prompts();
        registry.bind("sseReplies", new SseReplies(tools, prompts, codec, streams,
                settings.longValue("mcp.stream.retry-ms")));
        registry.bind("toolQuestions", new ToolQuestions(clientRequests));
        registry.bind("promptQuestions", new PromptQuestions(prompts, clientRequests));
        subscriptions.acceptStatic(resources.subscribableUris());
        // listen streams end with their closing result when the server stops (no exchange keeps it waiting)
        context.getManagementStrategy().addEventNotifier(new org.apache.camel.support.EventNotifierSupport() {
            {
                // the context's stopping only: no event is created for each exchange, step or route
                setIgnoreExchangeEvents(true);
                setIgnoreStepEvents(true);
                setIgnoreRouteEvents(true);
                setIgnoreServiceEvents(true);
            }

            @Override
            public void notify(org.apache.camel.spi.CamelEvent event) {
                subscriptions.endListening();
            }

            @Override
            public boolean isEnabled(org.apache.camel.spi.CamelEvent event) {
                return event instanceof org.apache.camel.spi.CamelEvent.CamelContextStoppingEvent;
            }
        });
        if (conformance) {
            ConformanceProfile.install(context, new ConformanceTools(mapper, clientRequests, progress, mcpLog));
        }
        registry.bind("resourceCatalogue", resources);
        registry.bind("resourceReads", new ResourceReads(mapper, toolArguments));
        registry.bind("promptCatalogue", prompts);
        registry.bind("completions", new Completions(resources, prompts, defaultUser));
        registry.bind("artistTools", new ArtistTools());
        registry.bind("userTools", new UserTools(clock, progress));
        registry.bind("trackTools", new TrackTools());
        registry.bind("albumTools", new AlbumTools());
        registry.bind("searchTools", new SearchTools());
        registry.bind("tagTools", new TagTools());
        registry.bind("chartTools", new ChartTools());
        InsightSettings insights = new InsightSettings(settings.integer("insights.artist-list-limit"),
                settings.integer("insights.stats.tag-artists"),
                settings.integer("insights.stats.recent-sample"),
                settings.integer("insights.recommendations.seeds"),
                Period.of(settings.string("insights.recommendations.seed-period")),
                settings.integer("insights.recommendations.similar-per-seed"),
                settings.integer("insights.recommendations.genre-candidates"));
        registry.bind("fanOut", new FanOut());
        registry.bind("authStatusTool", new AuthStatusTool(tools, defaultUser,
                signInFlow.isConfigured() ? signInFlow::loginUrl : null));
        registry.bind("writeTools", new WriteTools(signInFlow.isConfigured() ? signInFlow::loginUrl : null, clock,
                lastfmMeters));
        registry.bind("writeConfirmations", new WriteConfirmations(clientRequests));
        registry.bind("listeningStatsTool", new ListeningStatsTool(insights, progress, clock));
        registry.bind("recommendationTool", new RecommendationTool(insights, progress));
        registry.bind("compareUsersTool", new CompareUsersTool(insights));
        Supplier<ClusterView> clusterView = remote.enabled()
                ? () -> remote.view(remoteManager.get(), settings.string("mcp.cluster.node-name"))
                : () -> InfinispanStores.view(cacheManager.get(), cluster);
        registry.bind("serverTools", new ServerTools(identity, upstreams, clock, clock.instant(), clusterView));

        // --- audit ---
        registry.bind("auditRecords", new AuditRecords(mapper,
                new Redactor(settings.integer("mcp.audit.max-value-length")),
                settings.integer("mcp.audit.max-record-chars"), fingerprints));

        // --- web ---
        Map<String, Supplier<Health.Check>> checks = new LinkedHashMap<>();
        checks.put("camel", () -> context.getStatus() == ServiceStatus.Started
                ? Health.Check.up(null) : Health.Check.down(context.getStatus().name()));
        checks.put("infinispan", remote.enabled() ? () -> RemoteStores.check(remoteManager.get())
                : () -> InfinispanStores.check(cacheManager.get()));
        boolean lastfmKeyConfigured = settings.optional("lastfm.api-key").isPresent();
        checks.put("lastfm-api-key", () -> HealthChecks.lastfmKey(lastfmKeyConfigured, lastfmKey));
        checks.put("lastfm-breaker", () -> {
            ResilienceProcessor breaker = context.getProcessor("lastfm-breaker", ResilienceProcessor.class);
            return HealthChecks.lastfmBreaker(breaker == null ? null : breaker.getCircuitBreakerState());
        });
        double heapThreshold = settings.decimal("mcp.health.heap-threshold-percent");
        Supplier<HealthChecks.Heap> heap = HealthChecks.jvmHeap();
        checks.put("heap", () -> HealthChecks.heap(heap.get(), heapThreshold));
        registry.bind("health", new Health(checks, identity.version(), mapper));
        boolean authRequired = settings.bool("mcp.auth.required");
        registry.bind("webPages", new WebPages(() -> new LandingPage(identity, tools, publicUrl.mcpEndpoint(),
                signInFlow.isConfigured() ? signInFlow.loginUrl() : null, authRequired),
                () -> new ServerCard(identity, tools, publicUrl.base(), mapper, new ServerCard.Access(authRequired,
                        signInFlow.isConfigured(), List.copyOf(Scopes.SUPPORTED)))));

        // --- the service's meters (README "Monitoring"): recorded by the audit route, gauges read when scraped ---
        registry.bind("mcpMeters", new McpMeters(meters,
                tools.all().stream().map(tool -> tool.name()).collect(java.util.stream.Collectors.toSet()),
                resources::templateOf));
        ServiceGauges.breaker(meters, "lastfm", () -> breakerState(context, "lastfm-breaker"));
        ServiceGauges.breaker(meters, "musicbrainz", () -> breakerState(context, "musicbrainz-breaker"));
        ServiceGauges.gauge(meters, "mcp.sessions.open", "Live MCP sessions", quota::size);
        ServiceGauges.gauge(meters, "mcp.streams.open", "Open event streams (GET /mcp, GET /sse)",
                streams::openStreams);
        ServiceGauges.gauge(meters, "mcp.tool.runs.active", "Tool runs holding a slot now", toolSlots::running);

        // --- management server (/observe/*): health probes, metrics, info ---
        Map<String, Supplier<Health.Check>> ready = new LinkedHashMap<>();
        ready.put("camel", () -> Probes.ready(context.getStatus()));
        ready.put("routes", () -> {
            List<String> notStarted = new ArrayList<>();
            context.getRoutes().forEach(route -> {
                if (context.getRouteController().getRouteStatus(route.getRouteId()) != ServiceStatus.Started) {
                    notStarted.add(route.getRouteId());
                }
            });
            return Probes.routes(context.getRoutes().size(), notStarted);
        });
        ready.put("infinispan", checks.get("infinispan"));
        ready.put("cluster", () -> Probes.cluster(clusterView.get()));
        ready.put("lastfm-breaker", () -> Probes.breaker("Last.fm", breakerState(context, "lastfm-breaker")));
        ready.put("musicbrainz-breaker", () -> Probes.breaker("MusicBrainz",
                breakerState(context, "musicbrainz-breaker")));
        Map<String, Supplier<Health.Check>> everything = new LinkedHashMap<>(ready);
        everything.put("lastfm-api-key", checks.get("lastfm-api-key"));
        everything.put("heap", checks.get("heap"));
        Health all = new Health(everything, identity.version(), mapper);
        Health live = new Health(Map.of("camel", () -> Probes.context(context.getStatus())), identity.version(),
                mapper);
        Health readiness = new Health(ready, identity.version(), mapper);
        ServiceGauges.gauge(meters, "lastfm.mcp.ready", "1 while /observe/health/ready answers 200, else 0",
                () -> readiness.check().httpStatus() == 200 ? 1 : 0);
        String info = ManagementInfo.json(mapper, identity.name(), identity.version(), clock.instant(),
                ProtocolVersions.SUPPORTED, context.getVersion());
        AuditQuery auditQuery = new AuditQuery(
                () -> caches.apply(InfinispanStores.AUDIT), mapper);
        if (settings.bool("mcp.management.enabled")) {
            List<ManagementServer.Endpoint> endpoints = new ArrayList<>(List.of(
                            new ManagementServer.Endpoint("/observe/health", () -> report(all)),
                            new ManagementServer.Endpoint("/observe/health/live", () -> report(live)),
                            new ManagementServer.Endpoint("/observe/health/ready", () -> report(readiness)),
                            new ManagementServer.Endpoint("/observe/metrics", () -> new ManagementServer.Reply(200,
                                    "text/plain; version=0.0.4; charset=utf-8", meters.scrape())),
                            new ManagementServer.Endpoint("/observe/info",
                                    () -> ManagementServer.Reply.json(200, info))));
            endpoints.addAll(AuditEndpoints.of(settings.string("mcp.admin-token"), auditQuery));
            ManagementServer management = new ManagementServer(vertx, settings.string("mcp.management.host"),
                    settings.integer("mcp.management.port"), endpoints);
            if (settings.bool("mcp.jolokia.enabled")) {
                // Jolokia 2 agent as a Vert.x handler; its policy is classpath:/jolokia-access.xml
                DefaultJolokiaPlatformHttpPlugin jolokia = new DefaultJolokiaPlatformHttpPlugin();
                jolokia.setCamelContext(context);
                context.addService(jolokia, true, true);
                management.addRaw(new ManagementServer.RawRoute("/observe/jolokia/*",
                        ctx -> ((io.vertx.core.Handler<io.vertx.ext.web.RoutingContext>) jolokia.getHandler())
                                .handle(ctx)));
            }
            registry.bind("managementServer", management);
            context.addService(management, true, true);
        }

        // --- ops-edited routes: MCP_ROUTES_DIR is loaded by Application (include pattern); reload is guarded here ---
        java.util.function.Consumer<String> reloads = LabelledCounters.register(meters, "mcp_route_reloads_total",
                "Route files of MCP_ROUTES_DIR applied or refused while running (MCP_ROUTES_RELOAD)", "outcome",
                List.of("applied", "refused"));
        String routesDir = settings.string("mcp.routes.dir");
        if (settings.bool("mcp.routes.reload") && !routesDir.isBlank()) {
            context.addService(new RouteReloader(context, Path.of(routesDir), RouteFiles.shipped(), reloads), true,
                    true);
        }
    }

    private static ManagementServer.Reply report(Health health) {
        Health.Report report = health.check();
        return ManagementServer.Reply.json(report.httpStatus(), report.json());
    }

    private static String breakerState(CamelContext context, String id) {
        ResilienceProcessor breaker = context.getProcessor(id, ResilienceProcessor.class);
        return breaker == null ? null : breaker.getCircuitBreakerState();
    }

    /** The MCP surface: what tools/list, resources/templates/list and prompts/list offer. */
    private record Surface(ToolCatalogue tools, ResourceCatalogue resources, PromptCatalogue prompts) {

        static Surface load(ObjectMapper mapper, int pageSize, boolean conformance, String defaultUser) {
            ToolCatalogue tools = ToolCatalogue.load(mapper, pageSize,
                    conformance ? List.of(ConformanceProfile.NAME) : List.of());
            return new Surface(tools, ResourceCatalogue.load(mapper, tools, pageSize, defaultUser,
                    conformance ? List.of(ConformanceProfile.RESOURCES) : List.of()),
                    PromptCatalogue.load(pageSize, conformance ? List.of(ConformanceProfile.PROMPTS) : List.of()));
        }
    }

    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Daemon threads named {@code <name>-<n>}, so a pool of them never keeps the JVM alive. */
    private static java.util.concurrent.ThreadFactory daemon(String name) {
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

}
