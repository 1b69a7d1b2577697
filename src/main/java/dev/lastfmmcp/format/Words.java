package dev.lastfmmcp.format;

import java.util.Locale;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.format.Markdown.number;

/**
 * The small wordings every tool family shares: counts with their noun, play counts, percentages, lengths and
 * possessives. One place, so "1 play" and "1,234 plays" read the same in every result.
 */
public final class Words {

    private Words() {
    }

    /** 1234567 → "1,234,567"; null → "unknown". */
    public static String count(Long value) {
        return value == null ? "unknown" : number(value);
    }

    /** "1,234 things" with the singular for one. */
    public static String count(long count, String singular, String plural) {
        return number(count) + " " + (count == 1 ? singular : plural);
    }

    /** "1,511 plays", "1 play", "unknown plays". */
    public static String plays(Long count) {
        return count == null ? "unknown plays" : count(count, "play", "plays");
    }

    /** "1,511 scrobbles", "1 scrobble". */
    public static String scrobbles(long count) {
        return count(count, "scrobble", "scrobbles");
    }

    /** 0.976 → "98%"; null → "?". */
    public static String percent(Double match) {
        return match == null ? "?" : Math.round(match * 100) + "%";
    }

    /** A length as a clock: 157 → "2:37", 3725 → "1:02:05". */
    public static String clock(long seconds) {
        long s = Math.max(0, seconds);
        long hours = s / 3600;
        long minutes = (s % 3600) / 60;
        long rest = s % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }

    /** " (2:37)" for a known length, "" otherwise. */
    public static String length(Integer seconds) {
        return seconds == null ? "" : " (" + clock(seconds) + ")";
    }

    /** "RJ's", "James'"… kept simple: "'s" always, which reads fine for usernames (escaped). */
    public static String possessive(String user) {
        return escape(user) + "'s";
    }
}
