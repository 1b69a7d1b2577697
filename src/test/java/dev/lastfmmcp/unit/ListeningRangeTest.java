package dev.lastfmmcp.unit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import dev.lastfmmcp.jsonrpc.ToolException;
import dev.lastfmmcp.tools.users.ListeningRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** get_recent_tracks' time range: local days to UTC Unix seconds, validation, and the echo. */
class ListeningRangeTest {

    @Test
    void aLocalDayIsMidnightToMidnightInItsTimezone() {
        ListeningRange range = ListeningRange.of("2026-11-21", null, null, "Europe/Paris");
        // Paris is UTC+1 in November
        assertThat(range.from()).isEqualTo(Instant.parse("2026-11-20T23:00:00Z").getEpochSecond());
        assertThat(range.to()).isEqualTo(Instant.parse("2026-11-21T22:59:59Z").getEpochSecond());
        assertThat(range.date()).isEqualTo(LocalDate.of(2026, 11, 21));
        ListeningRange.Echo echo = range.echo();
        assertThat(echo.date()).isEqualTo("2026-11-21");
        assertThat(echo.timezone()).isEqualTo("Europe/Paris");
        assertThat(echo.start()).isEqualTo(Instant.parse("2026-11-20T23:00:00Z"));
        assertThat(echo.end()).isEqualTo(Instant.parse("2026-11-21T22:59:59Z"));
        assertThat(echo.startLocal()).isEqualTo("2026-11-21T00:00:00+01:00");
        assertThat(echo.endLocal()).isEqualTo("2026-11-21T23:59:59+01:00");
        assertThat(range.describe()).isEqualTo("Sat 21 Nov 2026 in Europe/Paris "
                                               + "(2026-11-20T23:00:00Z – 2026-11-21T22:59:59Z)");
    }

    @Test
    void daylightSavingDaysKeepTheirRealLength() {
        // 29 March 2026: Europe/London springs forward, the day has 23 hours
        ListeningRange spring = ListeningRange.of("2026-03-29", null, null, "Europe/London");
        assertThat(spring.to() - spring.from() + 1).isEqualTo(23 * 3600);
        // 25 October 2026: it falls back, 25 hours
        ListeningRange autumn = ListeningRange.of("2026-10-25", null, null, "Europe/London");
        assertThat(autumn.to() - autumn.from() + 1).isEqualTo(25 * 3600);
        // east of UTC the day starts the evening before in UTC
        ListeningRange tokyo = ListeningRange.of("2026-01-01", null, null, "Asia/Tokyo");
        assertThat(Instant.ofEpochSecond(tokyo.from())).isEqualTo(Instant.parse("2025-12-31T15:00:00Z"));
    }

    @Test
    void timezonesDefaultToUtcAndAreReadLeniently() {
        assertThat(ListeningRange.of(null, null, null, null).zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(ListeningRange.of(null, null, null, "europe/paris").zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(ListeningRange.of(null, null, null, "+05:30").zone()).isEqualTo(ZoneId.of("+05:30"));
        assertThatThrownBy(() -> ListeningRange.of("2026-11-21", null, null, "Mars/Olympus_Mons"))
                .isInstanceOf(ToolException.class)
                .hasMessage("Unknown timezone \"Mars/Olympus_Mons\": use an IANA timezone name such as "
                            + "\"Europe/London\", \"America/New_York\", \"Asia/Tokyo\" or \"UTC\".");
    }

    @Test
    void badDatesAndContradictionsAreSentencesThatSayWhatToDo() {
        assertThatThrownBy(() -> ListeningRange.of("2026-02-30", null, null, "UTC"))
                .isInstanceOf(ToolException.class)
                .hasMessage("Invalid date \"2026-02-30\": give a calendar day as YYYY-MM-DD, e.g. \"2026-11-21\".");
        assertThatThrownBy(() -> ListeningRange.of("21/11/2026", null, null, "UTC"))
                .hasMessageStartingWith("Invalid date \"21/11/2026\"");
        assertThatThrownBy(() -> ListeningRange.of("2026-11-21", 1L, null, "UTC"))
                .hasMessageStartingWith("Give either date or from/to, not both");
        assertThatThrownBy(() -> ListeningRange.of(null, 1_800_000_000L, 1_700_000_000L, "UTC"))
                .isInstanceOf(ToolException.class)
                .hasMessage("from (1800000000, Fri 15 Jan 2027, 08:00) is after to (1700000000, Tue 14 Nov 2023, "
                            + "22:13): from must be the earlier time. Swap them and call again.");
    }

    @Test
    void openRangesAndNoRange() {
        ListeningRange none = ListeningRange.of(null, null, null, "UTC");
        assertThat(none.bounded()).isFalse();
        assertThat(none.echo()).isNull();
        assertThat(none.describe()).isNull();
        assertThat(none.endsBefore(Instant.now())).isFalse();

        ListeningRange since = ListeningRange.of(null, 1_700_000_000L, null, "America/New_York");
        assertThat(since.describe()).isEqualTo("since Tue 14 Nov 2023, 17:13 in America/New_York "
                                               + "(2023-11-14T22:13:20Z – now)");
        assertThat(since.echo().to()).isNull();
        assertThat(since.echo().startLocal()).isEqualTo("2023-11-14T17:13:20-05:00");

        ListeningRange until = ListeningRange.of(null, null, 1_700_000_000L, "UTC");
        assertThat(until.describe()).isEqualTo("until Tue 14 Nov 2023, 22:13 in UTC (… – 2023-11-14T22:13:20Z)");
        assertThat(until.endsBefore(Instant.parse("2023-11-15T00:00:00Z"))).isTrue();
        assertThat(until.endsBefore(Instant.parse("2023-11-14T00:00:00Z"))).isFalse();

        ListeningRange both = ListeningRange.of(null, 1_700_000_000L, 1_700_003_600L, "UTC");
        assertThat(both.describe()).isEqualTo("Tue 14 Nov 2023, 22:13 – Tue 14 Nov 2023, 23:13 in UTC "
                                              + "(2023-11-14T22:13:20Z – 2023-11-14T23:13:20Z)");
    }
}
