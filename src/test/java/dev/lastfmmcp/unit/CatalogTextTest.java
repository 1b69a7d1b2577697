package dev.lastfmmcp.unit;

import java.util.List;

import dev.lastfmmcp.lastfm.model.AlbumRef;
import dev.lastfmmcp.lastfm.model.ArtistRef;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.Tag;
import dev.lastfmmcp.lastfm.model.TrackInfo;
import dev.lastfmmcp.lastfm.model.Wiki;
import dev.lastfmmcp.musicbrainz.ReleaseGroupDetails;
import dev.lastfmmcp.tools.albums.AlbumTools;
import dev.lastfmmcp.format.Words;
import dev.lastfmmcp.tools.CatalogText;
import dev.lastfmmcp.tools.charts.Countries;
import dev.lastfmmcp.tools.tracks.TrackTools;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure helpers of the catalogue tools: wording, lengths, looser queries, country names, unknown tracks. */
class CatalogTextTest {

    @Test
    void lengthsAsClocks() {
        assertThat(Words.clock(0)).isEqualTo("0:00");
        assertThat(Words.clock(59)).isEqualTo("0:59");
        assertThat(Words.clock(157)).isEqualTo("2:37");
        assertThat(Words.clock(3599)).isEqualTo("59:59");
        assertThat(Words.clock(3741)).isEqualTo("1:02:21");
        assertThat(Words.clock(-5)).isEqualTo("0:00");
    }

    @Test
    void countsPercentsAndPages() {
        assertThat(Words.count(1_234_567L)).isEqualTo("1,234,567");
        assertThat(Words.count(null)).isEqualTo("unknown");
        assertThat(Words.percent(0.976467)).isEqualTo("98%");
        assertThat(Words.percent(null)).isEqualTo("?");
        assertThat(CatalogText.pageLine(new Page(1, 10, 1381, 13_809))).isEqualTo("Page 1 of 1,381 (13,809 results)");
        assertThat(CatalogText.pageLine(new Page(1, 10, 1, 1))).isEqualTo("Page 1 of 1 (1 result)");
        assertThat(CatalogText.pageLine(new Page(1, 10, 0, 0))).isEqualTo("Page 1 of 1 (0 results)");
    }

    @Test
    void looserQueries() {
        assertThat(CatalogText.looserQuery("AC/DC")).isEqualTo("AC DC");
        assertThat(CatalogText.looserQuery("  the  kinkz  from london ")).isEqualTo("the kinkz from");
        assertThat(CatalogText.looserQuery("Guns N' Roses live")).isEqualTo("Guns N' Roses");
        assertThat(CatalogText.looserQuery("坂本龍一")).isNull();
        assertThat(CatalogText.looserQuery("radiohead")).isNull();
        assertThat(CatalogText.looserQuery("!!!")).isNull();
    }

    @Test
    void tagSpellings() {
        assertThat(CatalogText.tagVariant("hip hop")).isEqualTo("hip-hop");
        assertThat(CatalogText.tagVariant("post-rock")).isEqualTo("post rock");
        assertThat(CatalogText.tagVariant("metal")).isNull();
    }

    @Test
    void correctionSentences() {
        assertThat(CatalogText.correctedSentence("artist", "the weekend", "The Weeknd", "track", "Blinding Lights",
                "Blinding Lights")).isEqualTo("_Last.fm corrected the artist \"the weekend\" to \"The Weeknd\"._");
        assertThat(CatalogText.correctedSentence("artist", "sigur ros", "Sigur Rós")).as("accents only").isNull();
        assertThat(CatalogText.correctedSentence("album", "a*b", "A_B")).isNull();
    }

    @Test
    void countryNamesForCodesAndMisspellings() {
        assertThat(Countries.suggestion("DE")).isEqualTo("Germany");
        assertThat(Countries.suggestion("deu")).isEqualTo("Germany");
        assertThat(Countries.suggestion("Germny")).isEqualTo("Germany");
        assertThat(Countries.suggestion("UK")).isEqualTo("United Kingdom");
        assertThat(Countries.suggestion("  canda ")).isEqualTo("Canada");
        assertThat(Countries.suggestion("Germany")).as("already a name").isNull();
        assertThat(Countries.suggestion("Texas")).isNull();
        assertThat(Countries.suggestion("")).isNull();
    }

    @Test
    void lastfmsPlaceholderForAnUnknownTrack() {
        TrackInfo placeholder = new TrackInfo("Fake Track", null, "https://www.last.fm/music/Fake+Artist/_/Fake+Track",
                new ArtistRef("Fake Artist", null, null), null, null, 2L, 4L, null, null, List.of(), null);
        assertThat(TrackTools.isPlaceholder(placeholder)).isTrue();
        assertThat(TrackTools.isPlaceholder(withListeners(placeholder, 5_000L))).as("many listeners").isFalse();
        assertThat(TrackTools.isPlaceholder(new TrackInfo("Fake Track", null, null, null, null, null, 2L, 4L, 3L,
                false, List.of(), null))).as("the user scrobbled it").isFalse();
        assertThat(TrackTools.isPlaceholder(new TrackInfo("Demo", null, null, null, null, 185, 2L, 4L, null, null,
                List.of(), null))).as("a known length").isFalse();
        assertThat(TrackTools.isPlaceholder(new TrackInfo("Demo", null, null, null,
                new AlbumRef("Demos", "X", null, null, 1, null), null, 2L, 4L, null, null, List.of(), null)))
                .as("on an album").isFalse();
        assertThat(TrackTools.isPlaceholder(new TrackInfo("Demo", null, null, null, null, null, 2L, 4L, null, null,
                List.of(new Tag("lo-fi", null, null, null, null)), null))).as("tagged").isFalse();
        assertThat(TrackTools.isPlaceholder(new TrackInfo("Demo", null, null, null, null, null, 2L, 4L, null, null,
                List.of(), new Wiki("A demo.", null, null)))).as("described").isFalse();
        assertThat(TrackTools.isPlaceholder(new TrackInfo(null, null, null, null, null, null, null, null, null, null,
                List.of(), null))).as("an empty body").isTrue();
    }

    private static TrackInfo withListeners(TrackInfo track, long listeners) {
        return new TrackInfo(track.name(), track.mbid(), track.url(), track.artist(), track.album(),
                track.durationSeconds(), listeners, track.playcount(), track.userPlaycount(), track.userLoved(),
                track.topTags(), track.wiki());
    }

    @Test
    void releaseLine() {
        assertThat(AlbumTools.release(new ReleaseGroupDetails("id", "Cult Assassin", "2010-08-31", "Album",
                List.of("Compilation", "DJ-mix"), "DJ Muggs vs. Ill Bill", null)))
                .isEqualTo("Released 2010-08-31 (first release, MusicBrainz) · Type: Album (Compilation, DJ-mix)");
        assertThat(AlbumTools.release(new ReleaseGroupDetails("id", "X", null, null, List.of(), null, null)))
                .isEqualTo("MusicBrainz: no release date or type known");
    }
}
