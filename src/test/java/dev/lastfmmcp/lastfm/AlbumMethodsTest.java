package dev.lastfmmcp.lastfm;

import dev.lastfmmcp.support.Fixtures;
import java.time.Instant;

import dev.lastfmmcp.lastfm.model.AlbumHit;
import dev.lastfmmcp.lastfm.model.AlbumInfo;
import dev.lastfmmcp.lastfm.model.AlbumSearch;
import dev.lastfmmcp.lastfm.model.AlbumTrack;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.Tag;
import org.junit.jupiter.api.Test;

import static dev.lastfmmcp.support.Fixtures.json;
import static dev.lastfmmcp.support.Fixtures.lastfmJson;
import static org.assertj.core.api.Assertions.assertThat;

class AlbumMethodsTest {

    private final LastfmNormalizer normalizer = new LastfmNormalizer();

    private <T> T normalize(String method, String file, Class<T> type) {
        return type.cast(normalizer.normalize(method, lastfmJson(file)));
    }

    @Test
    void albumInfoHasATracklistInSeconds() {
        AlbumInfo album = normalize("album.getInfo", "album.getInfo__metallica_metallica_lang-de.json",
                AlbumInfo.class);

        assertThat(album.name()).isEqualTo("Metallica");
        assertThat(album.artist()).isEqualTo("Metallica");
        assertThat(album.listeners()).isEqualTo(1290895L);
        assertThat(album.playcount()).isEqualTo(29408961L);
        assertThat(album.userPlaycount()).isNull();
        assertThat(album.imageUrl()).isEqualTo(
                "https://lastfm.freetls.fastly.net/i/u/300x300/dd396f972110a303a4970a9b9daaf719.png");
        assertThat(album.tracks()).hasSize(12).extracting(AlbumTrack::rank).startsWith(1, 2).endsWith(12);
        assertThat(album.tracks().get(0)).satisfies(track -> {
            assertThat(track.name()).isEqualTo("Enter Sandman");
            assertThat(track.durationSeconds()).isEqualTo(382);
            assertThat(track.artist().name()).isEqualTo("Metallica");
        });
        assertThat(album.tags()).extracting(Tag::name).hasSize(5).contains("heavy metal");
        assertThat(album.wiki().published()).isEqualTo(Instant.parse("2008-10-06T13:22:00Z"));
        assertThat(album.wiki().summary()).startsWith("Metallica ist das fünfte Studioalbum")
                .doesNotContain("<a", "Read more");
        assertThat(album.wiki().content()).doesNotContain("User-contributed", "<a");
    }

    @Test
    void legacyAlbumInfoReadsTopTagsAndDecodesEntities() {
        AlbumInfo album = normalize("album.getInfo", "album.getInfo__legacy-success.json", AlbumInfo.class);

        assertThat(album.tags()).as("legacy 'toptags'").extracting(Tag::name).startsWith("albums i own", "pop");
        assertThat(album.tracks()).hasSize(13);
        assertThat(album.tracks().get(0).name()).isEqualTo("Drowned World/Substitute for Love");
        assertThat(album.tracks().get(0).durationSeconds()).isEqualTo(308);
        assertThat(album.wiki().published()).isEqualTo(Instant.parse("2012-07-14T12:33:01Z"));
        assertThat(album.wiki().content()).contains("the Sticky & Sweet Tour (2008-09).", "\"Frozen\"", "\n\n")
                .doesNotContain("&amp;", "&quot;", "GNU FDL", "User-contributed");
    }

    @Test
    void oneTrackAlbumSendsTheTrackAsAnObject() {
        // hand-written: album.getInfo of a one-track album (musicorum-app/lastfm PR #7, lastfm-api.md §4.3)
        String body = """
                {"album":{"name":"Hide (CS01 Version)","artist":"Dorian Concept","mbid":"","url":"https://x/a",
                 "listeners":"10","playcount":"20","userplaycount":"3",
                 "tracks":{"track":{"name":"Hide (CS01 Version)","url":"https://x/t","duration":"251",
                  "@attr":{"rank":"1"},"artist":{"name":"Dorian Concept","mbid":"","url":"https://x/d"}}},
                 "tags":""}}""";
        AlbumInfo album = (AlbumInfo) normalizer.normalize("album.getInfo", json(body));

        assertThat(album.tracks()).singleElement().satisfies(track -> {
            assertThat(track.rank()).isEqualTo(1);
            assertThat(track.durationSeconds()).isEqualTo(251);
        });
        assertThat(album.userPlaycount()).isEqualTo(3L);
        assertThat(album.tags()).isEmpty();
        assertThat(album.mbid()).isNull();
    }

    @Test
    void albumSearchPagesFromOpenSearch() {
        AlbumSearch search = normalize("album.search", "album.search__legacy-multiple.json", AlbumSearch.class);

        assertThat(search.query()).isEqualTo("By the throat");
        assertThat(search.page()).isEqualTo(new Page(2, 3, 3, 7));
        assertThat(search.albums()).extracting(AlbumHit::artist)
                .containsExactly("Accuser", "Accu§er", "Bryce Beverlin II");
        assertThat(search.albums().get(0).mbid()).isNull();
    }

    @Test
    void aSingleAlbumMatchObjectBecomesAOneItemList() {
        AlbumSearch search = normalize("album.search", "album.search__legacy-single-object.json", AlbumSearch.class);

        assertThat(search.albums()).singleElement().satisfies(hit -> {
            assertThat(hit.name()).isEqualTo("By The Throat");
            assertThat(hit.artist()).isEqualTo("Ben Frost");
            assertThat(hit.imageUrl()).isEqualTo("http://userserve-ak.last.fm/serve/300x300/86191845.png");
        });
        assertThat(search.page()).isEqualTo(new Page(2, 1, 7, 7));
    }

    @Test
    void legacyNoAlbumMatchesStringBecomesAnEmptyList() {
        AlbumSearch search = normalize("album.search", "album.search__no-results-legacy.json", AlbumSearch.class);

        assertThat(search.albums()).isEmpty();
        assertThat(search.query()).isEqualTo("tvmikhkjj");
        assertThat(search.page()).isEqualTo(new Page(2, 50, 0, 0));
    }

    @Test
    void noAlbumMatches() {
        AlbumSearch search = normalize("album.search", "album.search__no-results.json", AlbumSearch.class);

        assertThat(search.albums()).isEmpty();
    }
}
