package dev.lastfmmcp.tools.users;

import dev.lastfmmcp.lastfm.model.ArtistRef;
import dev.lastfmmcp.lastfm.model.Page;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.format.Markdown.number;

/** Small text pieces the user tools share: counts, "by Artist", page lines and possessives. */
final class Texts {

    private Texts() {
    }

    /** "1,511 plays", "1 play", "unknown plays". */
    static String plays(Long count) {
        return count == null ? "unknown plays" : number(count) + (count == 1 ? " play" : " plays");
    }

    /** "1,234 things" with the singular for one. */
    static String count(long count, String singular, String plural) {
        return number(count) + " " + (count == 1 ? singular : plural);
    }

    /** " by Artist" (escaped), or nothing when the artist is unknown. */
    static String by(ArtistRef artist) {
        return artist == null || artist.name() == null ? "" : " by " + escape(artist.name());
    }

    static String artistName(ArtistRef artist) {
        return artist == null ? null : artist.name();
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

    /** "RJ's", "James'"… kept simple: "'s" always, which reads fine for usernames. */
    static String possessive(String user) {
        return escape(user) + "'s";
    }
}
