package dev.lastfmmcp.tools.tags;

import dev.lastfmmcp.support.Memoized;
import dev.lastfmmcp.tools.CatalogText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.RankedAlbum;
import dev.lastfmmcp.lastfm.model.RankedArtist;
import dev.lastfmmcp.lastfm.model.RankedTrack;
import dev.lastfmmcp.lastfm.model.TagInfo;
import dev.lastfmmcp.lastfm.model.TopAlbums;
import dev.lastfmmcp.lastfm.model.TopArtists;
import dev.lastfmmcp.lastfm.model.TopTracks;
import dev.lastfmmcp.tools.Args;
import dev.lastfmmcp.tools.RankedList;
import dev.lastfmmcp.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Variable;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.format.Markdown.number;
import static dev.lastfmmcp.format.Markdown.quote;
import static dev.lastfmmcp.tools.CatalogText.artistName;
import static dev.lastfmmcp.format.Words.count;
import static dev.lastfmmcp.format.Words.length;

/**
 * The tag tools of the catalogue family (get_tag_info, get_tag_top_artists, get_tag_top_albums, get_tag_top_tracks).
 * Last.fm answers an unknown tag with zero counts and empty lists, never an error: these tools say so plainly.
 */
public class TagTools {

    /** How many top artists get_tag_info shows. */
    static final int INFO_ARTISTS = 10;

    // ---------------------------------------------------------------- get_tag_info

    public LastfmRequest infoRequest(@Variable("args") Map<String, Object> arguments) {
        return LastfmRequest.of("tag.getInfo", "tag", Args.of(arguments).text("tag"));
    }

    public LastfmRequest infoArtistsRequest(@Variable("args") Map<String, Object> arguments) {
        return LastfmRequest.of("tag.getTopArtists", "tag", Args.of(arguments).text("tag"),
                "limit", String.valueOf(INFO_ARTISTS));
    }

    @Memoized
    public McpSchema.CallToolResult info(@Variable("args") Map<String, Object> arguments,
            @Variable("tagInfo") LastfmResult infoResult, @Variable("tagArtists") LastfmResult artistsResult) {
        String asked = Args.of(arguments).text("tag");
        TagInfo tag = infoResult.as(TagInfo.class);
        RankedList<RankedArtist> artists = RankedList.top(artistsResult.as(TopArtists.class).artists(), INFO_ARTISTS);
        String name = tag.name() != null ? tag.name() : asked;
        boolean exists = positive(tag.total()) || positive(tag.reach()) || !artists.isEmpty();
        TagInfo shown = tag.name() != null ? tag : new TagInfo(name, tag.total(), tag.reach(), tag.wiki());
        ToolOutput out = ToolOutput.create().from(infoResult, artistsResult)
                .put("tag", shown).put("exists", exists).put("topArtists", artists.items());
        out.heading("Tag: " + escape(name));
        if (!exists) {
            return unknownTag(out, asked, "anything");
        }
        if (tag.total() != null || tag.reach() != null) {
            out.bullets(List.of((tag.total() == null ? "Used" : "Used " + count(tag.total()) + " times")
                                + (tag.reach() == null ? "" : " by " + count(tag.reach()) + " people"))).blank();
        }
        if (tag.wiki() != null && tag.wiki().summary() != null) {
            out.line(tag.wiki().summary()).blank();
        }
        out.line("### Top artists").blank();
        artists.write(out, "Last.fm lists no artists for this tag.", a -> RankedList.row(a.name(), null, null));
        out.blank().line("https://www.last.fm/tag/" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        out.next().call("get_tag_top_tracks", "tag", name, "limit", 10)
                .call("get_tag_top_albums", "tag", name, "limit", 10);
        if (!artists.isEmpty()) {
            out.next().call("get_artist_info", "artist", artists.first().name());
        }
        return out.build();
    }

    // ---------------------------------------------------------------- get_tag_top_artists / albums / tracks

    public LastfmRequest topArtistsRequest(@Variable("args") Map<String, Object> arguments) {
        return topRequest("tag.getTopArtists", arguments);
    }

    @Memoized
    public McpSchema.CallToolResult topArtists(@Variable("args") Map<String, Object> arguments,
            @Variable("tagArtists") LastfmResult result) {
        Args args = Args.of(arguments);
        TopArtists top = result.as(TopArtists.class);
        String tag = answered(top.tag(), args);
        RankedList<RankedArtist> artists = RankedList.top(top.artists(), args.integer("limit"));
        ToolOutput out = start(result, tag, top.page(), "artists", artists);
        if (artists.isEmpty()) {
            return unknownTag(out, args.text("tag"), "artists");
        }
        rows(out, top.page(), "artists", artists, a -> RankedList.row(a.name(), null, null));
        out.next().call("get_artist_info", "artist", artists.first().name())
                .call("get_tag_top_tracks", "tag", tag, "limit", 10)
                .call("get_tag_info", "tag", tag);
        return out.build();
    }

    public LastfmRequest topAlbumsRequest(@Variable("args") Map<String, Object> arguments) {
        return topRequest("tag.getTopAlbums", arguments);
    }

    @Memoized
    public McpSchema.CallToolResult topAlbums(@Variable("args") Map<String, Object> arguments,
            @Variable("tagAlbums") LastfmResult result) {
        Args args = Args.of(arguments);
        TopAlbums top = result.as(TopAlbums.class);
        String tag = answered(top.tag(), args);
        RankedList<RankedAlbum> albums = RankedList.top(top.albums(), args.integer("limit"));
        ToolOutput out = start(result, tag, top.page(), "albums", albums);
        if (albums.isEmpty()) {
            return unknownTag(out, args.text("tag"), "albums");
        }
        rows(out, top.page(), "albums", albums, a -> RankedList.row(a.name(), artistName(a.artist()), null));
        String artist = artistName(albums.first().artist());
        if (artist != null) {
            out.next().call("get_album_info", "artist", artist, "album", albums.first().name());
        }
        out.next().call("get_tag_top_artists", "tag", tag, "limit", 10)
                .call("get_tag_info", "tag", tag);
        return out.build();
    }

    public LastfmRequest topTracksRequest(@Variable("args") Map<String, Object> arguments) {
        return topRequest("tag.getTopTracks", arguments);
    }

    @Memoized
    public McpSchema.CallToolResult topTracks(@Variable("args") Map<String, Object> arguments,
            @Variable("tagTracks") LastfmResult result) {
        Args args = Args.of(arguments);
        TopTracks top = result.as(TopTracks.class);
        String tag = answered(top.tag(), args);
        RankedList<RankedTrack> tracks = RankedList.top(top.tracks(), args.integer("limit"));
        ToolOutput out = start(result, tag, top.page(), "tracks", tracks);
        if (tracks.isEmpty()) {
            return unknownTag(out, args.text("tag"), "tracks");
        }
        rows(out, top.page(), "tracks", tracks, t -> RankedList.row(t.name(), artistName(t.artist()), null)
                                           + length(t.durationSeconds()));
        String artist = artistName(tracks.first().artist());
        if (artist != null) {
            out.next().call("get_track_info", "artist", artist, "track", tracks.first().name())
                    .call("get_similar_tracks", "artist", artist, "track", tracks.first().name(), "limit", 10);
        }
        out.next().call("get_tag_top_artists", "tag", tag, "limit", 10);
        return out.build();
    }

    // ---------------------------------------------------------------- shared

    private static LastfmRequest topRequest(String method, Map<String, Object> arguments) {
        Args args = Args.of(arguments);
        return LastfmRequest.of(method, "tag", args.text("tag"),
                "limit", String.valueOf(args.integer("limit")));
    }

    /** The tag Last.fm answered for, else the one asked for. */
    private static String answered(String tag, Args args) {
        return tag != null ? tag : args.text("tag");
    }

    /** The tag, the page and the list, under "Top artists tagged "metal"". */
    private static ToolOutput start(LastfmResult result, String tag, Page page, String things, RankedList<?> list) {
        ToolOutput out = ToolOutput.create().from(result).put("tag", tag).put("page", page)
                .put(things, list.items());
        out.heading("Top " + things + " tagged \"" + escape(tag) + "\"");
        return out;
    }

    /** How many carry the tag when that is more than are shown, then the rows. */
    private static <T> void rows(ToolOutput out, Page page, String things, RankedList<T> list,
            Function<T, String> row) {
        int shown = list.items().size();
        if (page != null && page.total() > shown) {
            out.line(number(page.total()) + " " + things + " carry this tag; these are the top " + shown + ".").blank();
        }
        list.write(out, null, row);
    }

    /** Last.fm's answer for a tag nobody uses: zero counts and empty lists, not an error. Says so. */
    private static McpSchema.CallToolResult unknownTag(ToolOutput out, String tag, String things) {
        String variant = CatalogText.tagVariant(tag);
        out.line("Nobody has tagged " + things + " \"" + escape(tag) + "\" on Last.fm: the tag is unknown or unused "
                 + "(Last.fm answers an unknown tag with an empty list, not an error). Check the spelling; tags are "
                 + "free text such as \"hip-hop\", \"post-rock\" or \"80s\""
                 + (variant == null ? "." : ", so also try tag=" + quote(variant) + "."));
        if (variant != null) {
            out.next().call("get_tag_info", "tag", variant);
        }
        out.next().call("search_artists", "query", tag, "limit", 5)
                .call("search_tracks", "query", tag, "limit", 5);
        return out.build();
    }

    private static boolean positive(Long value) {
        return value != null && value > 0;
    }
}
