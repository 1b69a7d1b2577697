package dev.lastfmmcp.tools.users;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lastfmmcp.jsonrpc.ToolException;

/**
 * The time range get_recent_tracks asks Last.fm for, in UTC Unix seconds: a calendar {@code date} in
 * {@code zone} (that local day, midnight to midnight, whatever its length), or {@code from} and/or {@code to} as
 * given. Built only through {@link #of}, which rejects contradictory or malformed arguments with a sentence a person
 * can act on.
 */
public record ListeningRange(ZoneId zone, LocalDate date, Long from, Long to) {

    /** Reads and checks the arguments; {@code timezone} defaults to UTC. */
    public static ListeningRange of(String date, Long from, Long to, String timezone) {
        ZoneId zone = Dates.zone(timezone);
        if (date != null) {
            if (from != null || to != null) {
                throw new ToolException("Give either date or from/to, not both: date picks one whole day in the "
                                        + "timezone, from/to are Unix seconds. Drop one of them and call again.");
            }
            LocalDate day = parseDate(date);
            long start = day.atStartOfDay(zone).toEpochSecond();
            long end = day.plusDays(1).atStartOfDay(zone).toEpochSecond() - 1;
            return new ListeningRange(zone, day, start, end);
        }
        if (from != null && to != null && from > to) {
            throw new ToolException("from (" + from + ", " + Dates.dateTime(Instant.ofEpochSecond(from), zone)
                                    + ") is after to (" + to + ", " + Dates.dateTime(Instant.ofEpochSecond(to), zone)
                                    + "): from must be the earlier time. Swap them and call again.");
        }
        return new ListeningRange(zone, null, from, to);
    }

    private static LocalDate parseDate(String date) {
        try {
            return LocalDate.parse(date.trim(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new ToolException("Invalid date \"" + date + "\": give a calendar day as YYYY-MM-DD, e.g. \""
                                    + "2026-11-21\".");
        }
    }

    /** Whether Last.fm is asked for a range at all. */
    public boolean bounded() {
        return from != null || to != null;
    }

    /** Whether the whole range lies before {@code now} (so nothing in it can be playing now). */
    public boolean endsBefore(Instant now) {
        return to != null && Instant.ofEpochSecond(to).isBefore(now);
    }

    /** The range as the answer echoes it; null when unbounded. */
    public Echo echo() {
        if (!bounded()) {
            return null;
        }
        Instant start = from == null ? null : Instant.ofEpochSecond(from);
        Instant end = to == null ? null : Instant.ofEpochSecond(to);
        return new Echo(date == null ? null : date.toString(), zone.getId(), from, to, start, end,
                start == null ? null : local(start), end == null ? null : local(end));
    }

    private String local(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    /**
     * The range for people, in the timezone and as UTC instants: "Sat 21 Nov 2026 in Europe/Paris
     * (2026-11-20T23:00:00Z – 2026-11-21T22:59:59Z)"; null when unbounded.
     */
    public String describe() {
        if (!bounded()) {
            return null;
        }
        String utc = (from == null ? "…" : instant(from)) + " – " + (to == null ? "now" : instant(to));
        if (date != null) {
            return Dates.weekday(date.atStartOfDay(zone)) + " in " + zone.getId() + " (" + utc + ")";
        }
        String local = from != null && to != null
                ? Dates.dateTime(Instant.ofEpochSecond(from), zone) + " – " + Dates.dateTime(Instant.ofEpochSecond(to),
                        zone)
                : from != null ? "since " + Dates.dateTime(Instant.ofEpochSecond(from), zone)
                : "until " + Dates.dateTime(Instant.ofEpochSecond(to), zone);
        return local + " in " + zone.getId() + " (" + utc + ")";
    }

    private static String instant(long seconds) {
        return Instant.ofEpochSecond(seconds).toString();
    }

    /**
     * The queried range in the structured answer: the day asked for (when one was), the timezone, the Unix seconds
     * sent to Last.fm, and the same bounds as ISO-8601 instants and as local times with their offset.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Echo(String date, String timezone, Long from, Long to, Instant start, Instant end,
            String startLocal, String endLocal) {
    }
}
