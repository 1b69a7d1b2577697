package dev.lastfmmcp.lastfm;

import dev.lastfmmcp.support.Fixtures;
import java.util.List;

import dev.lastfmmcp.lastfm.model.RecentTracks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.lastfmmcp.support.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LastfmNormalizerTest {

    private static final List<String> REQUIRED = List.of("user.getRecentTracks", "user.getTopArtists",
            "user.getTopAlbums", "user.getTopTracks", "user.getLovedTracks", "user.getInfo", "user.getWeeklyChartList",
            "user.getWeeklyArtistChart", "user.getWeeklyAlbumChart", "user.getWeeklyTrackChart", "user.getTopTags",
            "user.getFriends", "track.getInfo", "track.getSimilar", "track.search", "artist.getInfo",
            "artist.getSimilar", "artist.getTopTracks", "artist.getTopAlbums", "artist.getTopTags", "artist.search",
            "artist.getCorrection", "album.getInfo", "album.search", "tag.getInfo", "tag.getTopArtists",
            "tag.getTopAlbums", "tag.getTopTracks", "chart.getTopArtists", "chart.getTopTracks", "chart.getTopTags",
            "geo.getTopArtists", "geo.getTopTracks", "auth.getToken", "auth.getSession");

    private final LastfmNormalizer normalizer = new LastfmNormalizer();

    @Test
    void mapsEveryRequiredMethod() {
        assertThat(normalizer.methods()).containsAll(REQUIRED);
        assertThat(REQUIRED).allSatisfy(method -> assertThat(normalizer.supports(method)).isTrue());
    }

    @Test
    void matchesMethodNamesCaseInsensitively() {
        var body = Fixtures.lastfmJson("user.getRecentTracks__frikandel_-limit1.json");
        Object canonical = normalizer.normalize("user.getRecentTracks", body);
        assertThat(canonical).isInstanceOf(RecentTracks.class);
        assertThat(normalizer.normalize("User.getrecenttracks", body)).isEqualTo(canonical);
        assertThat(normalizer.normalize("USER.GETRECENTTRACKS", body)).isEqualTo(canonical);
        assertThat(normalizer.supports("ARTIST.getinfo")).isTrue();
    }

    @Test
    void rejectsUnsupportedMethods() {
        assertThatThrownBy(() -> normalizer.normalize("track.addTags", json("{}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("track.addTags");
        assertThatThrownBy(() -> normalizer.normalize("user.getNothing", json("{}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> normalizer.normalize(null, json("{}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(normalizer.supports(null)).isFalse();
    }

    @Test
    void refusesAnErrorBody() {
        assertThatThrownBy(() -> normalizer.normalize("user.getInfo",
                Fixtures.lastfmJson("user.getInfo__unknown-user-error6.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("error");
    }

    static List<String> methods() {
        return List.copyOf(new LastfmNormalizer().methods());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void anEmptyBodyGivesAnEmptyResult(String method) {
        Object empty = normalizer.normalize(method, json("{}"));
        assertThat(normalizer.normalize(method, null)).isEqualTo(empty);
        assertThat(Fixtures.write(empty)).doesNotContain("null", ":\"\"");
    }
}
