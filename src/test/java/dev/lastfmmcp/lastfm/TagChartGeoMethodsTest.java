package dev.lastfmmcp.lastfm;

import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.RankedArtist;
import dev.lastfmmcp.lastfm.model.RankedTrack;
import dev.lastfmmcp.lastfm.model.Tag;
import dev.lastfmmcp.lastfm.model.TagInfo;
import dev.lastfmmcp.lastfm.model.TopAlbums;
import dev.lastfmmcp.lastfm.model.TopArtists;
import dev.lastfmmcp.lastfm.model.TopTags;
import dev.lastfmmcp.lastfm.model.TopTracks;
import org.junit.jupiter.api.Test;

import static dev.lastfmmcp.support.Fixtures.json;
import static dev.lastfmmcp.support.Fixtures.lastfmJson;
import static org.assertj.core.api.Assertions.assertThat;

/** tag.*, chart.* and geo.*; bodies marked "hand-written" mirror the documented examples (lastfm-docs/api-docs). */
class TagChartGeoMethodsTest {

    private final LastfmNormalizer normalizer = new LastfmNormalizer();

    private <T> T normalize(String method, String body, Class<T> type) {
        return type.cast(normalizer.normalize(method, json(body)));
    }

    @Test
    void tagTopArtists() {
        TopArtists top = (TopArtists) normalizer.normalize("tag.getTopArtists",
                lastfmJson("tag.getTopArtists__metal.json"));

        assertThat(top.tag()).isEqualTo("metal");
        assertThat(top.page()).isEqualTo(new Page(1, 50, 1192, 59570));
        assertThat(top.artists()).extracting(RankedArtist::name)
                .containsExactly("System of a Down", "Disturbed", "Soil");
        assertThat(top.artists()).extracting(RankedArtist::rank).containsExactly(1, 2, 3);
        assertThat(top.artists().get(0).playcount()).isNull();
    }

    @Test
    void unknownTagIsAnEmptyList() {
        TopArtists top = (TopArtists) normalizer.normalize("tag.getTopArtists",
                lastfmJson("tag.getTopArtists__unknown-tag_empty.json"));
        assertThat(top.tag()).isEqualTo("thistagdoesntexist");
        assertThat(top.artists()).isEmpty();
        assertThat(top.page()).isEqualTo(new Page(1, 50, 0, 0));

        TopArtists blank = (TopArtists) normalizer.normalize("tag.getTopArtists",
                lastfmJson("tag.getTopArtists__empty-unknown-tag.json"));
        assertThat(blank.tag()).as("\"tag\":\"\"").isNull();
        assertThat(blank.artists()).isEmpty();
    }

    @Test
    void chartTopArtistsRankByPosition() {
        TopArtists top = (TopArtists) normalizer.normalize("chart.getTopArtists",
                lastfmJson("chart.getTopArtists__limit10.json"));

        assertThat(top.artists()).hasSize(10).extracting(RankedArtist::rank)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(top.artists().get(0)).satisfies(artist -> {
            assertThat(artist.name()).isEqualTo("The Weeknd");
            assertThat(artist.playcount()).isEqualTo(497235451L);
            assertThat(artist.listeners()).isEqualTo(3389182L);
        });
        assertThat(top.user()).isNull();
        assertThat(top.tag()).isNull();
    }

    @Test
    void tagInfoDocumentedShape() {
        // hand-written: tag.getInfo with numeric total/reach
        TagInfo tag = normalize("tag.getInfo", """
                {"tag":{"name":"metal","total":1279720,"reach":157277,"wiki":{
                 "summary":"Metal is a subgenre of rock music.\\n\\nHeavy metal has long had a following.",
                 "content":"Metal is a subgenre of rock music. ..."}}}""", TagInfo.class);

        assertThat(tag.name()).isEqualTo("metal");
        assertThat(tag.total()).isEqualTo(1279720L);
        assertThat(tag.reach()).isEqualTo(157277L);
        assertThat(tag.wiki().summary()).isEqualTo("Metal is a subgenre of rock music.\n\nHeavy metal has long had a "
                + "following.");
    }

    @Test
    void unknownTagInfoDocumentedShape() {
        // hand-written: tag.getInfo for an unknown tag, whose wiki is only the Read-more link
        TagInfo tag = normalize("tag.getInfo", """
                {"tag":{"name":"thistagdoesntexist","total":0,"reach":0,"wiki":{
                 "summary":" <a href=\\"https://www.last.fm/tag/thistagdoesntexist\\">Read more on Last.fm</a>.",
                 "content":""}}}""", TagInfo.class);

        assertThat(tag.total()).isZero();
        assertThat(tag.wiki()).isNull();
    }

    @Test
    void tagTopAlbumsDocumentedShape() {
        // hand-written: tag.getTopAlbums ("albums" envelope)
        TopAlbums top = normalize("tag.getTopAlbums", """
                {"albums":{"album":[{"name":"Ten Thousand Fists","mbid":"d618f88f-a4a7-4028-a9e7-a2f3bcc3d9c3",
                  "url":"https://www.last.fm/music/Disturbed","artist":{"name":"Disturbed",
                  "mbid":"dc75517c-d268-486d-bd5b-0eaff34eeef9","url":"https://www.last.fm/music/Disturbed"},
                  "image":[],"@attr":{"rank":"1"}}],
                 "@attr":{"tag":"metal","page":"1","perPage":"50","totalPages":"585","total":"29201"}}}""",
                TopAlbums.class);

        assertThat(top.tag()).isEqualTo("metal");
        assertThat(top.page()).isEqualTo(new Page(1, 50, 585, 29201));
        assertThat(top.albums()).singleElement().satisfies(album -> {
            assertThat(album.rank()).isEqualTo(1);
            assertThat(album.artist().name()).isEqualTo("Disturbed");
        });
    }

    @Test
    void tagTopTracksDocumentedShape() {
        // hand-written: tag.getTopTracks ("tracks" envelope, duration in seconds)
        TopTracks top = normalize("tag.getTopTracks", """
                {"tracks":{"track":[{"name":"Chop Suey!","duration":"208","mbid":"d758947d-d667-430b-900d-2abb110f63aa",
                  "url":"https://www.last.fm/music/System+of+a+Down/_/Chop+Suey%21","streamable":{"#text":"0",
                  "fulltrack":"0"},"artist":{"name":"System of a Down","mbid":"cc0b7089-c08d-4c10-b6b0-873582c17fd6",
                  "url":"https://www.last.fm/music/System+of+a+Down"},"@attr":{"rank":"1"}}],
                 "@attr":{"tag":"metal","page":"1","perPage":"50","totalPages":"3316","total":"165756"}}}""",
                TopTracks.class);

        assertThat(top.tag()).isEqualTo("metal");
        assertThat(top.tracks()).singleElement().satisfies(track -> {
            assertThat(track.durationSeconds()).isEqualTo(208);
            assertThat(track.rank()).isEqualTo(1);
        });
    }

    @Test
    void chartTopTracksDocumentedShape() {
        // hand-written: chart.getTopTracks sends no rank and "duration":"0" for unknown
        TopTracks top = normalize("chart.getTopTracks", """
                {"tracks":{"track":[
                  {"name":"vampire","duration":"0","playcount":"5356360","listeners":"417921","mbid":"",
                   "url":"https://www.last.fm/music/Olivia+Rodrigo/_/vampire",
                   "artist":{"name":"Olivia Rodrigo","mbid":"","url":"https://www.last.fm/music/Olivia+Rodrigo"}},
                  {"name":"Cruel Summer","duration":"178","playcount":"20910268","listeners":"760544","mbid":"",
                   "url":"https://www.last.fm/music/Taylor+Swift/_/Cruel+Summer",
                   "artist":{"name":"Taylor Swift","mbid":"20244d07-534f-4eff-b4d4-930878889970",
                   "url":"https://www.last.fm/music/Taylor+Swift"}}],
                 "@attr":{"page":"2","perPage":"2","totalPages":"3503455","total":"35034547"}}}""", TopTracks.class);

        assertThat(top.tracks()).extracting(RankedTrack::rank).containsExactly(3, 4);
        assertThat(top.tracks().get(0).durationSeconds()).isNull();
        assertThat(top.tracks().get(0).playcount()).isEqualTo(5356360L);
        assertThat(top.tracks().get(0).artist().mbid()).isNull();
        assertThat(top.tracks().get(1).durationSeconds()).isEqualTo(178);
    }

    @Test
    void chartTopTagsDocumentedShape() {
        // hand-written: chart.getTopTags ("tags" envelope with reach and taggings, paged)
        TopTags top = normalize("chart.getTopTags", """
                {"tags":{"tag":[{"name":"rock","url":"https://www.last.fm/tag/rock","reach":"399561",
                  "taggings":"4026340","streamable":"1","wiki":{}}],
                 "@attr":{"page":"1","perPage":"10","totalPages":"280685","total":"2806844"}}}""", TopTags.class);

        assertThat(top.page()).isEqualTo(new Page(1, 10, 280685, 2806844));
        assertThat(top.tags()).containsExactly(new Tag("rock", "https://www.last.fm/tag/rock", null, 399561L,
                4026340L));
    }

    @Test
    void geoTopArtistsDocumentedShape() {
        // hand-written: geo.getTopArtists ("topartists" envelope, country in @attr, no rank)
        TopArtists top = normalize("geo.getTopArtists", """
                {"topartists":{"artist":[{"name":"Radiohead","listeners":"6075666",
                  "mbid":"a74b1b7f-71a5-4011-9441-d0b5e4122711","url":"https://www.last.fm/music/Radiohead",
                  "streamable":"0","image":[]}],
                 "@attr":{"country":"Canada","page":"1","perPage":"10","totalPages":"147425","total":"1474249"}}}""",
                TopArtists.class);

        assertThat(top.country()).isEqualTo("Canada");
        assertThat(top.artists()).singleElement().satisfies(artist -> {
            assertThat(artist.rank()).isEqualTo(1);
            assertThat(artist.listeners()).isEqualTo(6075666L);
        });
    }

    @Test
    void geoTopTracksZeroBasedRanksBecomeOneBased() {
        // hand-written: geo.getTopTracks numbers its ranks from "0" (lastfm-docs geo/getTopTracks.md)
        TopTracks top = normalize("geo.getTopTracks", """
                {"tracks":{"track":[
                  {"name":"Mr. Brightside","duration":"224","listeners":"2764662","mbid":"",
                   "artist":{"name":"The Killers","mbid":"95e1ead9-4d31-4808-a7ac-32c3614c116b"},"@attr":{"rank":"0"}},
                  {"name":"Smells Like Teen Spirit","duration":"301","listeners":"2913753","mbid":"",
                   "artist":{"name":"Nirvana","mbid":""},"@attr":{"rank":"1"}}],
                 "@attr":{"country":"Canada","page":"1","perPage":"10","totalPages":"1195347","total":"11953466"}}}""",
                TopTracks.class);

        assertThat(top.country()).isEqualTo("Canada");
        assertThat(top.tracks()).extracting(RankedTrack::rank).containsExactly(1, 2);
        assertThat(top.tracks().get(0).durationSeconds()).isEqualTo(224);
    }
}
