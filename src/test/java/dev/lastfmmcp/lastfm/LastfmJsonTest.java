package dev.lastfmmcp.lastfm;

import dev.lastfmmcp.support.Fixtures;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lastfmmcp.lastfm.model.Page;
import org.junit.jupiter.api.Test;

import static dev.lastfmmcp.support.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

class LastfmJsonTest {

    @Test
    void listIsAlwaysAList() {
        assertThat(LastfmJson.list(json("{\"track\":[{\"name\":\"a\"},{\"name\":\"b\"}]}"), "track")).hasSize(2);
        assertThat(LastfmJson.list(json("{\"track\":{\"name\":\"a\"}}"), "track"))
                .singleElement().satisfies(item -> assertThat(item.path("name").asText()).isEqualTo("a"));
        assertThat(LastfmJson.list(json("{\"track\":\"\"}"), "track")).isEmpty();
        assertThat(LastfmJson.list(json("{\"track\":\"\\n\"}"), "track")).isEmpty();
        assertThat(LastfmJson.list(json("{\"track\":\"\\n    \"}"), "track")).isEmpty();
        assertThat(LastfmJson.list(json("{\"track\":null}"), "track")).isEmpty();
        assertThat(LastfmJson.list(json("{\"other\":[]}"), "track")).isEmpty();
        assertThat(LastfmJson.list(json("{\"track\":[]}"), "track")).isEmpty();
        assertThat(LastfmJson.list(MissingNode.getInstance(), "track")).isEmpty();
        assertThat(LastfmJson.list(TextNode.valueOf("\n"), "track")).isEmpty();
        assertThat(LastfmJson.list(null, "track")).isEmpty();
    }

    @Test
    void numbersFromNumbersAndNumericStrings() {
        assertThat(LastfmJson.longValue(json("{\"n\":\"138223\"}").path("n"))).isEqualTo(138223L);
        assertThat(LastfmJson.longValue(json("{\"n\":16024346}").path("n"))).isEqualTo(16024346L);
        assertThat(LastfmJson.longValue(json("{\"n\":\" 42 \"}").path("n"))).isEqualTo(42L);
        assertThat(LastfmJson.longValue(json("{\"n\":\"\"}").path("n"))).isNull();
        assertThat(LastfmJson.longValue(json("{\"n\":\"Queen\"}").path("n"))).isNull();
        assertThat(LastfmJson.longValue(json("{\"n\":\"1.5\"}").path("n"))).isNull();
        assertThat(LastfmJson.longValue(json("{}").path("n"))).isNull();
        assertThat(LastfmJson.longValue(NullNode.getInstance())).isNull();
        assertThat(LastfmJson.longValue(null)).isNull();

        assertThat(LastfmJson.intValue(json("{\"n\":\"7\"}").path("n"))).isEqualTo(7);
        assertThat(LastfmJson.intValue(json("{\"n\":\"99999999999\"}").path("n"))).isNull();
        assertThat(LastfmJson.intValue(json("{\"n\":\"x\"}").path("n"))).isNull();

        assertThat(LastfmJson.doubleValue(json("{\"n\":\"0.600213\"}").path("n"))).isEqualTo(0.600213);
        assertThat(LastfmJson.doubleValue(json("{\"n\":1}").path("n"))).isEqualTo(1.0);
        assertThat(LastfmJson.doubleValue(json("{\"n\":\"\"}").path("n"))).isNull();
        assertThat(LastfmJson.doubleValue(json("{\"n\":\"FIXME\"}").path("n"))).isNull();
    }

    @Test
    void textFromStringsAndHashTextMembers() {
        assertThat(LastfmJson.text(TextNode.valueOf("  Tame Impala "))).isEqualTo("Tame Impala");
        assertThat(LastfmJson.text(json("{\"mbid\":\"\",\"#text\":\"Lonerism\"}"))).isEqualTo("Lonerism");
        assertThat(LastfmJson.text(json("{\"unixtime\":\"1\",\"#text\":1561177193}"))).isEqualTo("1561177193");
        assertThat(LastfmJson.text(json("{\"#text\":\"\",\"size\":\"small\"}"))).isNull();
        assertThat(LastfmJson.text(TextNode.valueOf("\n"))).isNull();
        assertThat(LastfmJson.text(json("[1]"))).isNull();
        assertThat(LastfmJson.text(NullNode.getInstance())).isNull();
        assertThat(LastfmJson.text(MissingNode.getInstance())).isNull();
    }

    @Test
    void emptyMbidIsNull() {
        assertThat(LastfmJson.mbid(TextNode.valueOf(""))).isNull();
        assertThat(LastfmJson.mbid(TextNode.valueOf("  "))).isNull();
        assertThat(LastfmJson.mbid(MissingNode.getInstance())).isNull();
        assertThat(LastfmJson.mbid(TextNode.valueOf("63aa26c3-d59b-4da4-84ac-716b54f1ef4d")))
                .isEqualTo("63aa26c3-d59b-4da4-84ac-716b54f1ef4d");
    }

    @Test
    void instantsFromUnixSeconds() {
        Instant expected = Instant.parse("2020-10-20T10:03:58Z");
        assertThat(LastfmJson.instant(json("{\"uts\":\"1603188238\",\"#text\":\"20 Oct 2020, 10:03\"}")))
                .isEqualTo(expected);
        assertThat(LastfmJson.instant(TextNode.valueOf("1603188238"))).isEqualTo(expected);
        assertThat(LastfmJson.instant(IntNode.valueOf(1603188238))).isEqualTo(expected);
        assertThat(LastfmJson.instant(json("{\"unixtime\":\"1561177193\",\"#text\":1561177193}")))
                .isEqualTo(Instant.parse("2019-06-22T04:19:53Z"));
        assertThat(LastfmJson.instant(json("{\"unixtime\":\"1603189685\",\"#text\":\"2020-10-20 10:28\"}")))
                .isEqualTo(Instant.ofEpochSecond(1603189685));
        assertThat(LastfmJson.instant(json("{\"#text\":\"20 Oct 2020, 10:03\"}"))).isNull();
        assertThat(LastfmJson.instant(MissingNode.getInstance())).isNull();
        assertThat(LastfmJson.instant(null)).isNull();
    }

    @Test
    void publishedDatesInBothFormats() {
        assertThat(LastfmJson.published("09 Jan 2011, 12:41")).isEqualTo(Instant.parse("2011-01-09T12:41:00Z"));
        assertThat(LastfmJson.published("Wed, 6 Feb 2013 00:04:40 +0000"))
                .isEqualTo(Instant.parse("2013-02-06T00:04:40Z"));
        assertThat(LastfmJson.published("yesterday")).isNull();
        assertThat(LastfmJson.published(" ")).isNull();
    }

    @Test
    void durationsFlagsAndFractions() {
        assertThat(LastfmJson.seconds(TextNode.valueOf("205"))).isEqualTo(205);
        assertThat(LastfmJson.seconds(IntNode.valueOf(278))).isEqualTo(278);
        assertThat(LastfmJson.seconds(TextNode.valueOf("0"))).isNull();
        assertThat(LastfmJson.secondsFromMillis(TextNode.valueOf("157000"))).isEqualTo(157);
        assertThat(LastfmJson.secondsFromMillis(TextNode.valueOf("0"))).isNull();

        assertThat(LastfmJson.flag(TextNode.valueOf("1"))).isTrue();
        assertThat(LastfmJson.flag(TextNode.valueOf("true"))).isTrue();
        assertThat(LastfmJson.flag(IntNode.valueOf(0))).isFalse();
        assertThat(LastfmJson.flag(TextNode.valueOf("FIXME"))).isNull();

        assertThat(LastfmJson.fraction(TextNode.valueOf("0.600213"))).isEqualTo(0.600213);
        assertThat(LastfmJson.fraction(IntNode.valueOf(1))).isEqualTo(1.0);
        assertThat(LastfmJson.fraction(TextNode.valueOf("60"))).isEqualTo(0.6);
        assertThat(LastfmJson.fraction(TextNode.valueOf(""))).isNull();
    }

    @Test
    void imageUrlIsTheLargestRealImage() {
        String images = """
                [{"size":"small","#text":"https://img/34s/a.png"},
                 {"size":"extralarge","#text":"https://img/300x300/a.png"},
                 {"size":"large","#text":"https://img/174s/a.png"},
                 {"size":"mega","#text":""}]""";
        assertThat(LastfmJson.imageUrl(json(images))).isEqualTo("https://img/300x300/a.png");
        String placeholders = """
                [{"size":"small","#text":"https://i/u/34s/2a96cbd8b46e442fc41c2b86b821562f.png"},
                 {"size":"mega","#text":"https://i/u/300x300/2a96cbd8b46e442fc41c2b86b821562f.png"}]""";
        assertThat(LastfmJson.imageUrl(json(placeholders))).isNull();
        assertThat(LastfmJson.imageUrl(json("[{\"size\":\"small\",\"#text\":\"\"}]"))).isNull();
        assertThat(LastfmJson.imageUrl(json("[]"))).isNull();
        assertThat(LastfmJson.imageUrl(MissingNode.getInstance())).isNull();
        assertThat(LastfmJson.imageUrl(json("[{\"size\":\"\",\"#text\":\"https://img/u.png\"},"
                + "{\"size\":\"small\",\"#text\":\"https://img/s.png\"}]"))).isEqualTo("https://img/s.png");
    }

    @Test
    void plainTextStripsHtmlReadMoreAndLicence() {
        String bio = "Abel Tesfaye is an R&B singer.\n\nHe is <b>famous</b>. "
                + "<a href=\"https://www.last.fm/music/The+Weeknd\">Read more on Last.fm</a>. "
                + "User-contributed text is available under the Creative Commons By-SA License; "
                + "additional terms may apply.";
        assertThat(LastfmJson.plainText(bio)).isEqualTo("Abel Tesfaye is an R&B singer.\n\nHe is famous.");
    }

    @Test
    void plainTextHandlesTheLegacyForms() {
        String legacy = "\n                Frightened Rabbit are an <a href=\"http://www.last.fm/tag/indie\" "
                + "class=\"bbcode_tag\" rel=\"tag\">indie rock</a> band: &quot;Sing the Greys&quot; (2006)  \n\n"
                + "        <a href=\"http://www.last.fm/music/Frightened+Rabbit\">Read more about Frightened Rabbit "
                + "on Last.fm</a>.\n    \n    \nUser-contributed text is available under the Creative Commons By-SA "
                + "License and may also be available under the GNU FDL.\n    ";
        assertThat(LastfmJson.plainText(legacy))
                .isEqualTo("Frightened Rabbit are an indie rock band: \"Sing the Greys\" (2006)");
    }

    @Test
    void plainTextDecodesEntitiesAndKeepsParagraphs() {
        assertThat(LastfmJson.plainText("Rock &amp; roll &#39;n&#x27; &#8220;blues&#8221;&nbsp;&lt;3 &bogus;"))
                .isEqualTo("Rock & roll 'n' “blues” <3 &bogus;");
        assertThat(LastfmJson.plainText("One   two\t three\n \n \n Four<br/>five</p><p>six"))
                .isEqualTo("One two three\n\nFour\nfive\n\nsix");
        assertThat(LastfmJson.plainText("&amp;quot;")).isEqualTo("&quot;");
        assertThat(LastfmJson.plainText("Read more on Last.fm")).isNull();
        assertThat(LastfmJson.plainText(" <a href=\"https://www.last.fm/tag/x\">Read more on Last.fm</a>."))
                .isNull();
        assertThat(LastfmJson.plainText("   ")).isNull();
        assertThat(LastfmJson.plainText(null)).isNull();
    }

    @Test
    void pageFromAttrStringsOrNumbers() {
        assertThat(LastfmJson.page(json("{\"page\":\"1\",\"perPage\":\"50\",\"totalPages\":\"429\","
                + "\"total\":\"21406\",\"artist\":\"Chris Cornell\"}"))).isEqualTo(new Page(1, 50, 429, 21406));
        assertThat(LastfmJson.page(json("{\"page\":2,\"perPage\":10,\"totalPages\":3,\"total\":25}")))
                .isEqualTo(new Page(2, 10, 3, 25));
        assertThat(LastfmJson.page(json("{\"user\":\"RT\",\"page\":\"0\",\"perPage\":\"20\",\"totalPages\":\"0\","
                + "\"total\":\"0\"}"))).isEqualTo(new Page(1, 20, 0, 0));
        assertThat(LastfmJson.page(json("{}"))).isEqualTo(new Page(1, 0, 0, 0));
        assertThat(LastfmJson.page(json("{}"), 3)).isEqualTo(new Page(1, 3, 1, 3));
        assertThat(LastfmJson.page(null)).isEqualTo(new Page(1, 0, 0, 0));
    }

    @Test
    void pageFromOpenSearchMembers() {
        assertThat(LastfmJson.page(json("{\"opensearch:totalResults\":\"11634\",\"opensearch:startIndex\":\"0\","
                + "\"opensearch:itemsPerPage\":\"30\"}"))).isEqualTo(new Page(1, 30, 388, 11634));
        assertThat(LastfmJson.page(json("{\"opensearch:Query\":{\"startPage\":\"2\"},"
                + "\"opensearch:totalResults\":\"7\",\"opensearch:startIndex\":\"3\","
                + "\"opensearch:itemsPerPage\":\"3\"}"))).isEqualTo(new Page(2, 3, 3, 7));
        assertThat(LastfmJson.page(json("{\"opensearch:Query\":{\"startPage\":\"4\"},"
                + "\"opensearch:totalResults\":\"0\"}"))).isEqualTo(new Page(4, 0, 0, 0));
    }

    @Test
    void attrIsTheAttrObjectOrTheLegacyContainer() {
        assertThat(LastfmJson.attr(json("{\"@attr\":{\"user\":\"a\"},\"track\":[]}")).path("user").asText())
                .isEqualTo("a");
        assertThat(LastfmJson.attr(json("{\"#text\":\"\\n\",\"user\":\"RT\"}")).path("user").asText())
                .isEqualTo("RT");
        assertThat(LastfmJson.attr(MissingNode.getInstance()).isMissingNode()).isTrue();
    }
}
