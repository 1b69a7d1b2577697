package dev.lastfmmcp.tools.artists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lastfmmcp.format.Markdown;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.ArtistInfo;
import dev.lastfmmcp.lastfm.model.ArtistRef;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.RankedAlbum;
import dev.lastfmmcp.lastfm.model.RankedTrack;
import dev.lastfmmcp.lastfm.model.SimilarArtist;
import dev.lastfmmcp.lastfm.model.SimilarArtists;
import dev.lastfmmcp.lastfm.model.Tag;
import dev.lastfmmcp.lastfm.model.TopAlbums;
import dev.lastfmmcp.lastfm.model.TopTracks;
import dev.lastfmmcp.musicbrainz.ArtistDetails;
import dev.lastfmmcp.musicbrainz.Enrichment;
import dev.lastfmmcp.musicbrainz.MusicBrainzRequest;
import dev.lastfmmcp.support.Memoized;
import dev.lastfmmcp.tools.Args;
import dev.lastfmmcp.tools.Corrections;
import dev.lastfmmcp.tools.RankedList;
import dev.lastfmmcp.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Variable;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.format.Words.count;
import static dev.lastfmmcp.format.Words.percent;

/**
 * The artist tools (catalogue {@code mcp/tools/artists.yaml}, routes {@code routes/tools/tools-artists.camel.yaml}):
 * each has a request method (arguments → Last.fm call) and a result method (normalised data → Markdown and
 * structured content).
 */
public class ArtistTools {

    // ---------------------------------------------------------------- get_artist_info

    public LastfmRequest infoRequest(@Variable("args") Map<String, Object> arguments) {
        Args args = Args.of(arguments);
        return LastfmRequest.of("artist.getInfo", "artist", args.text("artist"), "autocorrect", "1",
                "username", args.text("username"));
    }

    /** MusicBrainz by the MBID Last.fm knows, or by name when it has none. */
    public MusicBrainzRequest enrichmentRequest(@Variable("artistInfo") LastfmResult info) {
        ArtistInfo artist = info.as(ArtistInfo.class);
        return MusicBrainzRequest.artist(artist.mbid(), artist.name());
    }

    @Memoized
    public McpSchema.CallToolResult info(@Variable("args") Map<String, Object> arguments,
            @Variable("artistInfo") LastfmResult result, @Variable("enrichment") Enrichment enrichment) {
        Args args = Args.of(arguments);
        ArtistInfo artist = result.as(ArtistInfo.class);
        String corrected = Corrections.correctedFrom(args.text("artist"), artist.name());
        String user = args.text("username");
        ArtistDetails details = enrichment == null ? null : enrichment.as(ArtistDetails.class);

        ToolOutput out = ToolOutput.create().from(result)
                .put("artist", artist)
                .put("correctedFrom", corrected)
                .put("musicbrainz", details)
                .put("musicbrainzNote", details == null && enrichment != null ? enrichment.note() : null);
        out.heading(escape(artist.name()));
        if (corrected != null) {
            out.line("_Last.fm corrected \"" + escape(corrected) + "\" to \"" + escape(artist.name()) + "\"._").blank();
        }
        List<String> facts = new ArrayList<>();
        facts.add("Listeners: " + count(artist.listeners()) + " · Scrobbles: " + count(artist.playcount()));
        if (user != null) {
            facts.add("Scrobbles by " + escape(user) + ": " + count(artist.userPlaycount()));
        }
        if (!artist.tags().isEmpty()) {
            facts.add("Tags: " + String.join(", ", artist.tags().stream().map(Tag::name).map(Markdown::escape)
                    .toList()));
        }
        if (Boolean.TRUE.equals(artist.onTour())) {
            facts.add("On tour now");
        }
        facts.add(details != null ? "MusicBrainz: " + musicbrainz(details)
                : "MusicBrainz: " + (enrichment == null ? "not looked up" : enrichment.note()));
        out.bullets(facts);
        if (artist.bio() != null && artist.bio().summary() != null) {
            out.blank().line(artist.bio().summary());
        }
        if (!artist.similar().isEmpty()) {
            out.blank().line("Similar: " + String.join(", ", artist.similar().stream().map(ArtistRef::name)
                    .map(Markdown::escape).toList()));
        }
        if (artist.url() != null) {
            out.blank().line(artist.url());
        }
        out.next().call("get_artist_top_tracks", "artist", artist.name(), "limit", 10)
                .call("get_similar_artists", "artist", artist.name(), "limit", 10)
                .call("get_artist_top_albums", "artist", artist.name(), "limit", 10);
        if (user != null) {
            out.next().call("get_top_artists", "username", user, "period", "overall");
        }
        return out.build();
    }

    static String musicbrainz(ArtistDetails details) {
        List<String> parts = new ArrayList<>();
        if (details.type() != null) {
            parts.add(details.type());
        }
        String origin = details.area() != null ? details.area() : details.country();
        if (origin != null) {
            parts.add("from " + origin + (details.country() != null && !details.country().equals(origin)
                    ? " (" + details.country() + ")" : ""));
        }
        if (details.begin() != null) {
            String end = details.end() != null ? details.end() : Boolean.TRUE.equals(details.ended()) ? "?" : "";
            parts.add("active " + details.begin() + "–" + end);
        }
        if (!details.genres().isEmpty()) {
            parts.add("genres: " + String.join(", ", details.genres().subList(0, Math.min(5,
                    details.genres().size()))));
        }
        if (details.homepage() != null) {
            parts.add("homepage " + details.homepage());
        }
        return parts.isEmpty() ? "no details" : escape(String.join(" · ", parts));
    }

    // ---------------------------------------------------------------- get_artist_top_tracks / albums

    public LastfmRequest topTracksRequest(@Variable("args") Map<String, Object> arguments) {
        return topRequest("artist.getTopTracks", arguments);
    }

    @Memoized
    public McpSchema.CallToolResult topTracks(@Variable("args") Map<String, Object> arguments,
            @Variable("topTracks") LastfmResult result) {
        Args args = Args.of(arguments);
        TopTracks top = result.as(TopTracks.class);
        String name = answered(top.artist(), args);
        RankedList<RankedTrack> tracks = RankedList.top(top.tracks(), args.integer("limit"));
        ToolOutput out = start(result, args, name, "tracks", tracks, top.page(), "Top tracks of ");
        tracks.write(out, "Last.fm has no top tracks for this artist.", t -> RankedList.row(t.name(), null,
                count(t.playcount()) + " scrobbles, " + count(t.listeners()) + " listeners"));
        if (!tracks.isEmpty()) {
            out.next().call("get_track_info", "artist", name, "track", tracks.first().name())
                    .call("get_similar_tracks", "artist", name, "track", tracks.first().name(), "limit", 10);
        }
        out.next().call("get_artist_top_albums", "artist", name, "limit", 10)
                .call("get_artist_info", "artist", name);
        return out.build();
    }

    public LastfmRequest topAlbumsRequest(@Variable("args") Map<String, Object> arguments) {
        return topRequest("artist.getTopAlbums", arguments);
    }

    @Memoized
    public McpSchema.CallToolResult topAlbums(@Variable("args") Map<String, Object> arguments,
            @Variable("topAlbums") LastfmResult result) {
        Args args = Args.of(arguments);
        TopAlbums top = result.as(TopAlbums.class);
        String name = answered(top.artist(), args);
        RankedList<RankedAlbum> albums = RankedList.top(top.albums(), args.integer("limit"));
        ToolOutput out = start(result, args, name, "albums", albums, top.page(), "Top albums of ");
        albums.write(out, "Last.fm has no top albums for this artist.",
                a -> RankedList.row(a.name(), null, count(a.playcount()) + " scrobbles"));
        if (!albums.isEmpty()) {
            out.next().call("get_album_info", "artist", name, "album", albums.first().name());
        }
        out.next().call("get_artist_top_tracks", "artist", name, "limit", 10)
                .call("get_artist_info", "artist", name);
        return out.build();
    }

    // ---------------------------------------------------------------- get_similar_artists

    public LastfmRequest similarRequest(@Variable("args") Map<String, Object> arguments) {
        Args args = Args.of(arguments);
        return LastfmRequest.of("artist.getSimilar", "artist", args.text("artist"),
                "limit", String.valueOf(args.integer("limit")), "autocorrect", "1");
    }

    @Memoized
    public McpSchema.CallToolResult similar(@Variable("args") Map<String, Object> arguments,
            @Variable("similarArtists") LastfmResult result) {
        Args args = Args.of(arguments);
        SimilarArtists similar = result.as(SimilarArtists.class);
        String name = answered(similar.artist(), args);
        RankedList<SimilarArtist> artists = RankedList.top(similar.artists(), args.integer("limit"));
        ToolOutput out = start(result, args, name, "artists", artists, null, "Artists similar to ");
        artists.write(out, "Last.fm knows no similar artists for this one.",
                a -> RankedList.row(a.name(), null, percent(a.match()) + " match"));
        if (!artists.isEmpty()) {
            out.next().call("get_artist_info", "artist", artists.first().name())
                    .call("get_artist_top_tracks", "artist", artists.first().name(), "limit", 5);
        }
        out.next().call("get_artist_info", "artist", name);
        return out.build();
    }

    // ---------------------------------------------------------------- helpers shared by the family

    private static LastfmRequest topRequest(String method, Map<String, Object> arguments) {
        Args args = Args.of(arguments);
        return LastfmRequest.of(method, "artist", args.text("artist"), "mbid", args.text("mbid"),
                "limit", String.valueOf(args.integer("limit")), "autocorrect", "1");
    }

    /** The artist Last.fm answered for (autocorrected), else the one asked for. */
    private static String answered(String artist, Args args) {
        return artist != null ? artist : args.text("artist");
    }

    /** The artist, the correction, the list (and its page), the heading and the correction sentence. */
    private static ToolOutput start(LastfmResult result, Args args, String name, String key, RankedList<?> list,
            Page page, String heading) {
        ToolOutput out = ToolOutput.create().from(result)
                .put("artist", name)
                .put("correctedFrom", Corrections.correctedFrom(args.text("artist"), name))
                .put(key, list.items())
                .put("page", page);
        out.heading(heading + escape(name));
        corrected(out, args.text("artist"), name);
        return out;
    }

    private static void corrected(ToolOutput out, String asked, String answered) {
        String from = Corrections.correctedFrom(asked, answered);
        if (from != null) {
            out.line("_Last.fm corrected \"" + escape(from) + "\" to \"" + escape(answered) + "\"._").blank();
        }
    }

}
