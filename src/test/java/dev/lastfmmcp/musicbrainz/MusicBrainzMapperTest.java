package dev.lastfmmcp.musicbrainz;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.support.Fixtures;
import org.junit.jupiter.api.Test;

import static dev.lastfmmcp.support.Fixtures.json;
import static dev.lastfmmcp.support.Fixtures.musicbrainzJson;
import static org.assertj.core.api.Assertions.assertThat;

class MusicBrainzMapperTest {

    private static final String COHEN = "artist.search__leonard-cohen-limit1.json";

    private final MusicBrainzMapper mapper = new MusicBrainzMapper();

    @Test
    void artistWithUrlRelations() {
        ArtistDetails kinks = mapper.artist(musicbrainzJson("artist.lookup__the-kinks-inc-aliases-url-rels.json"));

        assertThat(kinks.mbid()).isEqualTo("17b53d9f-5c63-4a09-a593-dde4608e0db9");
        assertThat(kinks.name()).isEqualTo("The Kinks");
        assertThat(kinks.type()).isEqualTo("Group");
        assertThat(kinks.country()).isEqualTo("GB");
        assertThat(kinks.area()).isEqualTo("United Kingdom");
        assertThat(kinks.begin()).isEqualTo("1964");
        assertThat(kinks.end()).isEqualTo("1996");
        assertThat(kinks.ended()).isTrue();
        assertThat(kinks.homepage()).isEqualTo("http://www.thekinks.info/");
        assertThat(kinks.disambiguation()).isNull();
        assertThat(kinks.genres()).isEmpty();
        assertThat(kinks.tags()).isEmpty();
    }

    @Test
    void anEndedHomepageIsNotTheHomepage() {
        ObjectNode lookup = (ObjectNode) musicbrainzJson("artist.lookup__the-kinks-inc-aliases-url-rels.json");
        ArrayNode relations = (ArrayNode) lookup.get("relations");
        relations.forEach(relation -> {
            if (relation.path("type").asText().equals("official homepage")) {
                ((ObjectNode) relation).put("ended", true).put("end", "2019");
            }
        });
        assertThat(mapper.artist(lookup).homepage()).isNull();

        relations.add(json("""
                {"type":"official homepage","target-type":"url","ended":false,"end":null,
                 "url":{"resource":"https://thekinks.example/"}}"""));
        assertThat(mapper.artist(lookup).homepage()).isEqualTo("https://thekinks.example/");
    }

    @Test
    void minimalArtistWithNulls() {
        ArtistDetails artist = mapper.artist(musicbrainzJson("artist.lookup__die-hausfrauen-inc-aliases-url-rels.json"));

        assertThat(artist.name()).isEqualTo("Die Hausfrauen");
        assertThat(artist.type()).isNull();
        assertThat(artist.begin()).isNull();
        assertThat(artist.end()).isNull();
        assertThat(artist.ended()).isFalse();
        assertThat(artist.homepage()).as("only a discogs relation").isNull();
        assertThat(artist.area()).isEqualTo("Germany");
        assertThat(artist.disambiguation()).isEqualTo("Germany");
        assertThat(Fixtures.write(artist)).doesNotContain("null", ":\"\"");
    }

    @Test
    void basicLookupsWithPartialDates() {
        ArtistDetails lures = mapper.artist(musicbrainzJson("artist.lookup__lures-basic.json"));
        assertThat(lures.begin()).isEqualTo("2013");
        assertThat(lures.country()).isNull();
        assertThat(lures.area()).isEqualTo("Seattle");
        assertThat(lures.disambiguation()).isEqualTo("Seattle trio");

        ArtistDetails psy = mapper.artist(musicbrainzJson("artist.lookup__psy-inc-aliases.json"));
        assertThat(psy.begin()).isEqualTo("1977-12-31");
        assertThat(psy.type()).isEqualTo("Person");
        assertThat(psy.country()).isEqualTo("KR");
        assertThat(psy.area()).isEqualTo("South Korea");
    }

    @Test
    void genresByCountAndTagsWithoutGenres() {
        // hand-written: inc=tags+genres members as the MusicBrainz server's own tests expect them
        JsonNode lookup = json("""
                {"id":"x","name":"X","tags":[{"count":1,"name":"c-pop"},{"count":3,"name":"j-pop"},
                  {"count":2,"name":"seen live"},{"count":-1,"name":"awful"},{"count":2,"name":"Ballad"}],
                 "genres":[{"name":"c-pop","disambiguation":"","count":1,"id":"g1"},
                  {"name":"j-pop","disambiguation":"","count":3,"id":"g2"}],
                 "life-span":{"begin":"1997","end":null,"ended":false}}""");

        ArtistDetails artist = mapper.artist(lookup);

        assertThat(artist.genres()).containsExactly("j-pop", "c-pop");
        assertThat(artist.tags()).containsExactly("Ballad", "seen live");
    }

    @Test
    void confidentMatchOnTheExactName() {
        Optional<ArtistMatch> match = mapper.confidentMatch(musicbrainzJson(COHEN), "Leonard Cohen");

        assertThat(match).contains(new ArtistMatch("65314b12-0e08-43fa-ba33-baaa7b874c15", "Leonard Cohen", 100,
                "Person", "CA", null));
    }

    @Test
    void confidentMatchIgnoresCaseAccentsAndPunctuation() {
        JsonNode search = musicbrainzJson(COHEN);

        assertThat(mapper.confidentMatch(search, "leonard cohen")).isPresent();
        assertThat(mapper.confidentMatch(search, "Léonard  Cohen!")).isPresent();
        assertThat(mapper.confidentMatch(search, "Leonard Norman Cohen")).as("legal-name alias").isPresent();
        assertThat(mapper.confidentMatch(search, "L.Cohen")).as("search-hint alias").isPresent();
    }

    @Test
    void noMatchForAnotherName() {
        assertThat(mapper.confidentMatch(musicbrainzJson(COHEN), "Leonard Nimoy")).isEmpty();
        assertThat(mapper.confidentMatch(musicbrainzJson(COHEN), "")).isEmpty();
        assertThat(mapper.confidentMatch(musicbrainzJson(COHEN), null)).isEmpty();
    }

    @Test
    void noMatchBelowTheConfidentScore() {
        ObjectNode search = (ObjectNode) musicbrainzJson(COHEN);
        ((ObjectNode) search.get("artists").get(0)).put("score", 94);

        assertThat(mapper.confidentMatch(search, "Leonard Cohen")).isEmpty();
    }

    @Test
    void noMatchWhenTwoResultsAreEquallyGood() {
        ObjectNode search = (ObjectNode) musicbrainzJson(COHEN);
        ArrayNode artists = (ArrayNode) search.get("artists");
        artists.add(json("{\"id\":\"other\",\"name\":\"LEONARD COHEN\",\"score\":100}"));

        assertThat(mapper.confidentMatch(search, "Leonard Cohen")).isEmpty();
    }

    @Test
    void aWeakerSecondResultDoesNotBlockTheMatch() {
        ObjectNode search = (ObjectNode) musicbrainzJson(COHEN);
        ArrayNode artists = (ArrayNode) search.get("artists");
        artists.add(json("{\"id\":\"lower\",\"name\":\"Leonard Cohen\",\"score\":97}"));
        artists.add(json("{\"id\":\"tribute\",\"name\":\"Leonard Cohen Tribute\",\"score\":100}"));

        assertThat(mapper.confidentMatch(search, "Leonard Cohen")).map(ArtistMatch::mbid)
                .contains("65314b12-0e08-43fa-ba33-baaa7b874c15");
    }

    @Test
    void aNameMatchBeatsAnAliasMatchAtTheSameScore() {
        JsonNode search = json("""
                {"artists":[{"id":"a","name":"Psy","score":100,"aliases":[{"name":"PSY"}]},
                            {"id":"b","name":"Park Jae-sang","score":100,"aliases":[{"name":"Psy"}]}]}""");

        assertThat(mapper.confidentMatch(search, "psy")).map(ArtistMatch::mbid).contains("a");
        assertThat(mapper.confidentMatch(json("{\"artists\":[]}"), "psy")).isEmpty();
    }

    @Test
    void comparableNames() {
        assertThat(MusicBrainzMapper.comparable("The Boll‐Weevils")).isEqualTo(MusicBrainzMapper.comparable(
                "the bollweevils"));
        assertThat(MusicBrainzMapper.comparable("Beyoncé")).isEqualTo("beyonce");
        assertThat(MusicBrainzMapper.comparable("AC/DC")).isEqualTo("acdc");
        assertThat(MusicBrainzMapper.comparable("싸이")).isEqualTo("싸이");
        assertThat(MusicBrainzMapper.comparable("!!!")).isEqualTo("!!!");
    }

    @Test
    void releaseGroupLookup() {
        ReleaseGroupDetails lures = mapper.releaseGroup(musicbrainzJson("release-group.lookup__basic.json"));

        assertThat(lures).isEqualTo(new ReleaseGroupDetails("e37d2740-4503-4e3f-ab6d-e622a25e964d", "Lures",
                "2014-10-07", "Album", List.of(), null, null));
    }

    @Test
    void releaseGroupWithSecondaryTypesAndCredits() {
        ReleaseGroupDetails group = mapper.releaseGroup(musicbrainzJson("release-group.lookup__inc-artist-credits.json"));

        assertThat(group.title()).isEqualTo("Cult Assassin");
        assertThat(group.firstReleaseDate()).isEqualTo("2010-08-31");
        assertThat(group.secondaryTypes()).containsExactly("Compilation", "DJ-mix", "Mixtape/Street");
        assertThat(group.artistCredit()).isEqualTo("DJ Muggs vs. Ill Bill");
    }

    @Test
    void releaseGroupBrowseItemsAndYearOnlyDates() {
        JsonNode browse = musicbrainzJson("release-group.browse__by-artist-inc-artist-credits.json");
        List<ReleaseGroupDetails> groups = new ArrayList<>();
        browse.path("release-groups").forEach(item -> groups.add(mapper.releaseGroup(item)));

        assertThat(groups).isNotEmpty().allSatisfy(group -> {
            assertThat(group.title()).isNotBlank();
            assertThat(group.artistCredit()).isEqualTo("Lures");
        });
        assertThat(groups).extracting(ReleaseGroupDetails::title).contains("There's No Pressure", "Tape");

        // hand-written: a year-only first release date is kept as given
        ReleaseGroupDetails year = mapper.releaseGroup(json("""
                {"id":"y","title":"OK Computer","first-release-date":"1997","primary-type":"Album",
                 "secondary-types":[]}"""));
        assertThat(year.firstReleaseDate()).isEqualTo("1997");
        assertThat(Fixtures.write(year)).doesNotContain("null");
    }
}
