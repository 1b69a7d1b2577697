package dev.lastfmmcp.tools;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import dev.lastfmmcp.lastfm.model.Page;

/**
 * The ranked list behind the top, chart, similar and search results: the items a tool shows (the first {@code limit}
 * of Last.fm's list), written as numbered Markdown rows such as {@code 3. **Name** by Artist — 1,234 scrobbles}, or
 * one sentence when there are none, and the first item for the "Next steps" that follow up on it. The same items go
 * into the structured content ({@link #items()}), so text and structure always show the same list.
 *
 * <p>Rows are numbered 1, 2, … ({@link #write(ToolOutput, String, Function)}), by the rank Last.fm gives
 * ({@link Numbering#byRank}), or by their place across pages ({@link Numbering#onPage}).
 */
public final class RankedList<T> {

    /** The number a row gets, from the item or its place (from 0) in the list. */
    @FunctionalInterface
    public interface Numbering<T> {

        int number(T item, int index);

        /** 1, 2, … */
        static <T> Numbering<T> inOrder() {
            return (item, index) -> index + 1;
        }

        /** The rank Last.fm gives each item (a user's charts count from 1 across pages, with ties). */
        static <T> Numbering<T> byRank(ToIntFunction<? super T> rank) {
            return (item, index) -> rank.applyAsInt(item);
        }

        /** The place across pages: on page 2 of 10 a page, the rows are 11, 12, … */
        static <T> Numbering<T> onPage(Page page, int perPage) {
            return (item, index) -> CatalogText.rank(page.page(), perPage, index);
        }
    }

    private final List<T> items;

    private RankedList(List<T> items) {
        this.items = items;
    }

    /** All of {@code items}. */
    public static <T> RankedList<T> of(List<T> items) {
        return new RankedList<>(List.copyOf(items));
    }

    /** The first {@code limit} of {@code items} (Last.fm may send more than was asked for). */
    public static <T> RankedList<T> top(List<T> items, int limit) {
        return new RankedList<>(items.size() <= limit ? List.copyOf(items) : List.copyOf(items.subList(0, limit)));
    }

    /** The items shown, for the structured content. */
    public List<T> items() {
        return items;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The top item; null when the list is empty. */
    public T first() {
        return items.isEmpty() ? null : items.get(0);
    }

    /** Rows numbered 1, 2, …; {@code whenEmpty} (when not null) instead when there are none. */
    public ToolOutput write(ToolOutput out, String whenEmpty, Function<? super T, String> row) {
        return write(out, whenEmpty, Numbering.inOrder(), row);
    }

    /** Rows {@code "<number>. <row>"}; {@code whenEmpty} (when not null) instead when there are none. */
    public ToolOutput write(ToolOutput out, String whenEmpty, Numbering<? super T> numbering,
            Function<? super T, String> row) {
        if (items.isEmpty() && whenEmpty != null) {
            out.line(whenEmpty);
        }
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            out.line(numbering.number(item, i) + ". " + row.apply(item));
        }
        return out;
    }

    /**
     * One row: {@code **Name** by Artist — detail}, names escaped; without " by …" when the artist is null and
     * without " — …" when the detail is.
     */
    public static String row(String name, String artist, String detail) {
        String title = CatalogText.byArtist(name, artist);
        return detail == null ? title : title + " — " + detail;
    }
}
