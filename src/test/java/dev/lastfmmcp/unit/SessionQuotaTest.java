package dev.lastfmmcp.unit;

import dev.lastfmmcp.jsonrpc.McpHttpException;
import dev.lastfmmcp.mcp.SessionQuota;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SessionQuotaTest {

    @Test
    void refusesWhenFullInsteadOfEvictingAndMakesRoomWhenASessionEnds() {
        SessionQuota quota = new SessionQuota(3, 10, 60);
        quota.opened("a", "10.0.0.1");
        quota.opened("b", "10.0.0.2");
        quota.opened("c", "10.0.0.3");
        McpHttpException full = catchThrowableOfType(() -> quota.checkRoom("10.0.0.4"), McpHttpException.class);
        assertThat(full.status()).isEqualTo(503);
        assertThat(full.headers()).containsEntry("Retry-After", "60");
        assertThat(full.getMessage()).contains("maximum of 3 sessions", "retry in 60 s");

        quota.release("b");
        quota.release("b");
        assertThat(quota.size()).isEqualTo(2);
        quota.checkRoom("10.0.0.4");
    }

    @Test
    void countsSessionsPerClientAddress() {
        SessionQuota quota = new SessionQuota(100, 2, 30);
        quota.opened("a", "10.0.0.1");
        quota.opened("b", "10.0.0.1");
        quota.opened("b", "10.0.0.1");
        assertThat(quota.sessionsOf("10.0.0.1")).isEqualTo(2);
        assertThatThrownBy(() -> quota.checkRoom("10.0.0.1")).isInstanceOf(McpHttpException.class)
                .hasMessageContaining("this client address holds its maximum of 2 sessions");
        quota.checkRoom("10.0.0.2");
        quota.release("a");
        assertThat(quota.sessionsOf("10.0.0.1")).isEqualTo(1);
        quota.checkRoom("10.0.0.1");
        quota.opened("x", null);
        assertThat(quota.sessionsOf(null)).isEqualTo(1);
        assertThat(quota.sessionsOf(SessionQuota.UNKNOWN_CLIENT)).isEqualTo(1);
    }
}
