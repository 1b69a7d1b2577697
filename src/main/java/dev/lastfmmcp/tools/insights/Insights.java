package dev.lastfmmcp.tools.insights;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.tools.ToolOutput;

/** Formatting helpers the insight tools share: percentages, decimals, times, counts of requests and skipped parts. */
final class Insights {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Insights() {
    }

    /** 0.4567 → "46%"; tiny non-zero shares are "<1%". */
    static String percent(double share) {
        long rounded = Math.round(share * 100);
        return rounded == 0 && share > 0 ? "<1%" : rounded + "%";
    }

    /** 1234.56 → "1,234.6", 12.0 → "12": one decimal at most, thousands separators. */
    static String decimal(double value) {
        DecimalFormat format = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** "top artist" for one, "top 10 artists" for more. */
    static String top(int count, String one, String many) {
        return count == 1 ? "top " + one : "top " + count + " " + many;
    }

    /** "2024-05-01 10:00" in the zone. */
    static String minute(Instant instant, ZoneId zone) {
        return MINUTE.format(instant.atZone(zone));
    }

    /** The closing lines every multi-step insight has: what was skipped, and the Last.fm requests made. */
    static void footer(ToolOutput out, List<String> skipped, int requests, int bound) {
        out.blank();
        for (String note : skipped) {
            out.line("_Skipped: " + note + "_");
        }
        out.line("_Last.fm requests: " + requests + " (at most " + bound + " for this tool; repeats are answered "
                 + "from the cache)._");
    }

    static LastfmResult[] array(List<LastfmResult> results) {
        return results.toArray(new LastfmResult[0]);
    }
}
