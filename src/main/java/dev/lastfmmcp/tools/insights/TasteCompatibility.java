package dev.lastfmmcp.tools.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lastfmmcp.lastfm.model.RankedArtist;

/**
 * compare_users' arithmetic, as pure functions: the cosine similarity of two users' play-count vectors over the
 * union of their top artists, with plays log-scaled (ln(1 + plays)) so that one heavily played artist does not decide
 * the score; the shared artists and those only one of them has.
 */
public final class TasteCompatibility {

    private TasteCompatibility() {
    }

    /** An artist both users play, with each one's plays. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SharedArtist(String name, String url, long user1Plays, long user2Plays) {
    }

    /** An artist only one of the users has in their top list, with that user's plays. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ArtistPlays(String name, String url, long plays) {
    }

    /**
     * The comparison: score 0–1 and its label, the size of the union, the shared artists (most telling first: by the
     * product of the two log-scaled play counts, their part of the score) and each user's own artists (most played
     * first).
     */
    public record Comparison(double score, String label, int union, List<SharedArtist> shared,
            List<ArtistPlays> onlyUser1, List<ArtistPlays> onlyUser2) {
    }

    public static Comparison compare(List<RankedArtist> user1, List<RankedArtist> user2) {
        Map<String, RankedArtist> first = index(user1);
        Map<String, RankedArtist> second = index(user2);
        double dot = 0;
        List<SharedArtist> shared = new ArrayList<>();
        List<ArtistPlays> only1 = new ArrayList<>();
        for (Map.Entry<String, RankedArtist> entry : first.entrySet()) {
            RankedArtist mine = entry.getValue();
            RankedArtist theirs = second.get(entry.getKey());
            if (theirs == null) {
                only1.add(new ArtistPlays(mine.name(), mine.url(), plays(mine)));
            } else {
                dot += weight(plays(mine)) * weight(plays(theirs));
                shared.add(new SharedArtist(mine.name(), mine.url(), plays(mine), plays(theirs)));
            }
        }
        List<ArtistPlays> only2 = second.entrySet().stream().filter(entry -> !first.containsKey(entry.getKey()))
                .map(entry -> new ArtistPlays(entry.getValue().name(), entry.getValue().url(),
                        plays(entry.getValue())))
                .toList();
        double norms = norm(first.values()) * norm(second.values());
        double score = norms == 0 ? 0 : Math.min(1, dot / norms);
        shared.sort(Comparator.comparingDouble((SharedArtist s) -> weight(s.user1Plays()) * weight(s.user2Plays()))
                .reversed());
        only1.sort(Comparator.comparingLong(ArtistPlays::plays).reversed());
        List<ArtistPlays> sorted2 = new ArrayList<>(only2);
        sorted2.sort(Comparator.comparingLong(ArtistPlays::plays).reversed());
        int union = first.size() + sorted2.size();
        return new Comparison(ListeningStats.round(score, 4), label(score), union, List.copyOf(shared),
                List.copyOf(only1), List.copyOf(sorted2));
    }

    /**
     * Below these a user's list is too small for the score to say much: fewer scrobbles in the period, or fewer
     * artists (a 3-scrobble listener shares "41%" with anyone who plays the same two artists).
     */
    static final long SMALL_SAMPLE_SCROBBLES = 50;
    static final int SMALL_SAMPLE_ARTISTS = 5;

    /** Whether a top list with these artists is too small a sample for the score (see the thresholds). */
    public static boolean smallSample(List<RankedArtist> artists) {
        return scrobbles(artists) < SMALL_SAMPLE_SCROBBLES || index(artists).size() < SMALL_SAMPLE_ARTISTS;
    }

    /** The plays of a top list, summed. */
    public static long scrobbles(List<RankedArtist> artists) {
        return artists.stream().mapToLong(TasteCompatibility::plays).sum();
    }

    /** Plain words for a score, after Last.fm's old taste-o-meter. */
    public static String label(double score) {
        double percent = score * 100;
        if (percent >= 80) {
            return "super";
        }
        if (percent >= 60) {
            return "very high";
        }
        if (percent >= 40) {
            return "high";
        }
        if (percent >= 20) {
            return "medium";
        }
        if (percent >= 5) {
            return "low";
        }
        return "very low";
    }

    /** A play count on the log scale the score uses. */
    static double weight(long plays) {
        return Math.log1p(Math.max(0, plays));
    }

    private static double norm(Iterable<RankedArtist> artists) {
        double sum = 0;
        for (RankedArtist artist : artists) {
            sum += Math.pow(weight(plays(artist)), 2);
        }
        return Math.sqrt(sum);
    }

    /** Artists by case-insensitive name, first occurrence kept. */
    private static Map<String, RankedArtist> index(List<RankedArtist> artists) {
        Map<String, RankedArtist> map = new LinkedHashMap<>();
        for (RankedArtist artist : artists) {
            String key = Recommendations.key(artist.name());
            if (!key.isEmpty()) {
                map.putIfAbsent(key, artist);
            }
        }
        return map;
    }

    private static long plays(RankedArtist artist) {
        return ListeningStats.plays(artist);
    }
}
