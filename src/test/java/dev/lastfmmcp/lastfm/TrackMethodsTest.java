package dev.lastfmmcp.lastfm;

import dev.lastfmmcp.support.Fixtures;
import java.time.Instant;

import dev.lastfmmcp.lastfm.model.AlbumRef;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.SimilarTrack;
import dev.lastfmmcp.lastfm.model.SimilarTracks;
import dev.lastfmmcp.lastfm.model.Tag;
import dev.lastfmmcp.lastfm.model.TrackHit;
import dev.lastfmmcp.lastfm.model.TrackInfo;
import dev.lastfmmcp.lastfm.model.TrackSearch;
import org.junit.jupiter.api.Test;

import static dev.lastfmmcp.support.Fixtures.lastfmJson;
import static org.assertj.core.api.Assertions.assertThat;

class TrackMethodsTest {

    private final LastfmNormalizer normalizer = new LastfmNormalizer();

    private <T> T normalize(String method, String file, Class<T> type) {
        return type.cast(normalizer.normalize(method, lastfmJson(file)));
    }

    @Test
    void trackInfoWithUsername() {
        TrackInfo track = normalize("track.getInfo",
                "track.getInfo__linkin-park_one-step-closer_username-solelychloe.json", TrackInfo.class);

        assertThat(track.name()).isEqualTo("One Step Closer");
        assertThat(track.durationSeconds()).as("157000 ms").isEqualTo(157);
        assertThat(track.listeners()).isEqualTo(1315650L);
        assertThat(track.playcount()).isEqualTo(11022708L);
        assertThat(track.userPlaycount()).isEqualTo(36L);
        assertThat(track.userLoved()).isFalse();
        assertThat(track.artist().name()).isEqualTo("Linkin Park");
        assertThat(track.album()).isEqualTo(new AlbumRef("Road To Revolution: Live at Milton Keynes", "Linkin Park",
                "9c7b6839-ce71-3741-a107-2f5dc678f4b4",
                "https://www.last.fm/music/Linkin+Park/Road+To+Revolution:+Live+at+Milton+Keynes", 1,
                "https://lastfm.freetls.fastly.net/i/u/300x300/1f922f8eb093037a30faa1c666a84c78.png"));
        assertThat(track.topTags()).extracting(Tag::name).hasSize(5).startsWith("Nu Metal", "rock");
    }

    @Test
    void trackWikiIsPlainText() {
        TrackInfo track = normalize("track.getInfo", "track.getInfo__linkin-park_one-step-closer.json",
                TrackInfo.class);

        assertThat(track.userPlaycount()).isNull();
        assertThat(track.userLoved()).isNull();
        assertThat(track.wiki().published()).isEqualTo(Instant.parse("2009-04-14T16:25:00Z"));
        assertThat(track.wiki().summary()).startsWith("\"One Step Closer\" is the debut single")
                .endsWith("an angry neighbor hammered on the wall.")
                .contains("The song reached #79 on the Hot 100 on February 20, 2001.\n\nAccording to")
                .doesNotContain("<a", "Read more", "Last.fm");
        assertThat(track.wiki().content()).endsWith("sometimes it was performed as the last song.")
                .doesNotContain("<a", "Read more", "User-contributed", "Creative Commons");
    }

    @Test
    void unknownTrackIsAnAlmostEmptyResult() {
        TrackInfo track = normalize("track.getInfo", "track.getInfo__fake-artist_fake-track_no-error.json",
                TrackInfo.class);

        assertThat(track.name()).isEqualTo("Fake Track");
        assertThat(track.mbid()).isNull();
        assertThat(track.durationSeconds()).as("duration 0 is unknown").isNull();
        assertThat(track.listeners()).isEqualTo(2L);
        assertThat(track.album()).isNull();
        assertThat(track.wiki()).isNull();
        assertThat(track.topTags()).isEmpty();
    }

    @Test
    void similarTracksHaveMatchAsAFraction() {
        SimilarTracks similar = normalize("track.getSimilar", "track.getSimilar__disturbed_stricken.json",
                SimilarTracks.class);

        assertThat(similar.artist()).isEqualTo("Disturbed");
        assertThat(similar.tracks()).extracting(SimilarTrack::match).containsExactly(1.0, 0.976467, 0.602882);
        assertThat(similar.tracks().get(0)).satisfies(track -> {
            assertThat(track.name()).isEqualTo("Down With the Sickness");
            assertThat(track.durationSeconds()).isEqualTo(278);
            assertThat(track.playcount()).isEqualTo(8066450L);
            assertThat(track.artist().mbid()).isEqualTo("dc75517c-d268-486d-bd5b-0eaff34eeef9");
        });
    }

    @Test
    void noSimilarTracks() {
        SimilarTracks similar = normalize("track.getSimilar", "track.getSimilar__fake-artist_fake-track_empty.json",
                SimilarTracks.class);

        assertThat(similar.artist()).isEqualTo("Fake Artist");
        assertThat(similar.tracks()).isEmpty();
    }

    @Test
    void trackSearchPagesFromOpenSearch() {
        TrackSearch search = normalize("track.search", "track.search__hells-bells.json", TrackSearch.class);

        assertThat(search.page()).isEqualTo(new Page(1, 30, 388, 11634));
        assertThat(search.query()).as("this capture names no search terms").isNull();
        assertThat(search.tracks()).extracting(TrackHit::artist).containsExactly("AC/DC", "Cary Ann Hearst", "AC/DC");
        assertThat(search.tracks().get(0)).satisfies(hit -> {
            assertThat(hit.name()).isEqualTo("Hells Bells");
            assertThat(hit.listeners()).isEqualTo(796758L);
            assertThat(hit.url()).isEqualTo("https://www.last.fm/music/AC%2FDC/_/Hells+Bells");
            assertThat(hit.imageUrl()).isNull();
        });
    }

    @Test
    void trackSearchWithoutResults() {
        TrackSearch search = normalize("track.search", "track.search__no-results.json", TrackSearch.class);

        assertThat(search.tracks()).isEmpty();
        assertThat(search.page()).isEqualTo(new Page(1, 30, 0, 0));
    }
}
