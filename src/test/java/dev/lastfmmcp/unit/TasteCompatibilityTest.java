package dev.lastfmmcp.unit;

import java.util.ArrayList;
import java.util.List;

import dev.lastfmmcp.lastfm.model.RankedArtist;
import dev.lastfmmcp.tools.insights.TasteCompatibility;
import dev.lastfmmcp.tools.insights.TasteCompatibility.Comparison;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** compare_users' score: cosine similarity of log-scaled play counts over the union of the two top lists. */
class TasteCompatibilityTest {

    private static List<RankedArtist> top(Object... namePlays) {
        List<RankedArtist> list = new ArrayList<>();
        for (int i = 0; i < namePlays.length; i += 2) {
            list.add(new RankedArtist(i / 2 + 1, (String) namePlays[i], null, null,
                    ((Integer) namePlays[i + 1]).longValue(), null, null));
        }
        return list;
    }

    @Test
    void theSameTasteIsAPerfectScoreAndNoOverlapIsZero() {
        Comparison same = TasteCompatibility.compare(top("A", 10, "B", 5), top("a", 10, "B", 5));
        assertThat(same.score()).isEqualTo(1.0);
        assertThat(same.label()).isEqualTo("super");
        assertThat(same.shared()).hasSize(2);
        assertThat(same.union()).isEqualTo(2);

        Comparison none = TasteCompatibility.compare(top("A", 10), top("B", 10));
        assertThat(none.score()).isZero();
        assertThat(none.label()).isEqualTo("very low");
        assertThat(none.onlyUser1()).extracting(TasteCompatibility.ArtistPlays::name).containsExactly("A");
        assertThat(none.onlyUser2()).extracting(TasteCompatibility.ArtistPlays::name).containsExactly("B");
        assertThat(TasteCompatibility.compare(List.of(), top("A", 1)).score()).isZero();
    }

    @Test
    void theScoreIsTheCosineOfLogScaledPlays() {
        Comparison c = TasteCompatibility.compare(top("A", 99, "B", 9), top("A", 9, "C", 99));
        // vectors over (A, B, C): ln 100, ln 10, 0 and ln 10, 0, ln 100 -> cos = ln100 ln10 / (ln100² + ln10²)
        double l10 = Math.log(10);
        double l100 = Math.log(100);
        assertThat(c.score()).isCloseTo(l100 * l10 / (l100 * l100 + l10 * l10), within(0.0001));
        assertThat(c.score()).isCloseTo(0.4, within(0.0001));
        assertThat(c.label()).isEqualTo("high");
        assertThat(c.shared()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("A");
            assertThat(s.user1Plays()).isEqualTo(99);
            assertThat(s.user2Plays()).isEqualTo(9);
        });
    }

    @Test
    void oneObsessionDoesNotDecideTheScore() {
        // raw play counts would give less than 0.001; on the log scale the shared artists still count
        Comparison c = TasteCompatibility.compare(top("Drake", 100_000, "A", 50, "B", 40),
                top("A", 50, "B", 40, "C", 30));
        assertThat(c.score()).isBetween(0.3, 0.6);
    }

    @Test
    void sharedArtistsAreOrderedByTheirPartOfTheScoreAndOwnArtistsByPlays() {
        Comparison c = TasteCompatibility.compare(top("A", 1000, "B", 10, "C", 500, "D", 7),
                top("B", 10, "A", 2, "C", 400, "E", 3, "F", 30));
        assertThat(c.shared()).extracting(TasteCompatibility.SharedArtist::name).containsExactly("C", "A", "B");
        assertThat(c.onlyUser2()).extracting(TasteCompatibility.ArtistPlays::name).containsExactly("F", "E");
        assertThat(c.union()).isEqualTo(6);
    }

    @Test
    void labelsFollowTheTasteOMeter() {
        assertThat(TasteCompatibility.label(0.8)).isEqualTo("super");
        assertThat(TasteCompatibility.label(0.79)).isEqualTo("very high");
        assertThat(TasteCompatibility.label(0.6)).isEqualTo("very high");
        assertThat(TasteCompatibility.label(0.45)).isEqualTo("high");
        assertThat(TasteCompatibility.label(0.2)).isEqualTo("medium");
        assertThat(TasteCompatibility.label(0.05)).isEqualTo("low");
        assertThat(TasteCompatibility.label(0.049)).isEqualTo("very low");
    }
}
