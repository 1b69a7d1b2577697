package dev.lastfmmcp.unit;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.lastfm.model.ChartWeek;
import dev.lastfmmcp.tools.users.Dates;
import dev.lastfmmcp.tools.users.WeekRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the user tools write times, chart weeks and periods. */
class UserDatesTest {

    @Test
    void scrobbleTimesInTheAskedTimezone() {
        Instant at = Instant.parse("2026-11-21T13:03:00Z");
        assertThat(Dates.dateTime(at, ZoneId.of("Europe/Paris"))).isEqualTo("Sat 21 Nov 2026, 14:03");
        assertThat(Dates.dateTime(at, ZoneId.of("America/Los_Angeles"))).isEqualTo("Sat 21 Nov 2026, 05:03");
        assertThat(Dates.dateTime(at, ZoneId.of("Pacific/Kiritimati"))).isEqualTo("Sun 22 Nov 2026, 03:03");
        assertThat(Dates.day(Instant.parse("2019-06-22T04:19:53Z"), ZoneOffset.UTC)).isEqualTo("22 Jun 2019");
        // English month names whatever the JVM's locale ("Sep", not "Sept" or "sept.")
        assertThat(Dates.day(Instant.parse("2020-09-01T00:00:00Z"), ZoneOffset.UTC)).isEqualTo("1 Sep 2020");
    }

    @Test
    void chartWeeksAreReadableInUtc() {
        assertThat(Dates.weekLabel(Instant.ofEpochSecond(1602417600), Instant.ofEpochSecond(1603022400)))
                .isEqualTo("11–18 Oct 2020");
        assertThat(Dates.weekLabel(Instant.parse("2020-09-27T12:00:00Z"), Instant.parse("2020-10-04T12:00:00Z")))
                .isEqualTo("27 Sep – 4 Oct 2020");
        assertThat(Dates.weekLabel(Instant.parse("2019-12-29T12:00:00Z"), Instant.parse("2020-01-05T12:00:00Z")))
                .isEqualTo("29 Dec 2019 – 5 Jan 2020");
        // a recorded empty chart whose "to" is before its "from", on the same day
        assertThat(Dates.weekLabel(Instant.ofEpochSecond(1545566400), Instant.ofEpochSecond(1545566200)))
                .isEqualTo("23 Dec 2018");
    }

    @Test
    void weekRangesKeepTheRawSecondsAndSerialiseCompactly() {
        WeekRange compact = WeekRange.compact(new ChartWeek(Instant.ofEpochSecond(1108296000), null));
        assertThat(compact.from()).isEqualTo(1108296000L);
        assertThat(compact.to()).isEqualTo(1108296000L + 7 * 24 * 3600);
        assertThat(compact.label()).isEqualTo("13–20 Feb 2005");
        assertThat(AppConfiguration.objectMapper().valueToTree(compact).toString())
                .isEqualTo("{\"from\":1108296000,\"to\":1108900800,\"label\":\"13–20 Feb 2005\"}");

        WeekRange full = WeekRange.of(Instant.ofEpochSecond(1602504000), Instant.ofEpochSecond(1603108800));
        assertThat(AppConfiguration.objectMapper().valueToTree(full).toString())
                .isEqualTo("{\"from\":1602504000,\"to\":1603108800,\"start\":\"2020-10-12T12:00:00Z\","
                           + "\"end\":\"2020-10-19T12:00:00Z\",\"label\":\"12–19 Oct 2020\"}");
        assertThat(WeekRange.of(null, null)).isNull();
    }

    @Test
    void periodsInWordsAndAges() {
        assertThat(Dates.period("7day")).isEqualTo("last 7 days");
        assertThat(Dates.period("1month")).isEqualTo("last month");
        assertThat(Dates.period("12month")).isEqualTo("last 12 months");
        assertThat(Dates.period("overall")).isEqualTo("all time");
        Instant now = Instant.parse("2026-11-21T14:00:00Z");
        assertThat(Dates.ago(now.minusSeconds(30), now)).isEqualTo("just now");
        assertThat(Dates.ago(now.minusSeconds(3 * 3600 + 120), now)).isEqualTo("3 h 2 min ago");
        assertThat(Dates.ago(now.plusSeconds(300), now)).isEqualTo("in 5 min");
    }
}
