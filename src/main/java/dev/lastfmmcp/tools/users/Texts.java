package dev.lastfmmcp.tools.users;

import dev.lastfmmcp.lastfm.model.ArtistRef;
import dev.lastfmmcp.lastfm.model.Page;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.format.Markdown.number;
import static dev.lastfmmcp.format.Words.count;

/** Small text pieces the user tools share: counts, "by Artist", page lines and possessives. */
final class Texts {

    private Texts() {
    }

    /**
     * "Page 2 of 644 · 1,931 artists in all." ({@code scope} replaces "in all", e.g. "in this range"); null without
     * page information.
     */
    static String pageLine(Page page, String singular, String plural, String scope) {
        if (page == null) {
            return null;
        }
        return "Page " + number(page.page()) + " of " + number(Math.max(1, page.totalPages())) + " · "
               + count(page.total(), singular, plural) + " " + scope + ".";
    }

    /**
     * "Page 99 is past the last page (16); 780 scrobbles in all." when the page asked for is after the last one,
     * else null.
     */
    static String pastLastPage(Page page, String singular, String plural, String scope) {
        if (!isPastLastPage(page)) {
            return null;
        }
        return "Page " + number(page.page()) + " is past the last page (" + number(page.totalPages()) + "); "
               + count(page.total(), singular, plural) + " " + scope + ".";
    }

    /** Whether the page asked for is after the last one (of at least one page). */
    static boolean isPastLastPage(Page page) {
        return page != null && page.totalPages() >= 1 && page.page() > page.totalPages();
    }

    /** The inputSchemas' page maximum: Last.fm may count more pages than the user tools take. */
    static final int LAST_PAGE = 1_000_000;

    /** Whether there is a page after this one that the tools take. */
    static boolean hasNextPage(Page page) {
        return page != null && page.page() < Math.min(page.totalPages(), LAST_PAGE);
    }

}
