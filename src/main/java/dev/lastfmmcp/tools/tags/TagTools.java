package dev.lastfmmcp.tools.tags;

import dev.lastfmmcp.tools.CatalogText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

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
import dev.lastfmmcp.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Variable;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.format.Markdown.number;
import static dev.lastfmmcp.format.Markdown.quote;
import static dev.lastfmmcp.tools.CatalogText.artistName;
import static dev.lastfmmcp.tools.CatalogText.byArtist;
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

    public McpSchema.CallToolResult info(@Variable("args") Map<String, Object> arguments,
            @Variable("tagInfo") LastfmResult infoResult, @Variable("tagArtists") LastfmResult artistsResult) {
        String asked = Args.of(arguments).text("tag");
        TagInfo tag = infoResult.as(TagInfo.class);
        List<RankedArtist> artists = artistsResult.as(TopArtists.class).artists().stream().limit(INFO_ARTISTS)
                .toList();
        String name = tag.name() != null ? tag.name() : asked;
        boolean exists = positive(tag.total()) || positive(tag.reach()) || !artists.isEmpty();
        TagInfo shown = tag.name() != null ? tag : new TagInfo(name, tag.total(), tag.reach(), tag.wiki());
        ToolOutput out = ToolOutput.create().from(infoResult, artistsResult)
                .put("tag", shown).put("exists", exists).put("topArtists", artists);
        out.heading("Tag: " + escape(name));
        if (!exists) {
            unknownTag(out, asked, "anything");
            return out.build();
        }
        if (tag.total() != null || tag.reach() != null) {
            out.bullets(List.of((tag.total() == null ? "Used" : "Used " + count(tag.total()) + " times")
                                + (tag.reach() == null ? "" : " by " + count(tag.reach()) + " people"))).blank();
        }
        if (tag.wiki() != null && tag.wiki().summary() != null) {
            out.line(tag.wiki().summary()).blank();
        }
        out.line("### Top artists").blank();
        if (artists.isEmpty()) {
            out.line("Last.fm lists no artists for this tag.");
        }
        out.numbered(artists.stream().map(a -> "**" + escape(a.name()) + "**").toList());
        out.blank().line("https://www.last.fm/tag/" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        out.next().call("get_tag_top_tracks", "tag", name, "limit", 10)
                .call("get_tag_top_albums", "tag", name, "limit", 10);
        if (!artists.isEmpty()) {
            out.next().call("get_artist_info", "artist", artists.get(0).name());
        }
        return out.build();
    }

    // ---------------------------------------------------------------- get_tag_top_artists / albums / tracks

    public LastfmRequest topArtistsRequest(@Variable("args") Map<String, Object> arguments) {
        return topRequest("tag.getTopArtists", arguments);
    }

    public McpSchema.CallToolResult topArtists(@Variable("args") Map<String, Object> arguments,
            @Variable("tagArtists") LastfmResult result) {
        Args args = Args.of(arguments);
        TopArtists top = result.as(TopArtists.class);
        String tag = top.tag() != null ? top.tag() : args.text("tag");
        List<RankedArtist> artists = top.artists().stream().limit(args.integer("limit")).toList();
        ToolOutput out = ToolOutput.create().from(result).put("tag", tag).put("page", top.page())
                .put("artists", artists);
        out.heading("Top artists tagged \"" + escape(tag) + "\"");
        if (artists.isEmpty()) {
            unknownTag(out, args.text("tag"), "artists");
            return out.build();
        }
        total(out, top.page(), artists.size(), "artists");
        out.numbered(artists.stream().map(a -> "**" + escape(a.name()) + "**").toList());
        out.next().call("get_artist_info", "artist", artists.get(0).name())
                .call("get_tag_top_tracks", "tag", tag, "limit", 10)
                .call("get_tag_info", "tag", tag);
        return out.build();
    }

    public LastfmRequest topAlbumsRequest(@Variable("args") Map<String, Object> arguments) {
        return topRequest("tag.getTopAlbums", arguments);
    }

    public McpSchema.CallToolResult topAlbums(@Variable("args") Map<String, Object> arguments,
            @Variable("tagAlbums") LastfmResult result) {
        Args args = Args.of(arguments);
        TopAlbums top = result.as(TopAlbums.class);
        String tag = top.tag() != null ? top.tag() : args.text("tag");
        List<RankedAlbum> albums = top.albums().stream().limit(args.integer("limit")).toList();
        ToolOutput out = ToolOutput.create().from(result).put("tag", tag).put("page", top.page())
                .put("albums", albums);
        out.heading("Top albums tagged \"" + escape(tag) + "\"");
        if (albums.isEmpty()) {
            unknownTag(out, args.text("tag"), "albums");
            return out.build();
        }
        total(out, top.page(), albums.size(), "albums");
        out.numbered(albums.stream().map(a -> byArtist(a.name(), artistName(a.artist()))).toList());
        RankedAlbum first = albums.get(0);
        if (artistName(first.artist()) != null) {
            out.next().call("get_album_info", "artist", artistName(first.artist()), "album", first.name());
        }
        out.next().call("get_tag_top_artists", "tag", tag, "limit", 10)
                .call("get_tag_info", "tag", tag);
        return out.build();
    }

    public LastfmRequest topTracksRequest(@Variable("args") Map<String, Object> arguments) {
        return topRequest("tag.getTopTracks", arguments);
    }

    public McpSchema.CallToolResult topTracks(@Variable("args") Map<String, Object> arguments,
            @Variable("tagTracks") LastfmResult result) {
        Args args = Args.of(arguments);
        TopTracks top = result.as(TopTracks.class);
        String tag = top.tag() != null ? top.tag() : args.text("tag");
        List<RankedTrack> tracks = top.tracks().stream().limit(args.integer("limit")).toList();
        ToolOutput out = ToolOutput.create().from(result).put("tag", tag).put("page", top.page())
                .put("tracks", tracks);
        out.heading("Top tracks tagged \"" + escape(tag) + "\"");
        if (tracks.isEmpty()) {
            unknownTag(out, args.text("tag"), "tracks");
            return out.build();
        }
        total(out, top.page(), tracks.size(), "tracks");
        out.numbered(tracks.stream().map(t -> byArtist(t.name(), artistName(t.artist()))
                                              + length(t.durationSeconds())).toList());
        RankedTrack first = tracks.get(0);
        if (artistName(first.artist()) != null) {
            out.next().call("get_track_info", "artist", artistName(first.artist()), "track", first.name())
                    .call("get_similar_tracks", "artist", artistName(first.artist()), "track", first.name(),
                            "limit", 10);
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

    private static void total(ToolOutput out, Page page, int shown, String things) {
        if (page != null && page.total() > shown) {
            out.line(number(page.total()) + " " + things + " carry this tag; these are the top " + shown + ".").blank();
        }
    }

    /** Last.fm's answer for a tag nobody uses: zero counts and empty lists, not an error. Says so. */
    private static void unknownTag(ToolOutput out, String tag, String things) {
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
    }

    private static boolean positive(Long value) {
        return value != null && value > 0;
    }
}
