package dev.lastfmmcp.tools.insights;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.lastfmmcp.lastfm.model.Tag;
import dev.lastfmmcp.lastfm.model.TopTags;

/**
 * Last.fm tags read as genres: names compared loosely ("Hip-Hop" = "hip hop"), tags that say nothing about the music
 * ("seen live", "favorites") left out, and an artist's relevance for a tag from Last.fm's 0–100 tag count.
 */
public final class Tags {

    /** Popular Last.fm tags that describe the listener, not the music. */
    static final Set<String> NOT_GENRES = Set.of("seen live", "favorites", "favourites", "favorite", "favourite",
            "favorite artists", "favourite artists", "my favorite", "my favourite", "love", "awesome", "beautiful",
            "albums i own", "under 2000 listeners", "spotify");

    private Tags() {
    }

    /** A tag or genre name for comparison: lower case, accents and punctuation folded into single spaces. */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    /** Whether the tag says something about the music. */
    public static boolean isGenre(String name) {
        String key = key(name);
        return !key.isEmpty() && !NOT_GENRES.contains(key);
    }

    /**
     * Whether a tag is the genre or a kind of it: "hip-hop" and "hiphop" match "Hip Hop", "black metal" matches
     * "metal" (every word of the genre is a word of the tag), "metalcore" does not match "metal".
     */
    public static boolean matches(String tag, String genre) {
        String tagKey = key(tag);
        String genreKey = key(genre);
        if (tagKey.isEmpty() || genreKey.isEmpty()) {
            return false;
        }
        if (tagKey.replace(" ", "").equals(genreKey.replace(" ", ""))) {
            return true;
        }
        List<String> words = Arrays.asList(tagKey.split(" "));
        return words.containsAll(Arrays.asList(genreKey.split(" ")));
    }

    /** The artist's first {@code count} genre tags, most used first. */
    public static List<Tag> topGenres(TopTags tags, int count) {
        if (tags == null) {
            return List.of();
        }
        return tags.tags().stream()
                .filter(tag -> isGenre(tag.name()))
                .filter(tag -> tag.count() == null || tag.count() > 0)
                .sorted((a, b) -> Long.compare(relevanceCount(b), relevanceCount(a)))
                .limit(count)
                .toList();
    }

    /** How strongly the tag applies to the artist, 0–1 (Last.fm's count / 100; 1 when Last.fm gives none). */
    public static double relevance(Tag tag) {
        return relevanceCount(tag) / 100.0;
    }

    private static long relevanceCount(Tag tag) {
        return tag.count() == null ? 100 : Math.max(0, Math.min(100, tag.count()));
    }
}
