package dev.lastfmmcp.tools;

import java.text.Normalizer;
import java.util.Locale;

/** Whether Last.fm's autocorrect changed a name, ignoring case, accents, spacing and punctuation. */
public final class Corrections {

    private Corrections() {
    }

    /** The name asked for when Last.fm answered with a different one, else null. */
    public static String correctedFrom(String asked, String answered) {
        if (asked == null || answered == null) {
            return null;
        }
        return comparable(asked).equals(comparable(answered)) ? null : asked;
    }

    static String comparable(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String kept = folded.replaceAll("[^\\p{L}\\p{Nd}]+", "");
        return kept.isEmpty() ? folded.strip() : kept;
    }
}
