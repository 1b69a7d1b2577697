package dev.lastfmmcp.format;

/**
 * Which characters a name taken from a client (an artist in a resource URI, a prompt argument) may not contain:
 * control characters, line and paragraph separators, and the bidirectional embedding, override and isolate marks
 * that can make text read differently from what it is.
 */
public final class SafeText {

    private SafeText() {
    }

    /** The first forbidden character as {@code U+000A}, or null when the text has none. */
    public static String firstForbidden(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (forbidden(c)) {
                return String.format("U+%04X", c);
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /**
     * {@code text} cut to at most {@code max} code points, with "…" when it was longer: for echoing what a client sent
     * (an unknown method or tool name) in a message without sending a megabyte back.
     */
    public static String clip(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max)) + "…";
    }

    static boolean forbidden(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
               || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }
}
