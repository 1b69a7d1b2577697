package dev.lastfmmcp.format;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/** Small helpers for the Markdown tool results share: numbers, durations, escaping and the "Next steps" list. */
public final class Markdown {

    private Markdown() {
    }

    /** 1234567 → "1,234,567". */
    public static String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    /** Escapes the characters that would turn a name into Markdown markup. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>|#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A string literal for a suggested call: {@code "AC/DC"} with quotes and backslashes escaped. */
    public static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** 3725 s → "1 h 2 min"; 59 s → "59 s". */
    public static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h " + (minutes % 60) + " min";
        }
        return (hours / 24) + " d " + (hours % 24) + " h";
    }

    /** The closing "Next steps" list: concrete follow-up calls with their arguments filled in. */
    public static String nextSteps(List<String> calls) {
        if (calls.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n**Next steps**\n");
        for (String call : calls) {
            out.append("- `").append(call).append("`\n");
        }
        return out.toString();
    }
}
