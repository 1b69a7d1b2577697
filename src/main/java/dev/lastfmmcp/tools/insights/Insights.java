package dev.lastfmmcp.tools.insights;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting helpers the insight tools share: percentages, decimals, counts, times. */
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
}
