package dev.lastfmmcp.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import dev.lastfmmcp.jsonrpc.JsonRpcErrors;
import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.mcp.Cursors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorsTest {

    private final List<String> items = IntStream.range(0, 7).mapToObj(i -> "item" + i).toList();

    @Test
    void pagesThroughEveryItemOnceAndEndsWithoutCursor() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Cursors.Page<String> page = Cursors.page("tools", items, items, cursor, 3);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(seen).isEqualTo(items);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aSinglePageHasNoNextCursor() {
        assertThat(Cursors.page("tools", items, items, null, 100).nextCursor()).isNull();
        assertThat(Cursors.page("tools", List.of(), List.of(), null, 100).items()).isEmpty();
    }

    @Test
    void cursorsAreStable() {
        String first = Cursors.page("tools", items, items, null, 3).nextCursor();
        assertThat(Cursors.page("tools", items, items, null, 3).nextCursor()).isEqualTo(first);
    }

    @Test
    void garbageForeignAndStaleCursorsAreInvalidParams() {
        String toolsCursor = Cursors.page("tools", items, items, null, 3).nextCursor();
        List<String> changed = List.of("other", "names", "here", "and", "more");
        for (Runnable call : List.<Runnable>of(
                () -> Cursors.page("tools", items, items, "garbage!!", 3),
                () -> Cursors.page("tools", items, items, "", 3),
                () -> Cursors.page("prompts", items, items, toolsCursor, 3),
                () -> Cursors.page("tools", changed, changed, toolsCursor, 3))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(JsonRpcException.class,
                    e -> assertThat(e.code()).isEqualTo(JsonRpcErrors.INVALID_PARAMS));
        }
    }
}
