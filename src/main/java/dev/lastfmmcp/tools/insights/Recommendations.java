package dev.lastfmmcp.tools.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lastfmmcp.lastfm.model.RankedArtist;
import dev.lastfmmcp.lastfm.model.SimilarArtist;
import dev.lastfmmcp.lastfm.model.Tag;
import dev.lastfmmcp.lastfm.model.TopTags;

/**
 * The scoring of get_music_recommendations, as pure functions: seeds weighted by their share of the user's plays,
 * candidates scored by Σ seed weight × Last.fm match, the user's library left out, and the genre check.
 */
public final class Recommendations {

    /** How many of a candidate's top tags the genre is looked for in. */
    static final int GENRE_TAGS = 10;

    private Recommendations() {
    }

    /** A top artist the recommendations start from: its plays and its share of all the seeds' plays (0–1). */
    public record Seed(String name, long plays, double weight) {
    }

    /** Why a candidate came up: a seed it is similar to, the seed's plays, and Last.fm's match (0–1). */
    public record Because(String artist, long plays, double match) {
    }

    /** A scored candidate: its score (0–1, the weighted match with the seeds) and the seeds behind it, best first. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Candidate(String name, String mbid, String url, double score, List<Because> because) {
    }

    /** The artists a user already plays, by name (case-insensitive) and MusicBrainz id. */
    public record Library(Set<String> names, Set<String> mbids) {

        public static Library of(List<RankedArtist> artists) {
            Set<String> names = new HashSet<>();
            Set<String> mbids = new HashSet<>();
            for (RankedArtist artist : artists) {
                names.add(key(artist.name()));
                if (artist.mbid() != null) {
                    mbids.add(artist.mbid());
                }
            }
            return new Library(Set.copyOf(names), Set.copyOf(mbids));
        }

        public boolean contains(String name, String mbid) {
            return names.contains(key(name)) || (mbid != null && mbids.contains(mbid));
        }
    }

    /** An artist name for comparison: trimmed, lower case. */
    static String key(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }

    /** The first {@code count} artists with plays, each weighted by its share of their plays. */
    public static List<Seed> seeds(List<RankedArtist> top, int count) {
        List<RankedArtist> chosen = top.stream().filter(a -> a.playcount() != null && a.playcount() > 0)
                .limit(count).toList();
        double total = chosen.stream().mapToLong(RankedArtist::playcount).sum();
        return chosen.stream().map(a -> new Seed(a.name(), a.playcount(), a.playcount() / total)).toList();
    }

    /**
     * Candidates from the seeds' similar artists: score = Σ over the seeds it is similar to of seed weight × match.
     * Artists in the library and the seeds themselves are left out. Best first (ties by name).
     */
    public static List<Candidate> score(List<Seed> seeds, Map<String, List<SimilarArtist>> similarBySeed,
            Library library) {
        Set<String> seedNames = new HashSet<>();
        seeds.forEach(seed -> seedNames.add(key(seed.name())));
        Map<String, SimilarArtist> first = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, List<Because>> reasons = new LinkedHashMap<>();
        for (Seed seed : seeds) {
            for (SimilarArtist similar : similarBySeed.getOrDefault(seed.name(), List.of())) {
                String key = key(similar.name());
                double match = similar.match() == null ? 0 : Math.max(0, Math.min(1, similar.match()));
                if (key.isEmpty() || match <= 0 || seedNames.contains(key)
                    || library.contains(similar.name(), similar.mbid())) {
                    continue;
                }
                first.putIfAbsent(key, similar);
                scores.merge(key, seed.weight() * match, Double::sum);
                reasons.computeIfAbsent(key, k -> new ArrayList<>()).add(new Because(seed.name(), seed.plays(), match));
            }
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        seeds.forEach(seed -> weights.put(seed.name(), seed.weight()));
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, Double> entry : scores.entrySet()) {
            SimilarArtist artist = first.get(entry.getKey());
            List<Because> because = reasons.get(entry.getKey()).stream()
                    .sorted(Comparator.comparingDouble((Because b) -> weights.get(b.artist()) * b.match()).reversed())
                    .toList();
            candidates.add(new Candidate(artist.name(), artist.mbid(), artist.url(),
                    ListeningStats.round(entry.getValue(), 4), because));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(candidate -> key(candidate.name())));
        return List.copyOf(candidates);
    }

    /** The candidate's tags that are the genre or a kind of it, among its first {@value #GENRE_TAGS} genre tags. */
    public static List<String> genreTags(TopTags tags, String genre) {
        return Tags.topGenres(tags, GENRE_TAGS).stream().map(Tag::name).filter(name -> Tags.matches(name, genre))
                .toList();
    }
}
