package dev.lastfmmcp.tools.users;

import dev.lastfmmcp.format.Words;
import java.util.List;

import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.RankedAlbum;
import dev.lastfmmcp.lastfm.model.RankedArtist;
import dev.lastfmmcp.lastfm.model.RankedTrack;
import dev.lastfmmcp.lastfm.model.Tag;
import dev.lastfmmcp.lastfm.model.TopAlbums;
import dev.lastfmmcp.lastfm.model.TopArtists;
import dev.lastfmmcp.lastfm.model.TopTags;
import dev.lastfmmcp.lastfm.model.TopTracks;
import dev.lastfmmcp.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.format.Markdown.number;
import static dev.lastfmmcp.tools.CatalogText.artistName;
import static dev.lastfmmcp.tools.CatalogText.by;
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
        ToolOutput out = start(result, user, period, "artists", top.artists(), top.page());
        ranking(out, top.artists().stream().map(a -> a.rank() + ". **" + escape(a.name()) + "** — "
                                                     + plays(a.playcount())).toList(),
                user, period, top.page(), "artist", "artists");
        pages(out, "get_top_artists", user, period, limit, top.page());
        if (!top.artists().isEmpty()) {
            RankedArtist first = top.artists().get(0);
            out.next().call("get_artist_info", "artist", first.name(), "username", user)
                    .call("get_similar_artists", "artist", first.name(), "limit", 10);
        }
        out.next().call("get_top_tracks", "username", user, "period", period, "limit", 10);
        return out.build();
    }

    static McpSchema.CallToolResult albums(String asked, String period, int limit, LastfmResult result) {
        TopAlbums top = result.as(TopAlbums.class);
        String user = top.user() != null ? top.user() : asked;
        ToolOutput out = start(result, user, period, "albums", top.albums(), top.page());
        ranking(out, top.albums().stream().map(a -> a.rank() + ". **" + escape(a.name()) + "**" + by(a.artist())
                                                    + " — " + plays(a.playcount())).toList(),
                user, period, top.page(), "album", "albums");
        pages(out, "get_top_albums", user, period, limit, top.page());
        if (!top.albums().isEmpty() && artistName(top.albums().get(0).artist()) != null) {
            RankedAlbum first = top.albums().get(0);
            out.next().call("get_album_info", "artist", artistName(first.artist()), "album", first.name())
                    .call("get_artist_info", "artist", artistName(first.artist()), "username", user);
        }
        out.next().call("get_top_artists", "username", user, "period", period, "limit", 10);
        return out.build();
    }

    static McpSchema.CallToolResult tracks(String asked, String period, int limit, LastfmResult result) {
        TopTracks top = result.as(TopTracks.class);
        String user = top.user() != null ? top.user() : asked;
        ToolOutput out = start(result, user, period, "tracks", top.tracks(), top.page());
        ranking(out, top.tracks().stream().map(t -> t.rank() + ". **" + escape(t.name()) + "**" + by(t.artist())
                                                    + " — " + plays(t.playcount())).toList(),
                user, period, top.page(), "track", "tracks");
        pages(out, "get_top_tracks", user, period, limit, top.page());
        if (!top.tracks().isEmpty() && artistName(top.tracks().get(0).artist()) != null) {
            RankedTrack first = top.tracks().get(0);
            out.next().call("get_track_info", "artist", artistName(first.artist()), "track", first.name())
                    .call("get_similar_tracks", "artist", artistName(first.artist()), "track", first.name(),
                            "limit", 10);
        }
        out.next().call("get_top_albums", "username", user, "period", period, "limit", 10);
        return out.build();
    }

    private static ToolOutput start(LastfmResult result, String user, String period, String key, List<?> items,
            Page page) {
        ToolOutput out = ToolOutput.create().from(result)
                .put("user", user)
                .put("period", period)
                .put("periodLabel", Dates.period(period))
                .put(key, items)
                .put("page", page);
        out.heading(Words.possessive(user) + " top " + key + " — " + Dates.period(period));
        return out;
    }

    private static void ranking(ToolOutput out, List<String> lines, String user, String period, Page page,
            String singular, String plural) {
        String past = Texts.pastLastPage(page, singular, plural, "in " + scope(period));
        if (lines.isEmpty()) {
            out.line(past != null ? past
                    : page != null && page.page() > 1 && page.total() > 0 ? "No " + plural + " on this page."
                    : escape(user) + " has no scrobbled " + plural + " in " + scope(period) + ".");
            return;
        }
        lines.forEach(out::line);
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
        if (top.tags().isEmpty()) {
            out.line(escape(user) + " has not tagged any artists, albums or tracks.");
        }
        int rank = 1;
        for (Tag tag : top.tags()) {
            out.line(rank++ + ". **" + escape(tag.name()) + "**"
                     + (tag.count() == null ? "" : " — " + Words.count(tag.count(), "time", "times")));
        }
        if (!top.tags().isEmpty()) {
            out.blank().line(number(top.tags().size()) + (top.tags().size() == 1 ? " tag." : " tags."));
        }
        out.next().call("get_top_artists", "username", user, "period", "overall", "limit", 10)
                .call("get_top_tracks", "username", user, "period", "overall", "limit", 10)
                .call("get_user_info", "username", user);
        return out.build();
    }
}
