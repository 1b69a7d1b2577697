package dev.lastfmmcp.lastfm;

import dev.lastfmmcp.support.Fixtures;
import java.time.Instant;

import dev.lastfmmcp.lastfm.model.ArtistCorrection;
import dev.lastfmmcp.lastfm.model.ArtistInfo;
import dev.lastfmmcp.lastfm.model.ArtistRef;
import dev.lastfmmcp.lastfm.model.ArtistSearch;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.RankedAlbum;
import dev.lastfmmcp.lastfm.model.RankedTrack;
import dev.lastfmmcp.lastfm.model.SimilarArtist;
import dev.lastfmmcp.lastfm.model.SimilarArtists;
import dev.lastfmmcp.lastfm.model.Tag;
import dev.lastfmmcp.lastfm.model.TopAlbums;
import dev.lastfmmcp.lastfm.model.TopTags;
import dev.lastfmmcp.lastfm.model.TopTracks;
import org.junit.jupiter.api.Test;

import static dev.lastfmmcp.support.Fixtures.json;
import static dev.lastfmmcp.support.Fixtures.lastfmJson;
import static org.assertj.core.api.Assertions.assertThat;

class ArtistMethodsTest {

    private final LastfmNormalizer normalizer = new LastfmNormalizer();

    private <T> T normalize(String method, String file, Class<T> type) {
        return type.cast(normalizer.normalize(method, lastfmJson(file)));
    }

    @Test
    void artistInfoWithUsername() {
        ArtistInfo artist = normalize("artist.getInfo", "artist.getInfo__the-weeknd_username-TyphoonsNotABot.json",
                ArtistInfo.class);

        assertThat(artist.name()).isEqualTo("The Weeknd");
        assertThat(artist.listeners()).isEqualTo(1688480L);
        assertThat(artist.playcount()).isEqualTo(135692303L);
        assertThat(artist.userPlaycount()).isEqualTo(7211L);
        assertThat(artist.onTour()).isFalse();
        assertThat(artist.imageUrl()).as("only placeholder stars").isNull();
        assertThat(artist.similar()).hasSize(5).first()
                .isEqualTo(new ArtistRef("Drake", null, "https://www.last.fm/music/Drake"));
        assertThat(artist.tags()).extracting(Tag::name).hasSize(5).startsWith("rnb", "electronic");
        assertThat(Fixtures.write(artist)).doesNotContain("match");
    }

    @Test
    void artistBioIsPlainText() {
        ArtistInfo artist = normalize("artist.getInfo", "artist.getInfo__the-weeknd.json", ArtistInfo.class);

        assertThat(artist.userPlaycount()).isNull();
        assertThat(artist.bio().published()).isEqualTo(Instant.parse("2011-01-09T12:41:00Z"));
        assertThat(artist.bio().summary())
                .startsWith("Abel Makkonen Tesfaye (born February 16, 1990 in Scarborough, Ontario)")
                .contains("R&B/pop/hip-hop singer", "throughout his career.\n\nThe Weeknd gained")
                .endsWith("after signing his record deal with Republic.")
                .doesNotContain("<a", "Read more");
        assertThat(artist.bio().content())
                .endsWith("“In Your Eyes” were also released as singles.")
                .doesNotContain("<a", "Read more", "User-contributed", "Creative Commons");
    }

    @Test
    void legacyBioDecodesEntitiesAndDropsReadMoreAbout() {
        ArtistInfo artist = normalize("artist.getInfo", "artist.getInfo__legacy-success.json", ArtistInfo.class);

        assertThat(artist.bio().summary())
                .startsWith("Frightened Rabbit are an indie rock band which formed in 2003 in Glasgow, Scotland.")
                .contains("\"Sing the Greys\" (2006)")
                .endsWith("\"Pedestrian Verse\" (2013).")
                .doesNotContain("&quot;", "<a", "Read more about", "Last.fm");
        assertThat(artist.bio().content()).doesNotContain("User-contributed", "GNU FDL", "Read more");
        assertThat(artist.bio().published()).isEqualTo(Instant.parse("2013-02-06T00:04:40Z"));
        assertThat(artist.imageUrl())
                .isEqualTo("http://userserve-ak.last.fm/serve/_/50340089/Frightened+Rabbit+frabbit.jpg");
        assertThat(artist.listeners()).isEqualTo(513447L);
    }

    @Test
    void similarArtistsHaveMatchAsAFraction() {
        SimilarArtists similar = normalize("artist.getSimilar", "artist.getSimilar__metallica.json",
                SimilarArtists.class);

        assertThat(similar.artist()).isEqualTo("Metallica");
        assertThat(similar.artists()).extracting(SimilarArtist::name).containsExactly("Megadeth", "Pantera", "Slayer");
        assertThat(similar.artists()).extracting(SimilarArtist::match).containsExactly(1.0, 0.600213, 0.564283);
    }

    @Test
    void artistTopTracks() {
        TopTracks top = normalize("artist.getTopTracks", "artist.getTopTracks__chris-cornell.json", TopTracks.class);

        assertThat(top.artist()).isEqualTo("Chris Cornell");
        assertThat(top.page()).isEqualTo(new Page(1, 50, 429, 21406));
        assertThat(top.tracks()).hasSize(50).extracting(RankedTrack::rank).startsWith(1, 2).endsWith(50);
        assertThat(top.tracks().get(0)).satisfies(track -> {
            assertThat(track.playcount()).isEqualTo(2053916L);
            assertThat(track.listeners()).isEqualTo(335135L);
        });
    }

    @Test
    void artistTopAlbumsRankByPositionAndReadNumericPlaycounts() {
        TopAlbums top = normalize("artist.getTopAlbums", "artist.getTopAlbums__soundgarden.json", TopAlbums.class);

        assertThat(top.artist()).isEqualTo("Soundgarden");
        // this method sends no @attr.rank: ranks are positions in the page
        assertThat(top.albums()).hasSize(50).extracting(RankedAlbum::rank).startsWith(1, 2, 3).endsWith(50);
        assertThat(top.albums().get(0).playcount()).isEqualTo(16024346L);
        assertThat(top.albums().get(1).mbid()).as("mbid key absent").isNull();
    }

    @Test
    void artistTopTagsDocumentedShape() {
        // hand-written: mirrors the documented artist.getTopTags example (lastfm-docs artist/getTopTags.md),
        // where count is a JSON number
        String body = """
                {"toptags":{"tag":[{"count":100,"name":"rock","url":"https://www.last.fm/tag/rock"},
                 {"count":78,"name":"alternative rock","url":"https://www.last.fm/tag/alternative+rock"}],
                 "@attr":{"artist":"Audioslave"}}}""";
        TopTags tags = (TopTags) normalizer.normalize("artist.getTopTags", json(body));

        assertThat(tags.artist()).isEqualTo("Audioslave");
        assertThat(tags.tags()).extracting(Tag::count).containsExactly(100L, 78L);
    }

    @Test
    void legacyEmptyArtistTags() {
        TopTags tags = normalize("artist.getTags", "artist.getTags__empty-legacy.json", TopTags.class);

        assertThat(tags.artist()).isEqualTo("Hot Chip");
        assertThat(tags.tags()).isEmpty();
    }

    @Test
    void artistSearch() {
        ArtistSearch search = normalize("artist.search", "artist.search__rammstein.json", ArtistSearch.class);

        assertThat(search.query()).isEqualTo("rammstein");
        assertThat(search.page()).isEqualTo(new Page(1, 30, 461, 13809));
        assertThat(search.artists()).singleElement().satisfies(hit -> {
            assertThat(hit.name()).isEqualTo("Rammstein");
            assertThat(hit.listeners()).isEqualTo(1913191L);
            assertThat(hit.mbid()).isEqualTo("b2d122f9-eadb-4930-a196-8f221eeb0c66");
        });
    }

    @Test
    void artistSearchWithoutResults() {
        ArtistSearch search = normalize("artist.search", "artist.search__no-results.json", ArtistSearch.class);

        assertThat(search.artists()).isEmpty();
        assertThat(search.query()).isEqualTo("artistthatdoesntexisthsjdkghkjdfgh");
    }

    @Test
    void artistCorrection() {
        ArtistCorrection correction = normalize("artist.getCorrection", "artist.getCorrection__avici.json",
                ArtistCorrection.class);

        assertThat(correction.artist()).isEqualTo(new ArtistRef("Avicii", "c85cfd6b-b1e9-4a50-bd55-eb725f04f7d5",
                "https://www.last.fm/music/Avicii"));
    }

    @Test
    void noArtistCorrectionDocumentedShape() {
        // hand-written: the documented "no correction" body (lastfm-api.md §4.4)
        Object correction = normalizer.normalize("artist.getCorrection",
                json("{\"corrections\":\"\\n                \"}"));

        assertThat(correction).isEqualTo(new ArtistCorrection(null));
        assertThat(Fixtures.write(correction)).isEqualTo("{}");
    }
}
