package dev.lastfmmcp.lastfm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.support.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shapes Last.fm's JSON takes only now and then: stray list items, out-of-range numbers, odd pagination. */
class LastfmJsonCornerCasesTest {

    private static JsonNode json(String text) {
        return Fixtures.json(text);
    }

    @Test
    void listItemsThatAreNeitherObjectsNorTextAreDropped() {
        assertThat(LastfmJson.list(json("{\"tag\":[{\"name\":\"a\"},\"b\",\" \",3,null,true,[]]}"), "tag"))
                .extracting(JsonNode::toString).containsExactly("{\"name\":\"a\"}", "\"b\"");
        assertThat(LastfmJson.list(null, "tag")).isEmpty();
    }

    @Test
    void numbersOutsideTheirRangeAreAbsent() {
        assertThat(LastfmJson.intValue(json("3000000000"))).isNull();
        assertThat(LastfmJson.intValue(json("-3000000000"))).isNull();
        assertThat(LastfmJson.intValue(json("\"-7\""))).isEqualTo(-7);
        assertThat(LastfmJson.seconds(json("3000000000"))).isNull();
        assertThat(LastfmJson.seconds(json("-1"))).isNull();
        assertThat(LastfmJson.fraction(json("-0.5"))).isNull();
        assertThat(LastfmJson.fraction(json("250"))).isEqualTo(1.0);
        assertThat(LastfmJson.fraction(json("null"))).isNull();
        assertThat(LastfmJson.text(null)).isNull();
        assertThat(LastfmJson.text(json("{\"#text\":{}}"))).isNull();
        assertThat(LastfmJson.text(json("null"))).isNull();
    }

    @Test
    void aSingleImageObjectCountsAndOtherShapesHaveNone() {
        assertThat(LastfmJson.imageUrl(json("{\"#text\":\"https://img/x.png\",\"size\":\"large\"}")))
                .isEqualTo("https://img/x.png");
        assertThat(LastfmJson.imageUrl(json("\"https://img/x.png\""))).isNull();
        assertThat(LastfmJson.imageUrl(null)).isNull();
    }

    @Test
    void openSearchPagesFromTheQueryWhenThereIsNoStartIndex() {
        Page fromQuery = LastfmJson.page(json("{\"opensearch:itemsPerPage\":\"10\",\"opensearch:totalResults\":\"95\","
                + "\"opensearch:Query\":{\"startPage\":\"3\"}}"));
        assertThat(fromQuery).isEqualTo(new Page(3, 10, 10, 95));
        Page zeroPerPage = LastfmJson.page(json("{\"opensearch:itemsPerPage\":\"0\",\"opensearch:startIndex\":\"20\","
                + "\"opensearch:totalResults\":\"5\"}"), 5);
        assertThat(zeroPerPage).isEqualTo(new Page(1, 0, 0, 5));
        Page onlyTotal = LastfmJson.page(json("{\"opensearch:totalResults\":\"7\",\"opensearch:startIndex\":\"0\"}"), 7);
        assertThat(onlyTotal).isEqualTo(new Page(1, 7, 1, 7));
    }

    @Test
    void negativeAttributesFallBackToTheItems() {
        assertThat(LastfmJson.page(json("{\"page\":\"-2\",\"perPage\":\"-1\",\"totalPages\":\"-1\",\"total\":\"-1\"}"), 4))
                .isEqualTo(new Page(1, 4, 1, 4));
        assertThat(LastfmJson.page(null, 0)).isEqualTo(new Page(1, 0, 0, 0));
    }

    @Test
    void attrOfNothingIsNothingAndANonObjectAttrIsIgnored() {
        assertThat(LastfmJson.attr(null)).isNull();
        JsonNode legacy = json("{\"@attr\":\"x\",\"page\":\"2\"}");
        assertThat(LastfmJson.attr(legacy)).isSameAs(legacy);
    }

    @Test
    void numericEntitiesInEveryFormAndInvalidOnesKept() {
        assertThat(LastfmJson.plainText("a &#233; &#xE9; &#XE9; b")).isEqualTo("a é é é b");
        assertThat(LastfmJson.plainText("bad &#9999999; and &#x110000; stay")).isEqualTo("bad &#9999999; and &#x110000; stay");
        assertThat(LastfmJson.plainText("unknown &bogus; stays")).isEqualTo("unknown &bogus; stays");
    }
}
