package dev.lastfmmcp.upstream;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request pacer on a hand-driven clock: the sliding window, the bounded queue, the deadline and pauses. */
class PacerTest {

    private static final long MS = 1_000_000L;
    private final AtomicLong now = new AtomicLong(1_000_000 * MS);

    private Pacer pacer(int permits, long periodMs, int maxQueue, long maxWaitMs) {
        return new Pacer(permits, Duration.ofMillis(periodMs), maxQueue, Duration.ofMillis(maxWaitMs), now::get);
    }

    @Test
    void theObserverHearsWaitsWithoutBackoffAndRefusalsAndTheBudgetUsedIsTheLastPeriods() {
        Pacer pacer = pacer(2, 1000, 1, 1500);
        java.util.List<Long> waits = new java.util.ArrayList<>();
        int[] refused = {0};
        pacer.setObserver(new Pacer.Observer() {
            @Override
            public void granted(long waitNanos) {
                waits.add(waitNanos / MS);
            }

            @Override
            public void refused() {
                refused[0]++;
            }
        });
        pacer.reserve();
        pacer.reserve();
        assertThat(pacer.startedInLastPeriod()).isEqualTo(2);
        assertThat(pacer.permits()).isEqualTo(2);
        // a retry 200 ms from now: its slot is a second after the first start, 800 ms of it the budget's
        assertThat(pacer.reserve(now.get() + 200 * MS, Long.MAX_VALUE, 0)).isEqualTo(1000);
        assertThatThrownBy(pacer::reserve).isInstanceOf(UpstreamBusyException.class);
        assertThat(waits).containsExactly(0L, 0L, 800L);
        assertThat(refused[0]).isEqualTo(1);
        now.addAndGet(2500 * MS);
        assertThat(pacer.startedInLastPeriod()).isZero();
    }

    @Test
    void fiveInAnySecondThenTheSixthWaitsForTheFirstToLeaveTheWindow() {
        Pacer pacer = pacer(5, 1000, 50, 10_000);
        for (int i = 0; i < 5; i++) {
            assertThat(pacer.reserve()).isZero();
        }
        assertThat(pacer.reserve()).isEqualTo(1000);
        now.addAndGet(300 * MS);
        assertThat(pacer.reserve()).as("the 7th starts a second after the 2nd").isEqualTo(700);
        assertThat(pacer.queued()).isEqualTo(2);
    }

    @Test
    void oneEveryIntervalWithAMargin() {
        Pacer pacer = pacer(1, 1100, 10, 10_000);
        assertThat(pacer.reserve()).isZero();
        assertThat(pacer.reserve()).isEqualTo(1100);
        assertThat(pacer.reserve()).isEqualTo(2200);
        now.addAndGet(5000 * MS);
        assertThat(pacer.reserve()).as("an idle pacer lets the next one go at once").isZero();
    }

    @Test
    void aFullQueueOrALongWaitIsBusyAtOnceAndTakesNoSlot() {
        Pacer pacer = pacer(1, 1000, 2, 10_000);
        pacer.reserve();
        pacer.reserve();
        pacer.reserve();
        assertThatThrownBy(pacer::reserve).isInstanceOfSatisfying(UpstreamBusyException.class, busy -> {
            assertThat(busy.retryAfterSeconds()).isEqualTo(3);
            assertThat(busy.pastDeadline()).isFalse();
        });
        assertThat(pacer.queued()).isEqualTo(2);

        Pacer short_ = pacer(1, 1000, 50, 1500);
        short_.reserve();
        short_.reserve();
        assertThatThrownBy(short_::reserve).isInstanceOf(UpstreamBusyException.class);
        now.addAndGet(1000 * MS);
        assertThat(short_.reserve()).as("the refused one took no slot").isEqualTo(1000);
    }

    @Test
    void aSlotThatCannotEndBeforeTheDeadlineIsRefused() {
        Pacer pacer = pacer(1, 1000, 50, 10_000);
        pacer.reserve();
        long deadline = now.get() + 1500 * MS;
        assertThatThrownBy(() -> pacer.reserve(Long.MIN_VALUE, deadline, 600 * MS))
                .isInstanceOfSatisfying(UpstreamBusyException.class, busy -> assertThat(busy.pastDeadline()).isTrue());
        assertThat(pacer.reserve(Long.MIN_VALUE, deadline, 500 * MS)).isEqualTo(1000);
    }

    @Test
    void aPauseAndAnEarliestTimeHoldRequestsBack() {
        Pacer pacer = pacer(5, 1000, 50, 10_000);
        pacer.pause(Duration.ofSeconds(2));
        assertThat(pacer.reserve()).isEqualTo(2000);
        assertThat(pacer.reserve(now.get() + 3000 * MS, Long.MAX_VALUE, 0)).isEqualTo(3000);
        assertThat(pacer.reserve()).as("nobody overtakes a waiting request").isEqualTo(3000);
    }

    @Test
    void anAnswerHoldsTheNextRequestOffForAPeriod() {
        Pacer pacer = pacer(1, 1100, 10, 10_000);
        assertThat(pacer.reserve()).isZero();
        now.addAndGet(300 * MS);
        pacer.holdOff();
        assertThat(pacer.reserve()).as("1.1 s after the answer, not after the start").isEqualTo(1100);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> pacer(0, 1000, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pacer(1, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pacer(1, 1000, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
