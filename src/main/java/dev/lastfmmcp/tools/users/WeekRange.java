package dev.lastfmmcp.tools.users;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lastfmmcp.lastfm.model.ChartWeek;

/**
 * One chart week in a tool answer (schema definition {@code WeekRange}): the raw Unix seconds the weekly chart tools
 * take as {@code from}/{@code to}, optionally the same as ISO-8601 instants, and a readable UTC label.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WeekRange(long from, long to, Instant start, Instant end, String label) {

    /** Last.fm chart weeks are seven days long; used when a week comes without its end. */
    public static final long WEEK_SECONDS = 7 * 24 * 3600;

    /** A week of user.getWeeklyChartList, without the ISO instants (the list can hold a thousand weeks). */
    public static WeekRange compact(ChartWeek week) {
        Instant to = week.to() != null ? week.to() : week.from().plusSeconds(WEEK_SECONDS);
        return new WeekRange(week.from().getEpochSecond(), to.getEpochSecond(), null, null,
                Dates.weekLabel(week.from(), to));
    }

    /** The week a weekly chart covers, with ISO instants; null when Last.fm did not say. */
    public static WeekRange of(Instant from, Instant to) {
        if (from == null) {
            return null;
        }
        Instant end = to != null ? to : from.plusSeconds(WEEK_SECONDS);
        return new WeekRange(from.getEpochSecond(), end.getEpochSecond(), from, end, Dates.weekLabel(from, end));
    }
}
