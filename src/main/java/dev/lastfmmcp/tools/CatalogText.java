package dev.lastfmmcp.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.lastfmmcp.lastfm.model.ArtistRef;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.tools.Corrections;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.format.Markdown.number;

/**
 * The wording the catalogue tools share: counts, track lengths as m:ss, match percentages, page lines, "X by Y",
 * the sentence that says Last.fm corrected a name, and looser variants of a query or tag that found nothing.
 */
public final class CatalogText {

    private CatalogText() {
    }

    /** "Page 1 of 1,381 (13,809 results)"; "1 result" in the singular. */
    public static String pageLine(Page page) {
        return "Page " + number(page.page()) + " of " + number(Math.max(1, page.totalPages())) + " ("
               + number(page.total()) + (page.total() == 1 ? " result)" : " results)");
    }

    /** The rank of the {@code index}-th item (from 0) on a page of {@code perPage} items. */
    public static int rank(int page, int perPage, int index) {
        return (Math.max(1, page) - 1) * perPage + index + 1;
    }

    /** "**Name** by Artist" with both escaped; just "**Name**" without an artist. */
    public static String byArtist(String name, String artist) {
        return "**" + escape(name) + "**" + (artist == null ? "" : " by " + escape(artist));
    }

    /** " by Artist" (escaped), or nothing when the artist is unknown. */
    public static String by(ArtistRef artist) {
        return artist == null || artist.name() == null ? "" : " by " + escape(artist.name());
    }

    public static String artistName(ArtistRef artist) {
        return artist == null ? null : artist.name();
    }

    /**
     * The sentence saying which names Last.fm's autocorrect changed, e.g. {@code _Last.fm corrected the artist
     * "linkin prk" to "Linkin Park"._}; null when none changed. Arguments come in triples: what, asked, answered.
     */
    public static String correctedSentence(String... whatAskedAnswered) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i + 2 < whatAskedAnswered.length; i += 3) {
            String from = Corrections.correctedFrom(whatAskedAnswered[i + 1], whatAskedAnswered[i + 2]);
            if (from != null) {
                parts.add("the " + whatAskedAnswered[i] + " \"" + escape(from) + "\" to \""
                          + escape(whatAskedAnswered[i + 2]) + "\"");
            }
        }
        return parts.isEmpty() ? null : "_Last.fm corrected " + String.join(" and ", parts) + "._";
    }

    /**
     * A looser query to try when a search found nothing: punctuation dropped, else the last word dropped; null when
     * there is nothing looser (a single plain word).
     */
    public static String looserQuery(String query) {
        if (query == null) {
            return null;
        }
        String trimmed = query.strip().replaceAll("\\s+", " ");
        String plain = trimmed.replaceAll("[^\\p{L}\\p{Nd}\\s']+", " ").strip().replaceAll("\\s+", " ");
        if (!plain.isEmpty() && !plain.equals(trimmed)) {
            return plain;
        }
        String[] words = trimmed.split(" ");
        return words.length > 1 ? String.join(" ", Arrays.copyOf(words, words.length - 1)) : null;
    }

    /**
     * The other common spelling of a tag: "hip hop" ↔ "hip-hop", "post rock" ↔ "post-rock"; null for one word.
     */
    public static String tagVariant(String tag) {
        if (tag == null) {
            return null;
        }
        String trimmed = tag.strip();
        if (trimmed.contains(" ")) {
            return trimmed.replaceAll("\\s+", "-");
        }
        if (trimmed.contains("-")) {
            return trimmed.replace('-', ' ').replaceAll("\\s+", " ").strip();
        }
        return null;
    }
}
