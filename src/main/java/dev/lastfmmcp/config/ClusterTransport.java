package dev.lastfmmcp.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JGroups transport of a clustered node ({@code MCP_CLUSTER=true}): TCP bound to one address, members found by
 * TCPPING from a fixed list ({@code host[port],…}), never multicast. Off, the cache manager is not clustered at all.
 *
 * @param enabled     whether this node joins a cluster
 * @param bind        the address JGroups binds (TCP and the failure detector's socket)
 * @param port        the TCP port; the failure detector listens on {@code port + }{@value #FD_OFFSET}
 * @param members     the initial members, {@code host[port]} separated by commas (this node is added when missing)
 * @param nodeName    this node's name in the cluster view; blank: {@code bind:port}
 * @param joinTimeout how long a starting node waits for an answer from the members before it forms a cluster alone
 * @param failureTimeout how long a member may send no heartbeat before it is suspected (FD_ALL3), then verified and
 *                    dropped from the view. FD_SOCK2 notices a member whose process ended at once; a frozen or cut-off
 *                    one (its sockets open) only this way. Below the caches' 15 s for an answer: a request waiting on
 *                    such a member is then retried without it rather than failed.
 */
public record ClusterTransport(boolean enabled, String bind, int port, String members, String nodeName,
        Duration joinTimeout, Duration failureTimeout) {

    /**
     * How long a synchronous call waits for an answer from another member: Infinispan's default, and set on every
     * clustered cache ({@code InfinispanStores}) so that a change of that default cannot break the failure timeout's
     * bound.
     */
    public static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(15);
    /** The default of {@code mcp.cluster.failure-timeout}. */
    public static final Duration FAILURE_TIMEOUT = Duration.ofSeconds(8);

    /** The failure detector's (FD_SOCK2) port offset from the TCP port: JGroups' default. */
    public static final int FD_OFFSET = 50_000;
    public static final String CLUSTER_NAME = "lastfm-mcp";
    private static final Pattern MEMBER = Pattern.compile("([A-Za-z0-9.:-]+)\\[(\\d{1,5})]");

    public ClusterTransport {
        if (enabled) {
            if (port < 1 || port + FD_OFFSET > 65_535) {
                throw new IllegalArgumentException("MCP_CLUSTER_PORT must be between 1 and " + (65_535 - FD_OFFSET)
                        + " (the failure detector listens " + FD_OFFSET + " above it), not " + port);
            }
            if (bind == null || bind.isBlank()) {
                throw new IllegalArgumentException("MCP_CLUSTER_BIND must name an address");
            }
            checkAddress(bind, "MCP_CLUSTER_BIND");
            if (joinTimeout.isNegative() || joinTimeout.isZero()) {
                throw new IllegalArgumentException("MCP_CLUSTER_JOIN_TIMEOUT must be positive");
            }
            if (failureTimeout.compareTo(Duration.ofSeconds(2)) < 0
                || failureTimeout.plusSeconds(2).compareTo(REMOTE_TIMEOUT) > 0) {
                throw new IllegalArgumentException("MCP_CLUSTER_FAILURE_TIMEOUT must be between 2 s and "
                        + REMOTE_TIMEOUT.minusSeconds(2).toSeconds() + " s (a request waiting on a silent member must "
                        + "see it dropped before its " + REMOTE_TIMEOUT.toSeconds() + " s are up), not "
                        + failureTimeout.toMillis() + " ms");
            }
            initialHosts(members, bind, port);
        }
    }

    /** With the default failure timeout. */
    public ClusterTransport(boolean enabled, String bind, int port, String members, String nodeName,
            Duration joinTimeout) {
        this(enabled, bind, port, members, nodeName, joinTimeout, FAILURE_TIMEOUT);
    }

    /** Off: an embedded single node. */
    public static ClusterTransport off() {
        return new ClusterTransport(false, "127.0.0.1", 7800, "", "", Duration.ofSeconds(2));
    }

    /** This node's name: {@link #nodeName()}, or {@code bind:port} when that is blank. */
    public String name() {
        return nodeName == null || nodeName.isBlank() ? bind + ":" + port : nodeName.trim();
    }

    /**
     * TCPPING's {@code initial_hosts}: the members as given (each {@code host[port]}), this node added when missing.
     */
    static String initialHosts(String members, String bind, int port) {
        Set<String> hosts = new LinkedHashSet<>();
        if (members != null && !members.isBlank()) {
            for (String member : members.split(",")) {
                String trimmed = member.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                Matcher matcher = MEMBER.matcher(trimmed);
                if (!matcher.matches() || Integer.parseInt(matcher.group(2)) < 1
                    || Integer.parseInt(matcher.group(2)) > 65_535) {
                    throw new IllegalArgumentException("MCP_CLUSTER_MEMBERS takes host[port] separated by commas, "
                            + "not '" + trimmed + "'");
                }
                checkAddress(matcher.group(1), "MCP_CLUSTER_MEMBERS");
                hosts.add(matcher.group(1) + "[" + matcher.group(2) + "]");
            }
        }
        hosts.add(bind + "[" + port + "]");
        return String.join(",", hosts);
    }

    /** The members as {@code host[port]}, this node included. */
    public List<String> initialHosts() {
        return new ArrayList<>(List.of(initialHosts(members, bind, port).split(",")));
    }

    private static void checkAddress(String address, String variable) {
        try {
            if (InetAddress.getByName(address).isMulticastAddress()) {
                throw new IllegalArgumentException(variable + " must not be a multicast address: " + address);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(variable + ": unknown host " + address, e);
        }
    }

    /**
     * The JGroups stack: Infinispan's {@code tcp} stack with every address given (its default binds a site-local
     * address and discovers by multicast MPING), TCPPING instead of MPING.
     */
    public String jgroupsXml() {
        return """
                <config xmlns="urn:org:jgroups" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="urn:org:jgroups http://www.jgroups.org/schema/jgroups-5.5.xsd">
                   <TCP bind_addr="%1$s" bind_port="%2$d" port_range="0" diag.enabled="false"
                        thread_naming_pattern="pl" send_buf_size="640k" sock_conn_timeout="300ms"
                        tcp_nodelay="true" bundler_type="transfer-queue" bundler.max_size="64k"
                        thread_pool.min_threads="0" thread_pool.max_threads="200" thread_pool.keep_alive_time="1m"/>
                   <RED/>
                   <TCPPING initial_hosts="%3$s" port_range="0" send_cache_on_join="true"/>
                   <MERGE3 min_interval="10s" max_interval="30s"/>
                   <FD_SOCK2 bind_addr="%1$s" offset="%4$d" port_range="0"/>
                   <FD_ALL3 timeout="%6$dms" interval="%7$dms"/>
                   <VERIFY_SUSPECT2 timeout="1s"/>
                   <pbcast.NAKACK2 use_mcast_xmit="false" xmit_interval="200ms" xmit_table_num_rows="50"
                                   xmit_table_msgs_per_row="1024" xmit_table_max_compaction_time="30s"
                                   resend_last_seqno="true"/>
                   <UNICAST3 conn_close_timeout="5s" xmit_interval="200ms" xmit_table_num_rows="50"
                             xmit_table_msgs_per_row="1024" xmit_table_max_compaction_time="30s"/>
                   <pbcast.STABLE desired_avg_gossip="5s" max_bytes="1M"/>
                   <pbcast.GMS print_local_addr="false" join_timeout="%5$dms"/>
                   <UFC max_credits="4m" min_threshold="0.40"/>
                   <MFC max_credits="4m" min_threshold="0.40"/>
                   <FRAG4 frag_size="60k"/>
                </config>
                """.formatted(bind, port, initialHosts(members, bind, port), FD_OFFSET, joinTimeout.toMillis(),
                        failureTimeout.toMillis(), failureTimeout.toMillis() / 4);
    }
}
