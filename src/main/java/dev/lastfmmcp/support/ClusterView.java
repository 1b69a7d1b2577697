package dev.lastfmmcp.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What this node sees of the cluster (the cache manager's JGroups view), as plain values for readiness and
 * {@code server_info}: whether it is clustered, its own name, the coordinator, the members in view order and how many
 * members are configured ({@code MCP_CLUSTER_MEMBERS}, this node included). Names only: no address is a secret, but
 * nothing else of the transport is shown.
 *
 * @param clustered whether {@code MCP_CLUSTER=true}
 * @param node      this node's name ({@code MCP_NODE_NAME}, or {@code bind:port})
 * @param coordinator the member that coordinates the view (null when not clustered or not joined)
 * @param members   the members in the current view, this node among them once joined
 * @param configured the members listed in the configuration, this node included (0 when not clustered)
 * @param servers   with {@code INFINISPAN_HOSTS}: the Infinispan Servers this node is a client of (the topology the
 *                  Hot Rod client knows); null for the embedded Infinispan
 */
public record ClusterView(boolean clustered, String node, String coordinator, List<String> members, int configured,
        List<String> servers) {

    public ClusterView {
        members = List.copyOf(members);
        servers = servers == null ? null : List.copyOf(servers);
    }

    /** A view of the embedded Infinispan (alone or clustered over JGroups). */
    public ClusterView(boolean clustered, String node, String coordinator, List<String> members, int configured) {
        this(clustered, node, coordinator, members, configured, null);
    }

    /**
     * A node of a service whose stores are on an Infinispan Server cluster: it shares them with every other node
     * using the same servers, but sees no other node (they are clients, not members); its view is itself.
     */
    public static ClusterView remote(String node, List<String> servers) {
        return new ClusterView(true, node, null, List.of(node), 1, servers);
    }

    /** Whether the stores are on remote Infinispan Servers ({@code INFINISPAN_HOSTS}). */
    public boolean remote() {
        return servers != null;
    }

    /** A single embedded node: no transport, no view. */
    public static ClusterView single(String node) {
        return new ClusterView(false, node, null, List.of(node), 0);
    }

    /** Whether this node coordinates the view. */
    public boolean isCoordinator() {
        return clustered && node.equals(coordinator);
    }

    /** Whether every configured member is in view. */
    public boolean complete() {
        return !clustered || members.size() >= configured;
    }

    /** One line: "2 of 2 configured members: node-a (coordinator), node-b; this node node-b". */
    public String describe() {
        if (!clustered) {
            return "not clustered (single node " + node + ")";
        }
        if (remote()) {
            return "stores on the Infinispan Server cluster at " + (servers.isEmpty() ? "(not connected)"
                    : String.join(", ", servers)) + "; this node " + node;
        }
        StringBuilder line = new StringBuilder().append(members.size()).append(" of ").append(configured)
                .append(" configured members in view: ");
        for (int i = 0; i < members.size(); i++) {
            String member = members.get(i);
            line.append(i == 0 ? "" : ", ").append(member).append(member.equals(coordinator) ? " (coordinator)" : "");
        }
        return line.append("; this node ").append(node).toString();
    }

    /** The view as JSON-ready values: clustered, node, coordinator, members, configuredMembers. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("clustered", clustered);
        map.put("node", node);
        if (coordinator != null) {
            map.put("coordinator", coordinator);
        }
        map.put("members", members);
        if (clustered) {
            map.put("configuredMembers", configured);
        }
        if (remote()) {
            map.put("infinispanServers", servers);
        }
        return map;
    }
}
