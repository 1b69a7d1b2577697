package dev.lastfmmcp.tools.albums;

import dev.lastfmmcp.support.Memoized;
import dev.lastfmmcp.tools.CatalogText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lastfmmcp.format.Markdown;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.AlbumInfo;
import dev.lastfmmcp.lastfm.model.AlbumTrack;
import dev.lastfmmcp.lastfm.model.Tag;
import dev.lastfmmcp.musicbrainz.Enrichment;
import dev.lastfmmcp.musicbrainz.MusicBrainzRequest;
import dev.lastfmmcp.musicbrainz.ReleaseGroupDetails;
import dev.lastfmmcp.tools.Args;
import dev.lastfmmcp.tools.Corrections;
import dev.lastfmmcp.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Variable;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.tools.CatalogText.artistName;
import static dev.lastfmmcp.format.Words.clock;
import static dev.lastfmmcp.format.Words.count;
import static dev.lastfmmcp.format.Words.length;

/**
 * get_album_info of the catalogue family: album.getInfo (tracklist, counts, tags, wiki, a user's plays), then the
 * release group from MusicBrainz (first release date, primary and secondary types), which never fails the tool.
 */
public class AlbumTools {

    public LastfmRequest infoRequest(@Variable("args") Map<String, Object> arguments) {
        Args args = Args.of(arguments);
        return LastfmRequest.of("album.getInfo", "artist", args.text("artist"), "album", args.text("album"),
                "autocorrect", "1", "username", args.text("username"));
    }

    /** MusicBrainz by the release MBID Last.fm knows, else by title and artist. */
    public MusicBrainzRequest enrichmentRequest(@Variable("args") Map<String, Object> arguments,
            @Variable("albumInfo") LastfmResult info) {
        Args args = Args.of(arguments);
        AlbumInfo album = info.as(AlbumInfo.class);
        return MusicBrainzRequest.album(album.mbid(), album.name() != null ? album.name() : args.text("album"),
                album.artist() != null ? album.artist() : args.text("artist"));
    }

    @Memoized
    public McpSchema.CallToolResult info(@Variable("args") Map<String, Object> arguments,
            @Variable("albumInfo") LastfmResult result, @Variable("enrichment") Enrichment enrichment) {
        Args args = Args.of(arguments);
        AlbumInfo album = result.as(AlbumInfo.class);
        String name = album.name() != null ? album.name() : args.text("album");
        String artist = album.artist() != null ? album.artist() : args.text("artist");
        String user = args.text("username");
        ReleaseGroupDetails group = enrichment == null ? null : enrichment.as(ReleaseGroupDetails.class);
        Map<String, String> corrected = new LinkedHashMap<>();
        String artistFrom = Corrections.correctedFrom(args.text("artist"), artist);
        String albumFrom = Corrections.correctedFrom(args.text("album"), name);
        if (artistFrom != null) {
            corrected.put("artist", artistFrom);
        }
        if (albumFrom != null) {
            corrected.put("album", albumFrom);
        }
        long total = album.tracks().stream().map(AlbumTrack::durationSeconds).filter(s -> s != null)
                .mapToLong(Integer::longValue).sum();
        int unknownLengths = (int) album.tracks().stream().filter(t -> t.durationSeconds() == null).count();

        ToolOutput out = ToolOutput.create().from(result)
                .put("album", album)
                .put("username", user)
                .put("totalDurationSeconds", total)
                .put("tracksWithoutDuration", unknownLengths)
                .put("correctedFrom", corrected.isEmpty() ? null : corrected)
                .put("musicbrainz", group)
                .put("musicbrainzNote", group == null && enrichment != null ? enrichment.note() : null);
        out.heading(escape(name) + " by " + escape(artist));
        String sentence = CatalogText.correctedSentence("artist", args.text("artist"), artist,
                "album", args.text("album"), name);
        if (sentence != null) {
            out.line(sentence).blank();
        }
        List<String> facts = new ArrayList<>();
        facts.add(group != null ? release(group)
                : "MusicBrainz: " + (enrichment == null ? "not looked up" : escape(enrichment.note())));
        facts.add("Listeners: " + count(album.listeners()) + " · Scrobbles: " + count(album.playcount()));
        if (user != null) {
            facts.add("Scrobbles by " + escape(user) + ": " + count(album.userPlaycount()));
        }
        if (!album.tags().isEmpty()) {
            facts.add("Tags: " + String.join(", ", album.tags().stream().map(Tag::name).map(Markdown::escape)
                    .toList()));
        }
        out.bullets(facts);
        out.blank();
        tracklist(out, album, artist, total, unknownLengths);
        if (album.wiki() != null && album.wiki().summary() != null) {
            out.blank().line(album.wiki().summary());
        }
        if (album.url() != null) {
            out.blank().line(album.url());
        }
        if (!album.tracks().isEmpty()) {
            AlbumTrack first = album.tracks().get(0);
            String trackArtist = artistName(first.artist()) != null ? artistName(first.artist()) : artist;
            out.next().call("get_track_info", "artist", trackArtist, "track", first.name());
        }
        out.next().call("get_artist_top_albums", "artist", artist, "limit", 10)
                .call("get_artist_info", "artist", artist);
        if (!album.tags().isEmpty()) {
            out.next().call("get_tag_top_albums", "tag", album.tags().get(0).name(), "limit", 10);
        }
        return out.build();
    }

    /** "Released 1991-08-12 (first release, MusicBrainz) · Album (Live)". */
    public static String release(ReleaseGroupDetails group) {
        List<String> parts = new ArrayList<>();
        if (group.firstReleaseDate() != null) {
            parts.add("Released " + group.firstReleaseDate() + " (first release, MusicBrainz)");
        }
        if (group.primaryType() != null) {
            parts.add("Type: " + group.primaryType() + (group.secondaryTypes().isEmpty() ? ""
                    : " (" + String.join(", ", group.secondaryTypes()) + ")"));
        }
        return parts.isEmpty() ? "MusicBrainz: no release date or type known" : escape(String.join(" · ", parts));
    }

    private static void tracklist(ToolOutput out, AlbumInfo album, String albumArtist, long total,
            int unknownLengths) {
        int count = album.tracks().size();
        if (count == 0) {
            out.line("Last.fm has no tracklist for this album.");
            return;
        }
        String length = total == 0 ? "length unknown"
                : unknownLengths == 0 ? clock(total)
                : "at least " + clock(total) + ", " + unknownLengths + " without a known length";
        out.line("### Tracklist (" + count + (count == 1 ? " track, " : " tracks, ") + length + ")").blank();
        out.numbered(album.tracks().stream().map(t -> {
            String trackArtist = artistName(t.artist());
            boolean other = Corrections.correctedFrom(trackArtist, albumArtist) != null;
            return escape(t.name()) + (other ? " — " + escape(trackArtist) : "") + length(t.durationSeconds());
        }).toList());
    }
}
