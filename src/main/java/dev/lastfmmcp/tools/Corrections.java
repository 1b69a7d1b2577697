package dev.lastfmmcp.tools;

import java.text.Normalizer;
import java.util.Locale;

/** Whether Last.fm's autocorrect changed a name, ignoring case, accents, spacing and punctuation. */
public final class Corrections {

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern NOT_LETTERS = java.util.regex.Pattern.compile("[^\\p{L}\\p{Nd}]+");

    private Corrections() {
    }

    /** The name asked for when Last.fm answered with a different one, else null. */
    public static String correctedFrom(String asked, String answered) {
        if (asked == null || answered == null || asked.equals(answered)) {
            return null;
        }
        return comparable(asked).equals(comparable(answered)) ? null : asked;
    }

    static String comparable(String name) {
        String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        String kept = NOT_LETTERS.matcher(folded).replaceAll("");
        return kept.isEmpty() ? folded.strip() : kept;
    }
}
