package dev.lastfmmcp.unit;

import java.util.List;
import java.util.Map;

import dev.lastfmmcp.lastfm.model.RankedArtist;
import dev.lastfmmcp.lastfm.model.SimilarArtist;
import dev.lastfmmcp.lastfm.model.Tag;
import dev.lastfmmcp.lastfm.model.TopTags;
import dev.lastfmmcp.tools.insights.Recommendations;
import dev.lastfmmcp.tools.insights.Recommendations.Candidate;
import dev.lastfmmcp.tools.insights.Recommendations.Library;
import dev.lastfmmcp.tools.insights.Recommendations.Seed;
import dev.lastfmmcp.tools.insights.Tags;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Recommendation scoring: weighted seeds, Σ weight × match, the library left out, the genre check. */
class RecommendationsTest {

    private static RankedArtist ranked(String name, Long plays, String mbid) {
        return new RankedArtist(1, name, mbid, null, plays, null, null);
    }

    private static SimilarArtist similar(String name, double match) {
        return new SimilarArtist(name, null, null, match, null);
    }

    @Test
    void seedsAreTheTopArtistsWithPlaysWeightedByTheirShare() {
        List<Seed> seeds = Recommendations.seeds(List.of(ranked("A", 300L, null), ranked("B", 100L, null),
                ranked("Silent", 0L, null), ranked("Unknown", null, null), ranked("C", 100L, null),
                ranked("D", 50L, null)), 3);
        assertThat(seeds).extracting(Seed::name).containsExactly("A", "B", "C");
        assertThat(seeds).extracting(Seed::weight).containsExactly(0.6, 0.2, 0.2);
        assertThat(Recommendations.seeds(List.of(), 10)).isEmpty();
    }

    @Test
    void candidatesAreScoredBySeedWeightTimesMatchAndKnownArtistsAreLeftOut() {
        List<Seed> seeds = List.of(new Seed("A", 300, 0.75), new Seed("B", 100, 0.25));
        Map<String, List<SimilarArtist>> similar = Map.of(
                "A", List.of(similar("X", 0.8), similar("Known", 1.0), similar("b", 0.9), similar("Y", 0.2)),
                "B", List.of(similar("Y", 1.0), similar("X", 0.4), similar("known by id", 0.7),
                        new SimilarArtist("Z", null, null, null, null)));
        Library library = Library.of(List.of(ranked("KNOWN", 5L, null), ranked("Other", 1L, "mbid-1")));
        Map<String, List<SimilarArtist>> withId = Map.of("A", similar.get("A"), "B", List.of(similar("Y", 1.0),
                similar("X", 0.4), new SimilarArtist("known by id", "mbid-1", null, 0.7, null)));

        List<Candidate> candidates = Recommendations.score(seeds, withId, library);
        // X: 0.75 x 0.8 + 0.25 x 0.4 = 0.7; Y: 0.75 x 0.2 + 0.25 x 1.0 = 0.4
        assertThat(candidates).extracting(Candidate::name).containsExactly("X", "Y");
        assertThat(candidates.get(0).score()).isCloseTo(0.7, within(1e-9));
        assertThat(candidates.get(1).score()).isCloseTo(0.4, within(1e-9));
        // the seed behind most of the score first
        assertThat(candidates.get(1).because()).extracting(Recommendations.Because::artist).containsExactly("B", "A");
        assertThat(candidates.get(0).because().get(0).plays()).isEqualTo(300);
        assertThat(candidates.get(0).because().get(0).match()).isEqualTo(0.8);

        // without the MBID the name alone does not match the library
        assertThat(Recommendations.score(seeds, similar, library)).extracting(Candidate::name)
                .containsExactly("X", "Y", "known by id");
    }

    @Test
    void equalScoresAreOrderedByName() {
        List<Candidate> candidates = Recommendations.score(List.of(new Seed("A", 1, 1.0)),
                Map.of("A", List.of(similar("Zed", 0.5), similar("alpha", 0.5), similar("Mid", 0.9))),
                Library.of(List.of()));
        assertThat(candidates).extracting(Candidate::name).containsExactly("Mid", "alpha", "Zed");
    }

    @Test
    void genresMatchTagsLooselyButByWholeWords() {
        assertThat(Tags.matches("Hip-Hop", "hip hop")).isTrue();
        assertThat(Tags.matches("hiphop", "Hip Hop")).isTrue();
        assertThat(Tags.matches("black metal", "metal")).isTrue();
        assertThat(Tags.matches("metalcore", "metal")).isFalse();
        assertThat(Tags.matches("Électronique", "electronique")).isTrue();
        assertThat(Tags.matches("post-rock", "rock")).isTrue();
        assertThat(Tags.matches("rock", "post rock")).isFalse();
        assertThat(Tags.matches("", "rock")).isFalse();
        assertThat(Tags.isGenre("Seen Live")).isFalse();
        assertThat(Tags.isGenre("shoegaze")).isTrue();
    }

    @Test
    void aCandidatesGenreTagsAreAmongItsFirstTenGenreTags() {
        TopTags tags = new TopTags(null, "X", null, List.of(tag("seen live", 100), tag("electronic", 100),
                tag("Trip-Hop", 60), tag("a", 50), tag("b", 50), tag("c", 50), tag("d", 50), tag("e", 50),
                tag("f", 40), tag("g", 30), tag("h", 20), tag("trip hop", 10)));
        assertThat(Recommendations.genreTags(tags, "trip hop")).containsExactly("Trip-Hop");
        TopTags late = new TopTags(null, "Y", null, List.of(tag("a", 100), tag("b", 90), tag("c", 80), tag("d", 70),
                tag("e", 60), tag("f", 50), tag("g", 40), tag("h", 30), tag("i", 20), tag("j", 10),
                tag("shoegaze", 5)));
        assertThat(Recommendations.genreTags(late, "shoegaze")).isEmpty();
        assertThat(Recommendations.genreTags(null, "shoegaze")).isEmpty();
    }

    private static Tag tag(String name, long count) {
        return new Tag(name, null, count, null, null);
    }
}
