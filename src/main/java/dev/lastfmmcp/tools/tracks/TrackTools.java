package dev.lastfmmcp.tools.tracks;

import dev.lastfmmcp.support.Memoized;
import dev.lastfmmcp.tools.CatalogText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lastfmmcp.format.Markdown;
import dev.lastfmmcp.lastfm.LastfmErrorKind;
import dev.lastfmmcp.lastfm.LastfmException;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.AlbumRef;
import dev.lastfmmcp.lastfm.model.SimilarTrack;
import dev.lastfmmcp.lastfm.model.SimilarTracks;
import dev.lastfmmcp.lastfm.model.Tag;
import dev.lastfmmcp.lastfm.model.TrackInfo;
import dev.lastfmmcp.tools.Args;
import dev.lastfmmcp.tools.Corrections;
import dev.lastfmmcp.tools.RankedList;
import dev.lastfmmcp.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Variable;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.format.Markdown.quote;
import static dev.lastfmmcp.tools.CatalogText.artistName;
import static dev.lastfmmcp.format.Words.clock;
import static dev.lastfmmcp.format.Words.count;
import static dev.lastfmmcp.format.Words.length;
import static dev.lastfmmcp.format.Words.percent;

/**
 * The track tools of the catalogue family (get_track_info, get_similar_tracks; routes in
 * {@code routes/tools/tools-tracks.camel.yaml}): request methods turn arguments into Last.fm calls, result methods
 * turn the normalised records into Markdown and structured content.
 */
public class TrackTools {

    /**
     * track.getInfo does not report an unknown track as an error: it answers with a placeholder that has no MBID,
     * album, length, tags or wiki, and the few listeners who scrobbled or looked up that exact name. A track with
     * that little data and fewer listeners than this is treated as not found.
     */
    static final long PLACEHOLDER_MAX_LISTENERS = 100;

    // ---------------------------------------------------------------- get_track_info

    public LastfmRequest infoRequest(@Variable("args") Map<String, Object> arguments) {
        Args args = Args.of(arguments);
        return LastfmRequest.of("track.getInfo", "artist", args.text("artist"), "track", args.text("track"),
                "autocorrect", "1", "username", args.text("username"));
    }

    /** Whether the answer is Last.fm's placeholder for a track it does not know (see lastfm-api.md §4.18). */
    public boolean isUnknown(@Variable("trackInfo") LastfmResult result) {
        return isPlaceholder(result.as(TrackInfo.class));
    }

    public static boolean isPlaceholder(TrackInfo track) {
        if (track.name() == null) {
            return true;
        }
        boolean nothingKnown = track.mbid() == null && track.album() == null && track.durationSeconds() == null
                               && track.topTags().isEmpty() && track.wiki() == null;
        boolean fewListeners = track.listeners() == null || track.listeners() < PLACEHOLDER_MAX_LISTENERS;
        boolean playedByUser = track.userPlaycount() != null && track.userPlaycount() > 0;
        return nothingKnown && fewListeners && !playedByUser;
    }

    /**
     * The isError answer for an unknown track, with a search to try: a Last.fm "not found" (error 6) like the one
     * Last.fm sends for an unknown artist, so resources/read answers it with -32002.
     */
    public void notFound(@Variable("args") Map<String, Object> arguments) {
        Args args = Args.of(arguments);
        String track = args.text("track");
        String artist = args.text("artist");
        throw new LastfmException(LastfmErrorKind.NOT_FOUND, 6, "Track not found: " + track + " by " + artist
                                + ". Last.fm knows no such track (it "
                                + "has no album, length, tags or description for it and next to no listeners). Check "
                                + "the spelling, or look it up with search_tracks(query=" + quote(track) + ", artist="
                                + quote(artist) + ") or, if the artist may be misspelt too, search_tracks(query="
                                + quote(track) + ").");
    }

    @Memoized
    public McpSchema.CallToolResult info(@Variable("args") Map<String, Object> arguments,
            @Variable("trackInfo") LastfmResult result) {
        Args args = Args.of(arguments);
        TrackInfo track = result.as(TrackInfo.class);
        String artist = artistName(track.artist()) != null ? artistName(track.artist()) : args.text("artist");
        String user = args.text("username");
        Map<String, String> corrected = new LinkedHashMap<>();
        putIfNotNull(corrected, "artist", Corrections.correctedFrom(args.text("artist"), artist));
        putIfNotNull(corrected, "track", Corrections.correctedFrom(args.text("track"), track.name()));

        ToolOutput out = ToolOutput.create().from(result)
                .put("track", track)
                .put("username", user)
                .put("correctedFrom", corrected.isEmpty() ? null : corrected);
        out.heading(escape(track.name()) + " by " + escape(artist));
        String sentence = CatalogText.correctedSentence("artist", args.text("artist"), artist,
                "track", args.text("track"), track.name());
        if (sentence != null) {
            out.line(sentence).blank();
        }
        List<String> facts = new ArrayList<>();
        AlbumRef album = track.album();
        if (album != null && album.title() != null) {
            facts.add("Album: " + escape(album.title())
                      + (album.artist() != null && !album.artist().equalsIgnoreCase(artist)
                              ? " by " + escape(album.artist()) : "")
                      + (album.position() != null && album.position() > 0 ? " (track " + album.position() + ")" : ""));
        }
        if (track.durationSeconds() != null) {
            facts.add("Length: " + clock(track.durationSeconds()));
        }
        facts.add("Listeners: " + count(track.listeners()) + " · Scrobbles: " + count(track.playcount()));
        if (user != null) {
            facts.add("Scrobbles by " + escape(user) + ": " + count(track.userPlaycount()) + (track.userLoved() == null
                    ? ""
                    : " · loved: " + (track.userLoved() ? "yes" : "no")));
        }
        if (!track.topTags().isEmpty()) {
            facts.add("Tags: " + String.join(", ", track.topTags().stream().map(Tag::name).map(Markdown::escape)
                    .toList()));
        }
        out.bullets(facts);
        if (track.wiki() != null && track.wiki().summary() != null) {
            out.blank().line(track.wiki().summary());
        }
        if (track.url() != null) {
            out.blank().line(track.url());
        }
        out.next().call("get_similar_tracks", "artist", artist, "track", track.name(), "limit", 10);
        if (album != null && album.title() != null) {
            out.next().call("get_album_info", "artist", album.artist() != null ? album.artist() : artist,
                    "album", album.title());
        }
        out.next().call("get_artist_info", "artist", artist);
        if (!track.topTags().isEmpty()) {
            out.next().call("get_tag_top_tracks", "tag", track.topTags().get(0).name(), "limit", 10);
        }
        return out.build();
    }

    // ---------------------------------------------------------------- get_similar_tracks

    public LastfmRequest similarRequest(@Variable("args") Map<String, Object> arguments) {
        Args args = Args.of(arguments);
        return LastfmRequest.of("track.getSimilar", "artist", args.text("artist"), "track", args.text("track"),
                "limit", String.valueOf(args.integer("limit")), "autocorrect", "1");
    }

    @Memoized
    public McpSchema.CallToolResult similar(@Variable("args") Map<String, Object> arguments,
            @Variable("similarTracks") LastfmResult result) {
        Args args = Args.of(arguments);
        SimilarTracks similar = result.as(SimilarTracks.class);
        String artist = similar.artist() != null ? similar.artist() : args.text("artist");
        String track = args.text("track");
        String correctedArtist = Corrections.correctedFrom(args.text("artist"), artist);
        RankedList<SimilarTrack> tracks = RankedList.top(similar.tracks(), args.integer("limit"));
        ToolOutput out = ToolOutput.create().from(result)
                .put("artist", artist)
                .put("track", track)
                .put("correctedFrom", correctedArtist == null ? null : Map.of("artist", correctedArtist))
                .put("tracks", tracks.items());
        out.heading("Tracks similar to " + escape(track) + " by " + escape(artist));
        String sentence = CatalogText.correctedSentence("artist", args.text("artist"), artist);
        if (sentence != null) {
            out.line(sentence).blank();
        }
        if (tracks.isEmpty()) {
            out.line("Last.fm knows no tracks similar to this one. It may be too little played, or the title may be "
                     + "misspelt: search_tracks(query=" + quote(track) + ", artist=" + quote(artist)
                     + ") finds the exact title.");
            out.next().call("search_tracks", "query", track, "artist", artist)
                    .call("get_similar_artists", "artist", artist, "limit", 10);
        }
        tracks.write(out, null, t -> RankedList.row(t.name(), artistName(t.artist()), percent(t.match()) + " match")
                                     + length(t.durationSeconds()));
        if (!tracks.isEmpty()) {
            SimilarTrack first = tracks.first();
            String firstArtist = artistName(first.artist());
            out.next().call("get_track_info", "artist", firstArtist, "track", first.name())
                    .call("get_similar_tracks", "artist", firstArtist, "track", first.name(), "limit", 10)
                    .call("get_similar_artists", "artist", artist, "limit", 10);
        }
        out.next().call("get_track_info", "artist", artist, "track", track);
        return out.build();
    }

    private static void putIfNotNull(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
