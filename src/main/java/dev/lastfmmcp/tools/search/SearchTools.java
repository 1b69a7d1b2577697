package dev.lastfmmcp.tools.search;

import dev.lastfmmcp.tools.CatalogText;
import java.util.Map;
import java.util.function.Function;

import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.AlbumHit;
import dev.lastfmmcp.lastfm.model.AlbumSearch;
import dev.lastfmmcp.lastfm.model.ArtistHit;
import dev.lastfmmcp.lastfm.model.ArtistSearch;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.TrackHit;
import dev.lastfmmcp.lastfm.model.TrackSearch;
import dev.lastfmmcp.tools.Args;
import dev.lastfmmcp.tools.RankedList;
import dev.lastfmmcp.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Variable;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.format.Markdown.quote;
import static dev.lastfmmcp.format.Words.count;

/**
 * The search tools of the catalogue family (search_artists, search_albums, search_tracks): one page of Last.fm's
 * search results, numbered across pages, with the page position and, when nothing matched, a looser query to try.
 */
public class SearchTools {

    /** The inputSchemas' page maximum: Last.fm may count more pages than the search tools take. */
    private static final int LAST_PAGE = 10_000;

    // ---------------------------------------------------------------- search_artists

    public LastfmRequest artistsRequest(@Variable("args") Map<String, Object> arguments) {
        Args args = Args.of(arguments);
        return LastfmRequest.of("artist.search", "artist", args.text("query"),
                "limit", String.valueOf(args.integer("limit")), "page", String.valueOf(page(args)));
    }

    public McpSchema.CallToolResult artists(@Variable("args") Map<String, Object> arguments,
            @Variable("artistSearch") LastfmResult result) {
        Args args = Args.of(arguments);
        ArtistSearch search = result.as(ArtistSearch.class);
        String query = args.text("query");
        int limit = args.integer("limit");
        RankedList<ArtistHit> artists = RankedList.top(search.artists(), limit);
        Page page = search.page();
        ToolOutput out = ToolOutput.create().from(result).put("query", query).put("page", page)
                .put("artists", artists.items());
        out.heading("Artists matching \"" + escape(query) + "\"");
        if (artists.isEmpty()) {
            nothingFound(out, "artists", "search_artists", query, null, page, limit);
            out.next().call("search_tracks", "query", query).call("search_albums", "query", query);
            return out.build();
        }
        rows(out, page, limit, artists, a -> RankedList.row(a.name(), null, count(a.listeners()) + " listeners"));
        ArtistHit first = artists.first();
        out.next().call("get_artist_info", "artist", first.name())
                .call("get_artist_top_tracks", "artist", first.name(), "limit", 10);
        nextPage(out, "search_artists", query, null, page, limit);
        return out.build();
    }

    // ---------------------------------------------------------------- search_albums

    public LastfmRequest albumsRequest(@Variable("args") Map<String, Object> arguments) {
        Args args = Args.of(arguments);
        return LastfmRequest.of("album.search", "album", args.text("query"),
                "limit", String.valueOf(args.integer("limit")), "page", String.valueOf(page(args)));
    }

    public McpSchema.CallToolResult albums(@Variable("args") Map<String, Object> arguments,
            @Variable("albumSearch") LastfmResult result) {
        Args args = Args.of(arguments);
        AlbumSearch search = result.as(AlbumSearch.class);
        String query = args.text("query");
        int limit = args.integer("limit");
        RankedList<AlbumHit> albums = RankedList.top(search.albums(), limit);
        Page page = search.page();
        ToolOutput out = ToolOutput.create().from(result).put("query", query).put("page", page)
                .put("albums", albums.items());
        out.heading("Albums matching \"" + escape(query) + "\"");
        if (albums.isEmpty()) {
            nothingFound(out, "albums", "search_albums", query, null, page, limit);
            out.next().call("search_artists", "query", query).call("search_tracks", "query", query);
            return out.build();
        }
        rows(out, page, limit, albums, a -> RankedList.row(a.name(), a.artist(), null));
        AlbumHit first = albums.first();
        if (first.artist() != null) {
            out.next().call("get_album_info", "artist", first.artist(), "album", first.name())
                    .call("get_artist_top_albums", "artist", first.artist(), "limit", 10);
        }
        nextPage(out, "search_albums", query, null, page, limit);
        out.next().call("search_artists", "query", query);
        return out.build();
    }

    // ---------------------------------------------------------------- search_tracks

    public LastfmRequest tracksRequest(@Variable("args") Map<String, Object> arguments) {
        Args args = Args.of(arguments);
        return LastfmRequest.of("track.search", "track", args.text("query"), "artist", args.text("artist"),
                "limit", String.valueOf(args.integer("limit")), "page", String.valueOf(page(args)));
    }

    public McpSchema.CallToolResult tracks(@Variable("args") Map<String, Object> arguments,
            @Variable("trackSearch") LastfmResult result) {
        Args args = Args.of(arguments);
        TrackSearch search = result.as(TrackSearch.class);
        String query = args.text("query");
        String artist = args.text("artist");
        int limit = args.integer("limit");
        RankedList<TrackHit> tracks = RankedList.top(search.tracks(), limit);
        Page page = search.page();
        ToolOutput out = ToolOutput.create().from(result).put("query", query).put("artist", artist).put("page", page)
                .put("tracks", tracks.items());
        out.heading("Tracks matching \"" + escape(query) + "\"" + (artist == null ? "" : " by " + escape(artist)));
        if (tracks.isEmpty()) {
            if (artist != null && page.total() == 0) {
                out.line("No tracks by " + escape(artist) + " match \"" + escape(query) + "\" on Last.fm. The artist "
                         + "name narrows the search to exact matches: try without it, search_tracks(query="
                         + quote(query) + ").");
                out.next().call("search_tracks", "query", query).call("search_artists", "query", artist);
                return out.build();
            }
            nothingFound(out, "tracks", "search_tracks", query, artist, page, limit);
            out.next().call("search_artists", "query", query).call("search_albums", "query", query);
            return out.build();
        }
        rows(out, page, limit, tracks, t -> RankedList.row(t.name(), t.artist(), count(t.listeners()) + " listeners"));
        TrackHit first = tracks.first();
        if (first.artist() != null) {
            out.next().call("get_track_info", "artist", first.artist(), "track", first.name())
                    .call("get_similar_tracks", "artist", first.artist(), "track", first.name(), "limit", 10);
        }
        nextPage(out, "search_tracks", query, artist, page, limit);
        out.next().call("search_artists", "query", query);
        return out.build();
    }

    // ---------------------------------------------------------------- shared

    private static int page(Args args) {
        return args.integer("page");
    }

    /** The page line, then the hits numbered across pages. */
    private static <T> void rows(ToolOutput out, Page page, int limit, RankedList<T> hits, Function<T, String> row) {
        out.line(CatalogText.pageLine(page)).blank();
        hits.write(out, null, RankedList.Numbering.onPage(page, limit), row);
    }

    /** No results: past the last page, or nothing matches (with a looser query to try when there is one). */
    private static void nothingFound(ToolOutput out, String things, String tool, String query, String artist, Page page,
            int limit) {
        if (page.total() > 0) {
            int last = Math.max(1, page.totalPages());
            out.line("Page " + page.page() + " is past the end: there " + (last == 1 ? "is 1 page" : "are " + last
                    + " pages") + " of " + (limit == 1 ? "1 result" : limit + " results") + " ("
                     + count(page.total()) + " in all).");
            out.next().call(tool, "query", query, "artist", artist, "limit", limit, "page", Math.min(last, LAST_PAGE));
            return;
        }
        String looser = CatalogText.looserQuery(query);
        out.line("No " + things + " match \"" + escape(query) + "\" on Last.fm. "
                 + (looser != null ? "Try a shorter or looser query, e.g. " + tool + "(query=" + quote(looser) + ")."
                 : "Check the spelling, or try part of the name."));
        if (looser != null) {
            out.next().call(tool, "query", looser);
        }
    }

    private static void nextPage(ToolOutput out, String tool, String query, String artist, Page page, int limit) {
        if (page.page() < Math.min(page.totalPages(), LAST_PAGE)) {
            out.next().call(tool, "query", query, "artist", artist, "limit", limit, "page", page.page() + 1);
        }
    }
}
