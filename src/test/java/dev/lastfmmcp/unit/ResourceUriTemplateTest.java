package dev.lastfmmcp.unit;

import java.util.List;
import java.util.Map;

import dev.lastfmmcp.resources.PercentEncoding;
import dev.lastfmmcp.resources.ResourceUri;
import dev.lastfmmcp.resources.UriTemplate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 6570 level-1 templates: parsing, matching one segment per variable, percent-encoding both ways. */
class ResourceUriTemplateTest {

    private final UriTemplate track = UriTemplate.parse("lastfm://track/{artist}/{track}");

    @Test
    void encodesEverythingOutsideTheUnreservedSetAsUtf8() {
        assertThat(PercentEncoding.encode("AC/DC")).isEqualTo("AC%2FDC");
        assertThat(PercentEncoding.encode("Sigur Rós")).isEqualTo("Sigur%20R%C3%B3s");
        assertThat(PercentEncoding.encode("a-b_c.d~e")).isEqualTo("a-b_c.d~e");
        assertThat(PercentEncoding.encode("100% & more?#+")).isEqualTo("100%25%20%26%20more%3F%23%2B");
        assertThat(PercentEncoding.encode("🎸")).isEqualTo("%F0%9F%8E%B8");
    }

    @Test
    void decodesStrictlyAndRoundTrips() {
        for (String name : List.of("AC/DC", "Sigur Rós", "Björk", "坂本龍一", "🎸 + ∞", "100%", "Guns N' Roses")) {
            assertThat(PercentEncoding.decode(PercentEncoding.encode(name))).isEqualTo(name);
        }
        assertThat(PercentEncoding.decode("AC%2fDC")).isEqualTo("AC/DC");
        assertThat(PercentEncoding.decode("a+b")).isEqualTo("a+b");
        assertThat(PercentEncoding.decode("Sigur Rós")).isEqualTo("Sigur Rós");
        for (String broken : List.of("100%", "%2", "%ZZ", "%C3", "%C3%28", "%FF")) {
            assertThatThrownBy(() -> PercentEncoding.decode(broken)).as(broken)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void splitsSchemePathAndQuery() {
        ResourceUri uri = ResourceUri.parse("LastFM://user/rj/top-artists?period=7day&limit=20&&flag#top");
        assertThat(uri.scheme()).isEqualTo("lastfm");
        assertThat(uri.segments()).containsExactly("user", "rj", "top-artists");
        assertThat(uri.query()).containsExactly(Map.entry("period", "7day"), Map.entry("limit", "20"),
                Map.entry("flag", ""));
        assertThat(ResourceUri.parse("not a uri")).isNull();
        assertThat(ResourceUri.parse("://x")).isNull();
        assertThat(ResourceUri.parse("lastfm://artist/").segments()).containsExactly("artist", "");
    }

    @Test
    void matchesOneNonEmptySegmentPerVariable() {
        assertThat(track.variables()).containsExactly("artist", "track");
        assertThat(track.match(ResourceUri.parse("lastfm://track/AC%2FDC/Hells%20Bells")))
                .containsExactly(Map.entry("artist", "AC%2FDC"), Map.entry("track", "Hells%20Bells"));
        assertThat(track.match(ResourceUri.parse("lastfm://track/AC/DC/Hells%20Bells"))).isNull();
        assertThat(track.match(ResourceUri.parse("lastfm://track//Creep"))).isNull();
        assertThat(track.match(ResourceUri.parse("lastfm://track/Radiohead/Creep/"))).isNull();
        assertThat(track.match(ResourceUri.parse("lastfm://album/Radiohead/Creep"))).isNull();
        assertThat(track.match(ResourceUri.parse("https://track/Radiohead/Creep"))).isNull();
    }

    @Test
    void expandsWithSimpleStringExpansion() {
        assertThat(track.expand(Map.of("artist", "AC/DC", "track", "Hells Bells")))
                .isEqualTo("lastfm://track/AC%2FDC/Hells%20Bells");
        assertThatThrownBy(() -> track.expand(Map.of("artist", "AC/DC"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsTemplatesBeyondLevelOneSegments() {
        for (String template : List.of("lastfm:artist/{artist}", "lastfm://artist/{artist}.json",
                "lastfm://artist/{+artist}", "lastfm://artist/{artist}{?limit}", "lastfm://x/{a}/{a}")) {
            assertThatThrownBy(() -> UriTemplate.parse(template)).as(template)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void knowsWhenTwoTemplatesCouldMatchTheSameUri() {
        assertThat(track.overlaps(UriTemplate.parse("lastfm://track/{a}/{b}"))).isTrue();
        assertThat(track.overlaps(UriTemplate.parse("lastfm://track/{a}/{b}/similar"))).isFalse();
        assertThat(track.overlaps(UriTemplate.parse("lastfm://album/{a}/{b}"))).isFalse();
        assertThat(UriTemplate.parse("lastfm://user/{u}/loved").overlaps(UriTemplate.parse("lastfm://user/x/{v}")))
                .isTrue();
    }
}
