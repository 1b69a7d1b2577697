package dev.lastfmmcp.unit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lastfmmcp.support.InstantText;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantTextTest {

    @Test
    void writesWhatInstantToStringWritesForEveryKindOfFraction() {
        SplittableRandom random = new SplittableRandom(20261207);
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(from, to);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nano);
            assertThat(InstantText.of(instant)).as("%s", instant).isEqualTo(instant.toString());
        }
    }

    @Test
    void edgesAndTheSameSecondAgain() {
        for (String text : new String[] {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "2026-12-07T23:05:49.000001Z",
                "2026-12-07T23:05:49.1Z", "2026-12-07T23:05:49.120Z", "2024-02-29T12:00:00.000000100Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(InstantText.of(instant)).isEqualTo(instant.toString());
            assertThat(InstantText.of(instant.plusNanos(1))).isEqualTo(instant.plusNanos(1).toString());
        }
        // outside four-digit years: Instant's own text (a sign, more digits)
        Instant far = Instant.parse("+10000-01-01T00:00:00Z");
        assertThat(InstantText.of(far)).isEqualTo(far.toString()).startsWith("+10000");
        Instant early = Instant.parse("-0001-12-31T23:59:59Z");
        assertThat(InstantText.of(early)).isEqualTo(early.toString());
    }
}
