package dev.lastfmmcp.tools.users;

import dev.lastfmmcp.format.Words;
import java.util.function.Function;

import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.RankedAlbum;
import dev.lastfmmcp.lastfm.model.RankedArtist;
import dev.lastfmmcp.lastfm.model.RankedTrack;
import dev.lastfmmcp.lastfm.model.TopAlbums;
import dev.lastfmmcp.lastfm.model.TopArtists;
import dev.lastfmmcp.lastfm.model.TopTags;
import dev.lastfmmcp.lastfm.model.TopTracks;
import dev.lastfmmcp.tools.RankedList;
import dev.lastfmmcp.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.format.Markdown.number;
import static dev.lastfmmcp.tools.CatalogText.artistName;
import static dev.lastfmmcp.format.Words.plays;

/**
 * The answers of get_top_artists, get_top_albums, get_top_tracks (a period in words, rankings numbered by their real
 * rank with play counts, page information) and get_user_top_tags.
 */
final class TopListResults {

    private TopListResults() {
    }

    static McpSchema.CallToolResult artists(String asked, String period, int limit, LastfmResult result) {
        TopArtists top = result.as(TopArtists.class);
        String user = top.user() != null ? top.user() : asked;
        RankedList<RankedArtist> artists = RankedList.of(top.artists());
        ToolOutput out = start(result, user, period, "artists", artists, top.page());
        ranking(out, artists, RankedList.Numbering.byRank(RankedArtist::rank),
                a -> RankedList.row(a.name(), null, plays(a.playcount())), user, period, top.page(), "artist");
        pages(out, "get_top_artists", user, period, limit, top.page());
        if (!artists.isEmpty()) {
            RankedArtist first = artists.first();
            out.next().call("get_artist_info", "artist", first.name(), "username", user)
                    .call("get_similar_artists", "artist", first.name(), "limit", 10);
        }
        out.next().call("get_top_tracks", "username", user, "period", period, "limit", 10);
        return out.build();
    }

    static McpSchema.CallToolResult albums(String asked, String period, int limit, LastfmResult result) {
        TopAlbums top = result.as(TopAlbums.class);
        String user = top.user() != null ? top.user() : asked;
        RankedList<RankedAlbum> albums = RankedList.of(top.albums());
        ToolOutput out = start(result, user, period, "albums", albums, top.page());
        ranking(out, albums, RankedList.Numbering.byRank(RankedAlbum::rank),
                a -> RankedList.row(a.name(), artistName(a.artist()), plays(a.playcount())), user, period,
                top.page(), "album");
        pages(out, "get_top_albums", user, period, limit, top.page());
        if (!albums.isEmpty() && artistName(albums.first().artist()) != null) {
            RankedAlbum first = albums.first();
            out.next().call("get_album_info", "artist", artistName(first.artist()), "album", first.name())
                    .call("get_artist_info", "artist", artistName(first.artist()), "username", user);
        }
        out.next().call("get_top_artists", "username", user, "period", period, "limit", 10);
        return out.build();
    }

    static McpSchema.CallToolResult tracks(String asked, String period, int limit, LastfmResult result) {
        TopTracks top = result.as(TopTracks.class);
        String user = top.user() != null ? top.user() : asked;
        RankedList<RankedTrack> tracks = RankedList.of(top.tracks());
        ToolOutput out = start(result, user, period, "tracks", tracks, top.page());
        ranking(out, tracks, RankedList.Numbering.byRank(RankedTrack::rank),
                t -> RankedList.row(t.name(), artistName(t.artist()), plays(t.playcount())), user, period,
                top.page(), "track");
        pages(out, "get_top_tracks", user, period, limit, top.page());
        if (!tracks.isEmpty() && artistName(tracks.first().artist()) != null) {
            RankedTrack first = tracks.first();
            out.next().call("get_track_info", "artist", artistName(first.artist()), "track", first.name())
                    .call("get_similar_tracks", "artist", artistName(first.artist()), "track", first.name(),
                            "limit", 10);
        }
        out.next().call("get_top_albums", "username", user, "period", period, "limit", 10);
        return out.build();
    }

    private static ToolOutput start(LastfmResult result, String user, String period, String key,
            RankedList<?> items, Page page) {
        ToolOutput out = ToolOutput.create().from(result)
                .put("user", user)
                .put("period", period)
                .put("periodLabel", Dates.period(period))
                .put(key, items.items())
                .put("page", page);
        out.heading(Words.possessive(user) + " top " + key + " — " + Dates.period(period));
        return out;
    }

    /** The ranking and the page line; past the last page or with nothing scrobbled, the sentence that says so. */
    private static <T> void ranking(ToolOutput out, RankedList<T> list, RankedList.Numbering<T> rank,
            Function<T, String> row, String user, String period, Page page, String singular) {
        String plural = singular + "s";
        String past = Texts.pastLastPage(page, singular, plural, "in " + scope(period));
        if (list.isEmpty()) {
            out.line(past != null ? past
                    : page != null && page.page() > 1 && page.total() > 0 ? "No " + plural + " on this page."
                    : escape(user) + " has no scrobbled " + plural + " in " + scope(period) + ".");
            return;
        }
        list.write(out, null, rank, row);
        out.blank().line(Texts.pageLine(page, singular, plural, "in " + scope(period)));
    }

    /** "the last 7 days", "all time". */
    private static String scope(String period) {
        String words = Dates.period(period);
        return words.startsWith("last") ? "the " + words : words;
    }

    private static void pages(ToolOutput out, String tool, String user, String period, int limit, Page page) {
        if (Texts.hasNextPage(page) || Texts.isPastLastPage(page)) {
            out.next().call(tool, "username", user, "period", period, "limit", limit,
                    "page", Texts.isPastLastPage(page) ? page.totalPages() : page.page() + 1);
        }
    }

    /** The tags a user applies most, with how often. */
    static McpSchema.CallToolResult tags(String asked, LastfmResult result) {
        TopTags top = result.as(TopTags.class);
        String user = top.user() != null ? top.user() : asked;
        ToolOutput out = ToolOutput.create().from(result)
                .put("user", user)
                .put("tags", top.tags());
        out.heading("Tags " + escape(user) + " uses most");
        RankedList.of(top.tags()).write(out, escape(user) + " has not tagged any artists, albums or tracks.",
                tag -> RankedList.row(tag.name(), null,
                        tag.count() == null ? null : Words.count(tag.count(), "time", "times")));
        if (!top.tags().isEmpty()) {
            out.blank().line(number(top.tags().size()) + (top.tags().size() == 1 ? " tag." : " tags."));
        }
        out.next().call("get_top_artists", "username", user, "period", "overall", "limit", 10)
                .call("get_top_tracks", "username", user, "period", "overall", "limit", 10)
                .call("get_user_info", "username", user);
        return out.build();
    }
}
