package dev.lastfmmcp.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lastfmmcp.support.Fingerprint;
import dev.lastfmmcp.support.FingerprintMemo;
import org.junit.jupiter.api.Test;

class FingerprintMemoTest {

    @Test
    void givesWhatFingerprintGivesAndKeepsIt() {
        FingerprintMemo memo = new FingerprintMemo(10);
        assertThat(memo.of("session-a")).isEqualTo(Fingerprint.of("session-a")).hasSize(16)
                .doesNotContain("session");
        assertThat(memo.of("session-a")).isSameAs(memo.of("session-a"));
        assertThat(memo.of("session-b")).isEqualTo(Fingerprint.of("session-b")).isNotEqualTo(memo.of("session-a"));
        assertThat(memo.size()).isEqualTo(2);
        assertThat(memo.of(null)).isNull();
        assertThat(memo.size()).isEqualTo(2);
    }

    @Test
    void startsAgainEmptyWhenFull() {
        FingerprintMemo memo = new FingerprintMemo(3);
        for (int i = 0; i < 3; i++) {
            memo.of("s" + i);
        }
        assertThat(memo.size()).isEqualTo(3);
        assertThat(memo.of("s3")).isEqualTo(Fingerprint.of("s3"));
        assertThat(memo.size()).isEqualTo(1);
        assertThat(memo.of("s0")).isEqualTo(Fingerprint.of("s0"));
        assertThatThrownBy(() -> new FingerprintMemo(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
