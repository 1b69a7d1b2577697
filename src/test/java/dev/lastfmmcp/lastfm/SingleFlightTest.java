package dev.lastfmmcp.lastfm;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SingleFlightTest {

    private final SingleFlight flights = new SingleFlight(Duration.ofSeconds(2));

    @Test
    void followersTakeTheLeadersResult() throws Exception {
        SingleFlight.Flight leader = flights.join("k");
        SingleFlight.Flight follower = flights.join("k");
        assertThat(leader.isLeader()).isTrue();
        assertThat(follower.isLeader()).isFalse();
        flights.succeed(leader, "answer");
        assertThat(flights.await(follower)).isEqualTo("answer");
        assertThat(flights.inFlight()).isZero();
        assertThat(flights.join("k").isLeader()).isTrue();
    }

    @Test
    void followersTakeTheLeadersFailure() {
        SingleFlight.Flight leader = flights.join("x");
        SingleFlight.Flight follower = flights.join("x");
        LastfmException notFound = new LastfmException(LastfmErrorKind.NOT_FOUND, 6, "Artist not found: x.");
        assertThatThrownBy(() -> flights.fail(leader, notFound)).isSameAs(notFound);
        assertThatThrownBy(() -> flights.await(follower)).isSameAs(notFound);
    }
}
