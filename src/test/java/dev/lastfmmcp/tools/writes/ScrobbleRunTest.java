package dev.lastfmmcp.tools.writes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lastfmmcp.lastfm.LastfmErrorKind;
import dev.lastfmmcp.lastfm.LastfmException;
import dev.lastfmmcp.lastfm.model.ScrobbleBatch;
import dev.lastfmmcp.lastfm.model.Scrobbled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ScrobbleRun without a CamelContext: checks, batching, and how answers and failures settle the items. */
class ScrobbleRunTest {

    private static final Instant NOW = Instant.parse("2026-12-03T18:00:00Z");

    private static List<Map<String, Object>> items(int n) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(Map.of("artist", "A" + i, "track", "T" + i, "timestamp", NOW.getEpochSecond() - 3600 + i));
        }
        return items;
    }

    @Test
    void timestampsAreUnixSecondsOrIsoWithAnOffset() {
        assertThat(ScrobbleRun.epochSeconds(1_700_000_000L)).isEqualTo(1_700_000_000L);
        assertThat(ScrobbleRun.epochSeconds("1700000000")).isEqualTo(1_700_000_000L);
        assertThat(ScrobbleRun.epochSeconds("2026-12-03T19:00:00+01:00")).isEqualTo(NOW.getEpochSecond());
        assertThat(ScrobbleRun.epochSeconds("2026-12-03T18:00:00Z")).isEqualTo(NOW.getEpochSecond());
        assertThatThrownBy(() -> ScrobbleRun.epochSeconds("2026-12-03T18:00:00"))
                .hasMessageContaining("with an offset");
        assertThatThrownBy(() -> ScrobbleRun.epochSeconds(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fourteenDaysBackAndOneDayAheadAreTheLimits() {
        assertThat(ScrobbleRun.tooOldOrAhead(NOW.minusSeconds(14 * 86400).getEpochSecond(), NOW)).isNull();
        assertThat(ScrobbleRun.tooOldOrAhead(NOW.minusSeconds(14 * 86400 + 1).getEpochSecond(), NOW))
                .contains("14 days");
        assertThat(ScrobbleRun.tooOldOrAhead(NOW.plusSeconds(86400).getEpochSecond(), NOW)).isNull();
        assertThat(ScrobbleRun.tooOldOrAhead(NOW.plusSeconds(86401).getEpochSecond(), NOW)).contains("a day ahead");
    }

    @Test
    void sendableItemsSplitIntoOrderedBatchesOfFifty() {
        ScrobbleRun run = ScrobbleRun.of(items(101), NOW);
        assertThat(run.getBatchCount()).isEqualTo(3);
        assertThat(run.request("sk").params()).containsEntry("artist[0]", "A0").containsEntry("artist[49]", "A49")
                .doesNotContainKey("artist[50]").doesNotContainKey("album[0]");
        assertThat(run.request("sk").sessionKey()).isEqualTo("sk");
    }

    @Test
    void anAnswerWithFewerEchoesSettlesByTheCounts() {
        ScrobbleRun all = ScrobbleRun.of(items(3), NOW);
        all.answered(new ScrobbleBatch(List.of(), 3, 0));
        assertThat(all.count(ScrobbleRun.Status.ACCEPTED)).isEqualTo(3);
        assertThat(all.isMore()).isFalse();

        ScrobbleRun some = ScrobbleRun.of(items(3), NOW);
        some.answered(new ScrobbleBatch(List.of(new Scrobbled("T0", "A0", null, null, 1L, false, 0, null)), 2, 1));
        assertThat(some.count(ScrobbleRun.Status.UNKNOWN)).isEqualTo(3);
        assertThat(some.items().get(0).record().get("message").toString()).contains("1 of the 3");
    }

    @Test
    void aRefusedBatchLeavesItsAndLaterItemsNotSentAndALostOneUnknown() {
        ScrobbleRun refused = ScrobbleRun.of(items(60), NOW);
        refused.failed(new LastfmException(LastfmErrorKind.UNAVAILABLE, 0, "Last.fm is unavailable."));
        assertThat(refused.count(ScrobbleRun.Status.NOT_SENT)).isEqualTo(60);
        assertThat(refused.isMore()).isFalse();
        assertThat(refused.failure()).isEqualTo("Last.fm is unavailable.");

        ScrobbleRun lost = ScrobbleRun.of(items(60), NOW);
        lost.answered(new ScrobbleBatch(List.of(), 50, 0));
        lost.failed(new LastfmException(LastfmErrorKind.UNCONFIRMED, 0, "lost"));
        assertThat(lost.count(ScrobbleRun.Status.ACCEPTED)).isEqualTo(50);
        assertThat(lost.count(ScrobbleRun.Status.UNKNOWN)).isEqualTo(10);
        assertThat(lost.range(ScrobbleRun.Status.UNKNOWN)).containsExactly(NOW.getEpochSecond() - 3600 + 50,
                NOW.getEpochSecond() - 3600 + 59);
        assertThat(lost.range(ScrobbleRun.Status.IGNORED)).isNull();
    }

    @Test
    void ignoredReasonsNameLastfmsCodes() {
        assertThat(Scrobbles.ignoredReason(3, null)).isEqualTo("the timestamp is too old (code 3)");
        assertThat(Scrobbles.ignoredReason(5, "")).isEqualTo("the daily scrobble limit is reached (code 5)");
        assertThat(Scrobbles.ignoredReason(2, "Track name failed filter")).isEqualTo(
                "Track name failed filter (code 2)");
        assertThat(Scrobbles.ignoredReason(4, null)).contains("future");
        assertThat(Scrobbles.ignoredReason(1, null)).contains("artist");
        assertThat(Scrobbles.ignoredReason(9, null)).isEqualTo("ignored (code 9)");
    }
}
