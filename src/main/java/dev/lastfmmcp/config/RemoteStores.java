package dev.lastfmmcp.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.lastfmmcp.support.ClusterView;
import dev.lastfmmcp.web.Health;
import org.infinispan.client.hotrod.RemoteCache;
import org.infinispan.client.hotrod.RemoteCacheManager;
import org.infinispan.commons.api.BasicCache;
import org.infinispan.client.hotrod.configuration.Configuration;
import org.infinispan.client.hotrod.configuration.ConfigurationBuilder;

/**
 * The remote alternative to the embedded Infinispan ({@code INFINISPAN_HOSTS}): the same caches, by the same names,
 * on an Infinispan Server cluster reached over Hot Rod. Each node of this service is then a client only; the servers
 * hold sessions, sign-ins, OAuth state, rate buckets and audit records. The client creates a missing cache on first
 * use from the declaration {@link #declarations} gives (the modes and bounds the embedded caches have), so a bare
 * server needs no setup beyond Bucket4j's jars (its Hot Rod proxy manager runs a server task).
 *
 * @param hosts    {@code host[:port]} separated by {@code ;} or {@code ,} (port 11222 when left out); blank: off
 * @param username the Hot Rod user (SCRAM-SHA-512); blank: no authentication
 * @param password that user's password (a secret: never logged, never shown)
 * @param timeout  connect and socket timeout of one operation
 */
public record RemoteStores(String hosts, String username, String password, Duration timeout) {

    public static final int DEFAULT_PORT = 11222;
    /** A host name (letters, digits, dots, dashes), an IPv4 address or a bracketed IPv6 address, and a port. */
    private static final Pattern SERVER = Pattern.compile(
            "(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\\d{1,5}))?");

    /** One Hot Rod server. */
    public record Server(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    public RemoteStores {
        if (hosts != null && !hosts.isBlank()) {
            servers(hosts);
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("INFINISPAN_TIMEOUT must be positive");
            }
            if (username != null && !username.isBlank() && (password == null || password.isEmpty())) {
                throw new IllegalArgumentException("INFINISPAN_USERNAME is set but INFINISPAN_PASSWORD is not");
            }
        }
    }

    /** Whether {@code INFINISPAN_HOSTS} names servers. */
    public boolean enabled() {
        return hosts != null && !hosts.isBlank();
    }

    /** The servers, in the order given. */
    public List<Server> servers() {
        return servers(hosts);
    }

    /** Checks that a clustered embedded Infinispan and a remote one are not both asked for. */
    public void checkNotBoth(ClusterTransport cluster) {
        if (enabled() && cluster.enabled()) {
            throw new IllegalArgumentException("MCP_CLUSTER=true and INFINISPAN_HOSTS exclude each other: either the "
                    + "nodes cluster their embedded Infinispan (MCP_CLUSTER) or they all use an Infinispan Server "
                    + "cluster (INFINISPAN_HOSTS)");
        }
    }

    static List<Server> servers(String hosts) {
        List<Server> servers = new ArrayList<>();
        for (String part : hosts.split("[;,]")) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                continue;
            }
            Matcher matcher = SERVER.matcher(entry);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("INFINISPAN_HOSTS takes host[:port] separated by ';' or ',', not '"
                        + entry + "'");
            }
            int port = matcher.group(2) == null ? DEFAULT_PORT : Integer.parseInt(matcher.group(2));
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("INFINISPAN_HOSTS: port " + port + " of '" + entry
                        + "' is not between 1 and 65535");
            }
            String host = matcher.group(1);
            if (isMulticast(host)) {
                throw new IllegalArgumentException("INFINISPAN_HOSTS: " + host + " is a multicast address, not a "
                        + "server");
            }
            Server server = new Server(host, port);
            if (!servers.contains(server)) {
                servers.add(server);
            }
        }
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("INFINISPAN_HOSTS names no server: '" + hosts + "'");
        }
        return servers;
    }

    /** A literal multicast address (names are not resolved here: a server may not be resolvable at start-up). */
    private static boolean isMulticast(String host) {
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!literal.contains(":") && !literal.matches("[0-9.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isMulticastAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("INFINISPAN_HOSTS: '" + host + "' is not an address", e);
        }
    }

    /**
     * The Hot Rod client's configuration: the servers, the timeouts, SCRAM-SHA-512 authentication when a user is set,
     * return values forced (the stores read what {@code remove}, {@code putIfAbsent} and {@code put} return: a sign-in
     * token used once, a deleted session), and each cache's server-side declaration.
     */
    public Configuration configuration(Map<String, String> declarations) {
        ConfigurationBuilder builder = new ConfigurationBuilder();
        for (Server server : servers()) {
            String host = server.host().startsWith("[") ? server.host().substring(1, server.host().length() - 1)
                    : server.host();
            builder.addServer().host(host).port(server.port());
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        builder.connectionTimeout(millis).socketTimeout(millis).maxRetries(2);
        builder.forceReturnValues(true);
        if (username != null && !username.isBlank()) {
            builder.security().authentication().enable().saslMechanism("SCRAM-SHA-512").username(username.trim())
                    .password(password);
        }
        declarations.forEach((name, xml) -> builder.remoteCache(name).configuration(xml).forceReturnValues(true));
        return builder.build();
    }

    /**
     * The server-side declaration of each cache, in Infinispan's XML: the mode and bounds of the embedded clustered
     * caches (replicated for sessions, sign-ins, OAuth state and rate buckets; distributed with 2 owners for the
     * audit log), values stored as ProtoStream (strings and Bucket4j's {@code byte[]} state), and a file store on the
     * server for what the embedded node persists (sign-ins, OAuth clients and tokens).
     */
    public static Map<String, String> declarations(InfinispanStores.Limits limits, long signInsInMemory,
            long oauthClientsInMemory, Duration longestRateWindow) {
        Map<String, String> caches = new LinkedHashMap<>();
        caches.put(InfinispanStores.SESSIONS, replicated("<expiration max-idle=\"" + limits.sessionIdleTimeout()
                .toMillis() + "\" interval=\"" + limits.reaperInterval().toMillis() + "\"/>"
                + memory(limits.maxSessions())));
        caches.put(InfinispanStores.AUDIT, "<distributed-cache mode=\"SYNC\" owners=\"2\" statistics=\"true\">"
                + ENCODING + "<expiration lifespan=\"" + limits.auditTtl().toMillis() + "\" interval=\"60000\"/>"
                + memory(limits.auditMaxEntries()) + "</distributed-cache>");
        caches.put(InfinispanStores.SIGN_INS, replicated("<expiration interval=\"600000\"/>" + memory(signInsInMemory)
                + FILE_STORE));
        caches.put(InfinispanStores.USED_TOKENS, replicated("<expiration lifespan=\"3600000\" interval=\"60000\"/>"
                + memory(100_000)));
        caches.put(InfinispanStores.OAUTH_CLIENTS, replicated("<expiration interval=\"600000\"/>"
                + memory(oauthClientsInMemory) + FILE_STORE));
        caches.put(InfinispanStores.OAUTH_TOKENS, replicated("<expiration interval=\"600000\"/>"
                + memory(oauthClientsInMemory * 4) + FILE_STORE));
        caches.put(InfinispanStores.OAUTH_PENDING, replicated("<expiration interval=\"60000\"/>" + memory(100_000)));
        caches.put(InfinispanStores.RATE_BUCKETS, replicated("<expiration max-idle=\"" + longestRateWindow
                .plusMinutes(1).toMillis() + "\" interval=\"60000\"/>"));
        return caches;
    }

    private static final String ENCODING = "<encoding media-type=\"application/x-protostream\"/>";
    private static final String FILE_STORE = "<persistence passivation=\"false\"><file-store shared=\"false\" "
            + "preload=\"false\"/></persistence>";

    private static String replicated(String body) {
        return "<replicated-cache mode=\"SYNC\" statistics=\"true\">" + ENCODING + body + "</replicated-cache>";
    }

    private static String memory(long maxCount) {
        return "<memory max-count=\"" + maxCount + "\"/>";
    }

    /** A started client (it connects on the first operation; an unreachable server fails that operation). */
    public RemoteCacheManager start(Map<String, String> declarations) {
        return new RemoteCacheManager(configuration(declarations), true);
    }

    /**
     * The caches by name, from the client {@code manager} gives; the sessions cache gets {@code sessionEnds} as its
     * client listener on its first successful use (retried on the next use while the servers cannot be reached).
     */
    public static Function<String, BasicCache<String, String>> caches(Supplier<RemoteCacheManager> manager,
            Object sessionEnds) {
        AtomicBoolean listening = new AtomicBoolean();
        return name -> {
            RemoteCache<String, String> cache = manager.get().getCache(name);
            if (name.equals(InfinispanStores.SESSIONS) && !listening.get()) {
                synchronized (listening) {
                    if (!listening.get()) {
                        cache.addClientListener(sessionEnds);
                        listening.set(true);
                    }
                }
            }
            return cache;
        };
    }

    /** Health: the client runs and has, or can open, a connection to a server. */
    public static Health.Check check(RemoteCacheManager manager) {
        if (!manager.isStarted()) {
            return Health.Check.down("Hot Rod client stopped");
        }
        try {
            // one small read: a server answers
            manager.getCache(InfinispanStores.SESSIONS).containsKey("health-check");
            return Health.Check.up(null);
        } catch (RuntimeException e) {
            return Health.Check.down("Infinispan Server not reachable at " + String.join(", ",
                    Arrays.asList(manager.getServers())) + ": " + e.getClass().getSimpleName());
        }
    }

    /**
     * What this node sees: it is a client of the servers (the topology the servers sent), not a member of a cluster
     * of nodes; readiness and {@code server_info} show the servers and this node by its name.
     */
    public ClusterView view(RemoteCacheManager manager, String nodeName) {
        List<String> known = manager.isStarted() ? List.of(manager.getServers()) : List.of();
        return ClusterView.remote(nodeName == null || nodeName.isBlank() ? "local" : nodeName.trim(), known);
    }
}
