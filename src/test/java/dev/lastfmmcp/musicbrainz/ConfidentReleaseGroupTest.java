package dev.lastfmmcp.musicbrainz;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.lastfmmcp.support.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A release-group search result is taken only when it is certain: one result at the best score (at least
 * {@value MusicBrainzMapper#CONFIDENT_SCORE}) with the title and, when credited, the artist.
 */
class ConfidentReleaseGroupTest {

    private final MusicBrainzMapper mapper = new MusicBrainzMapper();

    private static JsonNode search(String... groups) {
        return json("{\"release-groups\":[" + String.join(",", groups) + "]}");
    }

    private static String group(String id, int score, String title, String credit) {
        return "{\"id\":\"" + id + "\",\"score\":" + score + ",\"title\":\"" + title + "\",\"primary-type\":\"Album\""
               + (credit == null ? "" : ",\"artist-credit\":" + credit) + "}";
    }

    private static final String SOUNDGARDEN = "[{\"name\":\"Soundgarden\",\"joinphrase\":\"\"}]";

    @Test
    void theOneBestResultWithTitleAndArtistIsTaken() {
        Optional<ReleaseGroupDetails> found = mapper.confidentReleaseGroup(search(
                group("a", 100, "Superunknown", SOUNDGARDEN), group("b", 80, "Superunknown", SOUNDGARDEN)),
                "superunknown", "Soundgarden");
        assertThat(found).map(ReleaseGroupDetails::mbid).contains("a");
        assertThat(found).map(ReleaseGroupDetails::artistCredit).contains("Soundgarden");
    }

    @Test
    void nothingWithoutATitleOrResultsOrBelowTheConfidentScore() {
        JsonNode one = search(group("a", 100, "Superunknown", SOUNDGARDEN));
        assertThat(mapper.confidentReleaseGroup(one, "", "Soundgarden")).isEmpty();
        assertThat(mapper.confidentReleaseGroup(one, null, "Soundgarden")).isEmpty();
        assertThat(mapper.confidentReleaseGroup(search(), "Superunknown", "Soundgarden")).isEmpty();
        assertThat(mapper.confidentReleaseGroup(json("{}"), "Superunknown", "Soundgarden")).isEmpty();
        assertThat(mapper.confidentReleaseGroup(search(group("a", 94, "Superunknown", SOUNDGARDEN)),
                "Superunknown", "Soundgarden")).isEmpty();
    }

    @Test
    void anotherArtistsReleaseGroupIsNotTakenButAnUncreditedOneIs() {
        String other = "[{\"artist\":{\"name\":\"Someone Else\"},\"joinphrase\":\" & \"},{\"name\":\"Band\"}]";
        assertThat(mapper.confidentReleaseGroup(search(group("a", 100, "Superunknown", other)),
                "Superunknown", "Soundgarden")).isEmpty();
        assertThat(mapper.confidentReleaseGroup(search(group("a", 100, "Superunknown", other)),
                "Superunknown", "someone else")).map(ReleaseGroupDetails::artistCredit)
                .contains("Someone Else & Band");
        assertThat(mapper.confidentReleaseGroup(search(group("a", 100, "Superunknown", null)),
                "Superunknown", "Soundgarden")).isPresent();
        assertThat(mapper.confidentReleaseGroup(search(group("a", 100, "Superunknown", other)),
                "Superunknown", null)).isPresent();
        assertThat(mapper.confidentReleaseGroup(search(group("a", 100, "Superunknown", "[{\"joinphrase\":\" \"}]")),
                "Superunknown", "Soundgarden")).hasValueSatisfying(g -> assertThat(g.artistCredit()).isNull());
    }

    @Test
    void twoEquallyGoodResultsOrAnotherTitleAreNotCertain() {
        assertThat(mapper.confidentReleaseGroup(search(group("a", 100, "Superunknown", SOUNDGARDEN),
                group("b", 100, "Superunknown", SOUNDGARDEN)), "Superunknown", "Soundgarden")).isEmpty();
        assertThat(mapper.confidentReleaseGroup(search(group("a", 100, "Badmotorfinger", SOUNDGARDEN)),
                "Superunknown", "Soundgarden")).isEmpty();
    }
}
