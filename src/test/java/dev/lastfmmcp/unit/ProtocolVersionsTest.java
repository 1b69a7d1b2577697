package dev.lastfmmcp.unit;

import dev.lastfmmcp.mcp.ProtocolVersions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProtocolVersionsTest {

    @Test
    void echoesSupportedVersionsAndOffersTheLatestOtherwise() {
        for (String version : ProtocolVersions.SUPPORTED) {
            assertThat(ProtocolVersions.negotiate(version)).isEqualTo(version);
        }
        assertThat(ProtocolVersions.negotiate("2099-01-01")).isEqualTo("2025-11-25");
        assertThat(ProtocolVersions.negotiate(null)).isEqualTo(ProtocolVersions.LATEST);
    }

    @Test
    void batchesOnlyBefore20250618() {
        assertThat(ProtocolVersions.allowsBatches("2025-03-26")).isTrue();
        assertThat(ProtocolVersions.allowsBatches("2024-11-05")).isTrue();
        assertThat(ProtocolVersions.allowsBatches("2025-06-18")).isFalse();
        assertThat(ProtocolVersions.allowsBatches("2025-11-25")).isFalse();
    }

    @Test
    void ordersVersions() {
        assertThat(ProtocolVersions.atLeast("2025-11-25", "2025-06-18")).isTrue();
        assertThat(ProtocolVersions.atLeast("2025-03-26", "2025-06-18")).isFalse();
    }
}
