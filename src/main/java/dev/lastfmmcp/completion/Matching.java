package dev.lastfmmcp.completion;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Narrows candidate values to a typed prefix the way people expect: case- and accent-insensitive, values that start
 * with the prefix first, then values with a word that starts with it ("rock" finds "rock" before "indie rock").
 */
public final class Matching {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Matching() {
    }

    /** The matching values, best first, each once, in their order within each group. */
    public static List<String> narrow(List<String> candidates, String prefix) {
        Set<String> distinct = new LinkedHashSet<>(candidates);
        String wanted = fold(prefix);
        if (wanted.isEmpty()) {
            return List.copyOf(distinct);
        }
        List<String> starts = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String candidate : distinct) {
            String folded = fold(candidate);
            if (folded.startsWith(wanted)) {
                starts.add(candidate);
            } else if (hasWordStarting(folded, wanted)) {
                words.add(candidate);
            }
        }
        starts.addAll(words);
        return starts;
    }

    private static boolean hasWordStarting(String text, String wanted) {
        for (int i = text.indexOf(wanted); i > 0; i = text.indexOf(wanted, i + 1)) {
            if (!Character.isLetterOrDigit(text.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Lower case without accents: "Björk" → "bjork". */
    static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text.strip(), Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
    }
}
