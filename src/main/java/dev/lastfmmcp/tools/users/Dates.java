package dev.lastfmmcp.tools.users;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import dev.lastfmmcp.format.Markdown;
import dev.lastfmmcp.jsonrpc.ToolException;

/**
 * Dates and times as the user tools show them: scrobble times in the asked timezone ("Sat 21 Nov 2026, 14:03"),
 * days, chart weeks in UTC ("11–18 Oct 2020"), top-list periods in words, and timezone names read leniently.
 */
public final class Dates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm",
            Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final Map<String, String> PERIODS = Map.of("7day", "last 7 days", "1month", "last month",
            "3month", "last 3 months", "6month", "last 6 months", "12month", "last 12 months", "overall", "all time");

    private Dates() {
    }

    /** "Sat 21 Nov 2026, 14:03" in {@code zone}. */
    public static String dateTime(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    /** "21 Nov 2026" in {@code zone}. */
    public static String day(Instant instant, ZoneId zone) {
        return DAY.format(instant.atZone(zone));
    }

    /** "Sat 21 Nov 2026". */
    public static String weekday(ZonedDateTime time) {
        return WEEKDAY.format(time);
    }

    /**
     * A chart week in UTC, the way Last.fm's charts are cut: "11–18 Oct 2020", "27 Sep – 4 Oct 2020" across months,
     * "28 Dec 2019 – 4 Jan 2020" across years, "23 Dec 2018" when both ends fall on one day.
     */
    public static String weekLabel(Instant from, Instant to) {
        ZonedDateTime start = from.atZone(ZoneOffset.UTC);
        ZonedDateTime end = (to == null ? from : to).atZone(ZoneOffset.UTC);
        if (start.toLocalDate().equals(end.toLocalDate())) {
            return DAY.format(start);
        }
        if (start.getYear() != end.getYear()) {
            return DAY.format(start) + " – " + DAY.format(end);
        }
        if (start.getMonth() != end.getMonth()) {
            return DAY_MONTH.format(start) + " – " + DAY.format(end);
        }
        return start.getDayOfMonth() + "–" + DAY.format(end);
    }

    /** A top-list period in words: "7day" → "last 7 days", "overall" → "all time". */
    public static String period(String period) {
        return PERIODS.getOrDefault(period, period);
    }

    /** "3 h 2 min ago", "just now" (under a minute), or "in 5 min" for a clock that runs behind. */
    public static String ago(Instant then, Instant now) {
        long seconds = Duration.between(then, now).toSeconds();
        if (Math.abs(seconds) < 60) {
            return "just now";
        }
        return seconds > 0 ? Markdown.duration(seconds) + " ago" : "in " + Markdown.duration(-seconds);
    }

    /**
     * The timezone called {@code name}: an IANA name ("Europe/Paris", case-insensitive), "UTC", or an offset
     * ("+02:00"); a {@link ToolException} naming valid examples otherwise.
     */
    public static ZoneId zone(String name) {
        String given = name == null || name.isBlank() ? "UTC" : name.trim();
        try {
            return ZoneId.of(given);
        } catch (DateTimeException e) {
            for (String id : ZoneId.getAvailableZoneIds()) {
                if (id.equalsIgnoreCase(given)) {
                    return ZoneId.of(id);
                }
            }
            throw new ToolException("Unknown timezone \"" + given + "\": use an IANA timezone name such as "
                                    + "\"Europe/London\", \"America/New_York\", \"Asia/Tokyo\" or \"UTC\".");
        }
    }
}
