package dev.lastfmmcp.tools.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The {@code period} of Last.fm's user top lists ({@code overall|7day|1month|3month|6month|12month}), with its length
 * in days (Last.fm counts a month as 30 days) and the words a person reads.
 */
public enum Period {
    OVERALL("overall", 0, "all time"),
    SEVEN_DAYS("7day", 7, "the last 7 days"),
    ONE_MONTH("1month", 30, "the last month"),
    THREE_MONTHS("3month", 90, "the last 3 months"),
    SIX_MONTHS("6month", 180, "the last 6 months"),
    TWELVE_MONTHS("12month", 365, "the last 12 months");

    private final String value;
    private final int days;
    private final String words;

    Period(String value, int days, String words) {
        this.value = value;
        this.days = days;
        this.words = words;
    }

    /** The period named by Last.fm's value; {@code overall} when null. */
    public static Period of(String value) {
        if (value == null) {
            return OVERALL;
        }
        for (Period period : values()) {
            if (period.value.equalsIgnoreCase(value.trim())) {
                return period;
            }
        }
        throw new IllegalArgumentException("unknown period \"" + value + "\" (overall, 7day, 1month, 3month, 6month "
                                           + "or 12month)");
    }

    /** The value Last.fm takes, e.g. {@code 7day}. */
    public String value() {
        return value;
    }

    /** Days in the period; 0 for {@code overall}. */
    public int days() {
        return days;
    }

    public boolean isOverall() {
        return this == OVERALL;
    }

    /** "the last 7 days", "all time". */
    public String words() {
        return words;
    }

    /**
     * Where the period starts, seen from {@code now}, truncated to the hour so that repeated calls within the hour
     * ask Last.fm the same question (and hit the cache); null for {@code overall}.
     */
    public Instant start(Instant now) {
        return isOverall() ? null : now.minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.HOURS);
    }
}
