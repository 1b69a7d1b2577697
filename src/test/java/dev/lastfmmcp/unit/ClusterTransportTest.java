package dev.lastfmmcp.unit;

import java.time.Duration;

import dev.lastfmmcp.config.ClusterTransport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JGroups stack of MCP_CLUSTER=true: TCP on the bind address, TCPPING from the member list, never multicast. */
class ClusterTransportTest {

    private static ClusterTransport on(String bind, int port, String members, String name) {
        return new ClusterTransport(true, bind, port, members, name, Duration.ofSeconds(2));
    }

    @Test
    void theStackBindsTheAddressAndFindsMembersByTcpPing() {
        ClusterTransport cluster = on("127.0.0.1", 7801, "127.0.0.1[7800], 127.0.0.1[7801]", "b");
        String xml = cluster.jgroupsXml();
        assertThat(xml).contains("<TCP bind_addr=\"127.0.0.1\" bind_port=\"7801\" port_range=\"0\"")
                .contains("<TCPPING initial_hosts=\"127.0.0.1[7800],127.0.0.1[7801]\"")
                .contains("<FD_SOCK2 bind_addr=\"127.0.0.1\" offset=\"50000\"")
                .contains("join_timeout=\"2000ms\"")
                // a silent member (frozen, cut off) is suspected after the failure timeout, heartbeats 4 times in it
                .contains("<FD_ALL3 timeout=\"8000ms\" interval=\"2000ms\"/>")
                .doesNotContain("MPING").doesNotContain("mcast_addr").doesNotContain("SITE_LOCAL");
        assertThat(cluster.name()).isEqualTo("b");
    }

    @Test
    void thisNodeIsAddedToTheMembersAndNamedByAddressWhenUnnamed() {
        ClusterTransport cluster = on("127.0.0.1", 7802, "127.0.0.1[7800]", " ");
        assertThat(cluster.initialHosts()).containsExactly("127.0.0.1[7800]", "127.0.0.1[7802]");
        assertThat(cluster.name()).isEqualTo("127.0.0.1:7802");
        assertThat(on("127.0.0.1", 7800, "", "").initialHosts()).containsExactly("127.0.0.1[7800]");
    }

    @Test
    void offIsLoopbackAndNotClustered() {
        ClusterTransport off = ClusterTransport.off();
        assertThat(off.enabled()).isFalse();
        assertThat(off.bind()).isEqualTo("127.0.0.1");
        assertThat(off.port()).isEqualTo(7800);
    }

    @Test
    void badSettingsAreRefusedWithTheVariableName() {
        assertThatThrownBy(() -> on("239.6.7.8", 7800, "", "")).hasMessageContaining("MCP_CLUSTER_BIND")
                .hasMessageContaining("multicast");
        assertThatThrownBy(() -> on("127.0.0.1", 7800, "239.6.7.8[7800]", ""))
                .hasMessageContaining("MCP_CLUSTER_MEMBERS").hasMessageContaining("multicast");
        assertThatThrownBy(() -> on("127.0.0.1", 7800, "127.0.0.1:7801", ""))
                .hasMessageContaining("MCP_CLUSTER_MEMBERS takes host[port]");
        assertThatThrownBy(() -> on("127.0.0.1", 7800, "127.0.0.1[70000]", ""))
                .hasMessageContaining("MCP_CLUSTER_MEMBERS");
        assertThatThrownBy(() -> on("127.0.0.1", 20000, "", "")).hasMessageContaining("MCP_CLUSTER_PORT");
        assertThatThrownBy(() -> on("127.0.0.1", 0, "", "")).hasMessageContaining("MCP_CLUSTER_PORT");
        assertThatThrownBy(() -> on(" ", 7800, "", "")).hasMessageContaining("MCP_CLUSTER_BIND");
        assertThatThrownBy(() -> new ClusterTransport(true, "127.0.0.1", 7800, "", "", Duration.ZERO))
                .hasMessageContaining("MCP_CLUSTER_JOIN_TIMEOUT");
        // the failure timeout must leave a waiting request time to be retried without the silent member
        assertThatThrownBy(() -> new ClusterTransport(true, "127.0.0.1", 7800, "", "", Duration.ofSeconds(2),
                Duration.ofSeconds(14))).hasMessageContaining("MCP_CLUSTER_FAILURE_TIMEOUT")
                .hasMessageContaining("between 2 s and 13 s");
        assertThatThrownBy(() -> new ClusterTransport(true, "127.0.0.1", 7800, "", "", Duration.ofSeconds(2),
                Duration.ofSeconds(1))).hasMessageContaining("MCP_CLUSTER_FAILURE_TIMEOUT");
        assertThat(new ClusterTransport(true, "127.0.0.1", 7800, "", "", Duration.ofSeconds(2),
                Duration.ofSeconds(13)).jgroupsXml()).contains("<FD_ALL3 timeout=\"13000ms\" interval=\"3250ms\"/>");
        // off, nothing is checked (the defaults are never used)
        assertThat(new ClusterTransport(false, "", 0, "x", "", Duration.ZERO).enabled()).isFalse();
    }
}
