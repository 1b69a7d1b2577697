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
        // what NumberFormat.getIntegerInstance(Locale.US) writes, without building a formatter for every number
        String digits = Long.toString(value);
        int sign = value < 0 ? 1 : 0;
        int length = digits.length() - sign;
        if (length <= 3) {
            return digits;
        }
        StringBuilder text = new StringBuilder(digits.length() + (length - 1) / 3);
        text.append(digits, 0, sign);
        int first = length % 3 == 0 ? 3 : length % 3;
        text.append(digits, sign, sign + first);
        for (int i = sign + first; i < digits.length(); i += 3) {
            text.append(',').append(digits, i, i + 3);
        }
        return text.toString();
    }

    /**
     * Escapes the characters of a name that would turn it into Markdown markup, and only those, so that the text a
     * model reads says "carol_private" and "#1 Crush", not "carol\\_private" and "\\#1 Crush". The name may be
     * placed anywhere in a line (at its start, in bold, before or after other markup), so its two ends are treated as
     * next to unknown characters:
     * <ul>
     * <li>{@code _} unless it is between two letters or digits (intraword, it never opens or closes emphasis);</li>
     * <li>{@code *} unless it has white space on both sides (then it can be neither);</li>
     * <li>{@code #} only as a run at the start followed by a space or the end (a heading), or as a run at the end
     *     after a space (a heading's closing sequence);</li>
     * <li>{@code [} when such a {@code ]} follows, {@code ]} when {@code (}, {@code [}, {@code :} or the end follows
     *     (a link); {@code <} before a letter, {@code /}, {@code !} or {@code ?} (HTML, autolink); {@code >} at the
     *     start (a quote); a backtick always (a code span pairs with any other);</li>
     * <li>a backslash when punctuation or the end follows (it would escape it).</li>
     * </ul>
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        int length = text.length();
        StringBuilder out = new StringBuilder(length + 8);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (needsEscape(text, i, c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean needsEscape(String text, int i, char c) {
        int length = text.length();
        return switch (c) {
            case '_' -> !(wordBefore(text, i) && wordAfter(text, i + 1));
            case '*' -> !(i > 0 && Character.isWhitespace(text.charAt(i - 1))
                          && i + 1 < length && Character.isWhitespace(text.charAt(i + 1)));
            case '#' -> headingMark(text, i);
            case '[' -> linkEnd(text, i + 1);
            case ']' -> i + 1 == length || "([:".indexOf(text.charAt(i + 1)) >= 0;
            case '<' -> i + 1 < length && (Character.isLetter(text.charAt(i + 1))
                                           || "/!?".indexOf(text.charAt(i + 1)) >= 0);
            case '>' -> i == 0;
            case '`' -> true;
            case '\\' -> i + 1 == length || isAsciiPunctuation(text.charAt(i + 1));
            default -> false;
        };
    }

    /** The first {@code #} of a run that starts the text and is followed by a space or the end, or of a run that
     * ends the text after a space (or is the whole text). */
    private static boolean headingMark(String text, int i) {
        if (i > 0 && text.charAt(i - 1) == '#') {
            return false;
        }
        int end = i;
        while (end < text.length() && text.charAt(end) == '#') {
            end++;
        }
        boolean opening = i == 0 && (end == text.length() || text.charAt(end) == ' ' || text.charAt(end) == '\t');
        boolean closing = end == text.length() && (i == 0 || Character.isWhitespace(text.charAt(i - 1)));
        return opening || closing;
    }

    /** A {@code ]} from {@code from} on that could close a link (one that is escaped itself). */
    private static boolean linkEnd(String text, int from) {
        for (int j = text.indexOf(']', from); j >= 0; j = text.indexOf(']', j + 1)) {
            if (needsEscape(text, j, ']')) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordBefore(String text, int i) {
        return i > 0 && Character.isLetterOrDigit(text.codePointBefore(i));
    }

    private static boolean wordAfter(String text, int i) {
        return i < text.length() && Character.isLetterOrDigit(text.codePointAt(i));
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !Character.isISOControl(c);
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
