package dev.lastfmmcp.tools.artists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lastfmmcp.format.Markdown;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.ArtistInfo;
import dev.lastfmmcp.lastfm.model.ArtistRef;
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
import dev.lastfmmcp.tools.Args;
import dev.lastfmmcp.tools.Corrections;
import dev.lastfmmcp.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Variable;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.format.Markdown.number;
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
        Args args = Args.of(arguments);
        return LastfmRequest.of("artist.getTopTracks", "artist", args.text("artist"), "mbid", args.text("mbid"),
                "limit", String.valueOf(args.integer("limit")), "autocorrect", "1");
    }

    public McpSchema.CallToolResult topTracks(@Variable("args") Map<String, Object> arguments,
            @Variable("topTracks") LastfmResult result) {
        Args args = Args.of(arguments);
        TopTracks top = result.as(TopTracks.class);
        String name = top.artist() != null ? top.artist() : args.text("artist");
        List<RankedTrack> tracks = top.tracks().stream().limit(args.integer("limit")).toList();
        ToolOutput out = ToolOutput.create().from(result)
                .put("artist", name)
                .put("correctedFrom", Corrections.correctedFrom(args.text("artist"), name))
                .put("tracks", tracks)
                .put("page", top.page());
        out.heading("Top tracks of " + escape(name));
        corrected(out, args.text("artist"), name);
        if (tracks.isEmpty()) {
            out.line("Last.fm has no top tracks for this artist.");
        }
        out.numbered(tracks.stream().map(t -> "**" + escape(t.name()) + "** — " + count(t.playcount())
                                              + " scrobbles, " + count(t.listeners()) + " listeners").toList());
        if (!tracks.isEmpty()) {
            out.next().call("get_track_info", "artist", name, "track", tracks.get(0).name())
                    .call("get_similar_tracks", "artist", name, "track", tracks.get(0).name(), "limit", 10);
        }
        out.next().call("get_artist_top_albums", "artist", name, "limit", 10)
                .call("get_artist_info", "artist", name);
        return out.build();
    }

    public LastfmRequest topAlbumsRequest(@Variable("args") Map<String, Object> arguments) {
        Args args = Args.of(arguments);
        return LastfmRequest.of("artist.getTopAlbums", "artist", args.text("artist"), "mbid", args.text("mbid"),
                "limit", String.valueOf(args.integer("limit")), "autocorrect", "1");
    }

    public McpSchema.CallToolResult topAlbums(@Variable("args") Map<String, Object> arguments,
            @Variable("topAlbums") LastfmResult result) {
        Args args = Args.of(arguments);
        TopAlbums top = result.as(TopAlbums.class);
        String name = top.artist() != null ? top.artist() : args.text("artist");
        List<RankedAlbum> albums = top.albums().stream().limit(args.integer("limit")).toList();
        ToolOutput out = ToolOutput.create().from(result)
                .put("artist", name)
                .put("correctedFrom", Corrections.correctedFrom(args.text("artist"), name))
                .put("albums", albums)
                .put("page", top.page());
        out.heading("Top albums of " + escape(name));
        corrected(out, args.text("artist"), name);
        if (albums.isEmpty()) {
            out.line("Last.fm has no top albums for this artist.");
        }
        out.numbered(albums.stream().map(a -> "**" + escape(a.name()) + "** — " + count(a.playcount())
                                              + " scrobbles").toList());
        if (!albums.isEmpty()) {
            out.next().call("get_album_info", "artist", name, "album", albums.get(0).name());
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

    public McpSchema.CallToolResult similar(@Variable("args") Map<String, Object> arguments,
            @Variable("similarArtists") LastfmResult result) {
        Args args = Args.of(arguments);
        SimilarArtists similar = result.as(SimilarArtists.class);
        String name = similar.artist() != null ? similar.artist() : args.text("artist");
        List<SimilarArtist> artists = similar.artists().stream().limit(args.integer("limit")).toList();
        ToolOutput out = ToolOutput.create().from(result)
                .put("artist", name)
                .put("correctedFrom", Corrections.correctedFrom(args.text("artist"), name))
                .put("artists", artists);
        out.heading("Artists similar to " + escape(name));
        corrected(out, args.text("artist"), name);
        if (artists.isEmpty()) {
            out.line("Last.fm knows no similar artists for this one.");
        }
        out.numbered(artists.stream().map(a -> "**" + escape(a.name()) + "** — " + percent(a.match())
                                               + " match").toList());
        if (!artists.isEmpty()) {
            out.next().call("get_artist_info", "artist", artists.get(0).name())
                    .call("get_artist_top_tracks", "artist", artists.get(0).name(), "limit", 5);
        }
        out.next().call("get_artist_info", "artist", name);
        return out.build();
    }

    // ---------------------------------------------------------------- helpers shared by the family

    private static void corrected(ToolOutput out, String asked, String answered) {
        String from = Corrections.correctedFrom(asked, answered);
        if (from != null) {
            out.line("_Last.fm corrected \"" + escape(from) + "\" to \"" + escape(answered) + "\"._").blank();
        }
    }

}
