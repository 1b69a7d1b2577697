package dev.lastfmmcp.tools.charts;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Country names for the geo charts. Last.fm wants a country's English ISO 3166-1 name ("Germany") and rejects codes
 * and misspellings; this finds the name a person probably meant ("DE", "DEU" or "Germny" → "Germany"), from the
 * JDK's ISO 3166 list, so the error can suggest it.
 */
public final class Countries {

    /** Lower-case English name → English name, and alpha-2 / alpha-3 code → English name. */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();
    private static final Map<String, String> CODES = new LinkedHashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale locale = new Locale("", code);
            String name = locale.getDisplayCountry(Locale.ENGLISH);
            if (name.isBlank() || name.equals(code)) {
                continue;
            }
            NAMES.put(key(name), name);
            CODES.put(code.toLowerCase(Locale.ROOT), name);
            try {
                CODES.put(locale.getISO3Country().toLowerCase(Locale.ROOT), name);
            } catch (java.util.MissingResourceException e) {
                // no alpha-3 code known for this country
            }
        }
        // the one common code that is not ISO 3166-1
        CODES.put("uk", CODES.get("gb"));
    }

    private Countries() {
    }

    /**
     * The English country name {@code given} probably means: the name for an ISO alpha-2 or alpha-3 code, or the one
     * name within a small edit distance of a misspelling; null when {@code given} already is such a name or nothing
     * is close enough.
     */
    public static String suggestion(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String wanted = key(given);
        if (NAMES.containsKey(wanted)) {
            return null;
        }
        String byCode = CODES.get(wanted);
        if (byCode != null) {
            return byCode;
        }
        int allowed = Math.max(1, Math.min(3, wanted.length() / 4));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (Map.Entry<String, String> name : NAMES.entrySet()) {
            int distance = distance(wanted, name.getKey(), allowed);
            if (distance < bestDistance) {
                best = name.getValue();
                bestDistance = distance;
                tie = false;
            } else if (distance == bestDistance) {
                tie = true;
            }
        }
        return bestDistance <= allowed && !tie ? best : null;
    }

    private static String key(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** Levenshtein distance, giving up (returning limit + 1) once it must exceed {@code limit}. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
