package dev.lastfmmcp.unit;

import java.util.ArrayList;
import java.util.List;

import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.RankedArtist;
import dev.lastfmmcp.tools.RankedList;
import dev.lastfmmcp.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ranked list the top, chart, similar and search results share, without a CamelContext: which items are shown,
 * how rows are numbered and worded, and the sentence for an empty list.
 */
class RankedListTest {

    private static RankedArtist artist(int rank, String name, long plays) {
        return new RankedArtist(rank, name, null, null, plays, null, null);
    }

    private static final List<RankedArtist> ARTISTS = List.of(artist(4, "Queen", 1511), artist(5, "Videoclub", 1124),
            artist(5, "Alestorm", 1079));

    private static String text(ToolOutput out) {
        return ((McpSchema.TextContent) out.build().content().get(0)).text();
    }

    @Test
    void topKeepsTheFirstLimitItemsInOrderAndACopy() {
        List<RankedArtist> items = new ArrayList<>(ARTISTS);
        RankedList<RankedArtist> two = RankedList.top(items, 2);
        items.clear();
        assertThat(two.items()).extracting(RankedArtist::name).containsExactly("Queen", "Videoclub");
        assertThat(two.first().name()).isEqualTo("Queen");
        assertThat(RankedList.top(ARTISTS, 50).items()).isEqualTo(ARTISTS);
        assertThat(RankedList.of(ARTISTS).items()).isEqualTo(ARTISTS);
        assertThatThrownBy(() -> two.items().add(ARTISTS.get(2))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anEmptyListHasNoFirstAndWritesItsSentenceOnly() {
        RankedList<RankedArtist> none = RankedList.top(List.of(), 10);
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.first()).isNull();
        assertThat(text(none.write(ToolOutput.create(), "Nobody here.", a -> a.name()))).isEqualTo("Nobody here.\n");
        // without a sentence an empty list writes nothing (the caller said it another way)
        ToolOutput out = ToolOutput.create().line("before");
        none.write(out, null, a -> a.name());
        assertThat(text(out)).isEqualTo("before\n");
        // a list with items never writes the sentence
        assertThat(text(RankedList.of(ARTISTS).write(ToolOutput.create(), "Nobody here.", a -> a.name())))
                .doesNotContain("Nobody");
    }

    @Test
    void rowsAreNumberedInOrderByRankOrAcrossPages() {
        RankedList<RankedArtist> list = RankedList.of(ARTISTS);
        assertThat(text(list.write(ToolOutput.create(), null, RankedArtist::name)))
                .isEqualTo("1. Queen\n2. Videoclub\n3. Alestorm\n");
        // Last.fm's own ranks, ties included
        assertThat(text(list.write(ToolOutput.create(), null, RankedList.Numbering.byRank(RankedArtist::rank),
                RankedArtist::name))).isEqualTo("4. Queen\n5. Videoclub\n5. Alestorm\n");
        // page 3 of 10 a page: 21, 22, 23; page 0 counts as the first
        assertThat(text(list.write(ToolOutput.create(), null,
                RankedList.Numbering.onPage(new Page(3, 10, 16, 155), 10), RankedArtist::name)))
                .isEqualTo("21. Queen\n22. Videoclub\n23. Alestorm\n");
        assertThat(text(list.write(ToolOutput.create(), null,
                RankedList.Numbering.onPage(new Page(0, 10, 0, 0), 10), RankedArtist::name)))
                .startsWith("1. Queen\n");
    }

    @Test
    void aRowIsTheBoldEscapedNameThenByArtistThenTheDetail() {
        assertThat(RankedList.row("Queen", null, "1,511 plays")).isEqualTo("**Queen** — 1,511 plays");
        assertThat(RankedList.row("Hells Bells", "AC/DC", "796,758 listeners"))
                .isEqualTo("**Hells Bells** by AC/DC — 796,758 listeners");
        assertThat(RankedList.row("Back in Black", "AC/DC", null)).isEqualTo("**Back in Black** by AC/DC");
        assertThat(RankedList.row("#1 Crush", "carol_private*", null)).isEqualTo("**#1 Crush** by carol_private\\*");
    }
}
