package dev.lastfmmcp.tools.charts;

import java.util.Map;

import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.RankedArtist;
import dev.lastfmmcp.lastfm.model.RankedTrack;
import dev.lastfmmcp.lastfm.model.TopArtists;
import dev.lastfmmcp.lastfm.model.TopTracks;
import dev.lastfmmcp.tools.Args;
import dev.lastfmmcp.tools.RankedList;
import dev.lastfmmcp.jsonrpc.ToolException;
import dev.lastfmmcp.tools.ToolOutput;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.Variable;

import static dev.lastfmmcp.format.Markdown.escape;
import static dev.lastfmmcp.format.Markdown.quote;
import static dev.lastfmmcp.tools.CatalogText.artistName;
import static dev.lastfmmcp.format.Words.count;

/**
 * The chart tools of the catalogue family (get_global_top_artists, get_global_top_tracks): Last.fm's worldwide
 * charts (chart.getTop*), or one country's (geo.getTop*) when a country name is given.
 */
public class ChartTools {

    // ---------------------------------------------------------------- get_global_top_artists

    public LastfmRequest topArtistsRequest(@Variable("args") Map<String, Object> arguments) {
        return request("chart.getTopArtists", "geo.getTopArtists", arguments);
    }

    public McpSchema.CallToolResult topArtists(@Variable("args") Map<String, Object> arguments,
            @Variable("chartArtists") LastfmResult result) {
        Args args = Args.of(arguments);
        TopArtists top = result.as(TopArtists.class);
        String country = country(args, top.country());
        RankedList<RankedArtist> artists = RankedList.top(top.artists(), args.integer("limit"));
        ToolOutput out = start(result, country, top.page(), "artists", artists);
        if (artists.isEmpty()) {
            return empty(out, "artists", country);
        }
        artists.write(out, null, a -> RankedList.row(a.name(), null, counts(a.listeners(), a.playcount())));
        String first = artists.first().name();
        out.next().call("get_artist_info", "artist", first)
                .call("get_artist_top_tracks", "artist", first, "limit", 10)
                .call("get_global_top_tracks", "limit", 10, "country", country);
        if (country != null) {
            out.next().call("get_global_top_artists", "limit", 10);
        }
        return out.build();
    }

    // ---------------------------------------------------------------- get_global_top_tracks

    public LastfmRequest topTracksRequest(@Variable("args") Map<String, Object> arguments) {
        return request("chart.getTopTracks", "geo.getTopTracks", arguments);
    }

    public McpSchema.CallToolResult topTracks(@Variable("args") Map<String, Object> arguments,
            @Variable("chartTracks") LastfmResult result) {
        Args args = Args.of(arguments);
        TopTracks top = result.as(TopTracks.class);
        String country = country(args, top.country());
        RankedList<RankedTrack> tracks = RankedList.top(top.tracks(), args.integer("limit"));
        ToolOutput out = start(result, country, top.page(), "tracks", tracks);
        if (tracks.isEmpty()) {
            return empty(out, "tracks", country);
        }
        tracks.write(out, null, t -> RankedList.row(t.name(), artistName(t.artist()),
                counts(t.listeners(), t.playcount())));
        RankedTrack first = tracks.first();
        if (artistName(first.artist()) != null) {
            out.next().call("get_track_info", "artist", artistName(first.artist()), "track", first.name())
                    .call("get_similar_tracks", "artist", artistName(first.artist()), "track", first.name(),
                            "limit", 10);
        }
        out.next().call("get_global_top_artists", "limit", 10, "country", country);
        if (country != null) {
            out.next().call("get_global_top_tracks", "limit", 10);
        }
        return out.build();
    }

    // ---------------------------------------------------------------- unknown country

    /**
     * Last.fm's answer to a country it does not know (error 6, "country param invalid" or "country param required")
     * as a sentence that says what to pass instead, suggesting the name a code or misspelling probably meant.
     */
    public void unknownCountry(@Variable("args") Map<String, Object> arguments) {
        String country = Args.of(arguments).text("country");
        String suggestion = Countries.suggestion(country);
        throw new ToolException("Last.fm does not know the country \"" + country + "\". Give the country's English "
                                + "name as in ISO 3166-1, e.g. country=\"Germany\" or country=\"United States\", "
                                + "not a code or a city."
                                + (suggestion == null ? "" : " Did you mean country=" + quote(suggestion) + "?")
                                + " Leave country out for the worldwide chart.");
    }

    // ---------------------------------------------------------------- shared

    private static LastfmRequest request(String worldwide, String byCountry, Map<String, Object> arguments) {
        Args args = Args.of(arguments);
        String country = args.text("country");
        String limit = String.valueOf(args.integer("limit"));
        return country == null ? LastfmRequest.of(worldwide, "limit", limit)
                : LastfmRequest.of(byCountry, "country", country, "limit", limit);
    }

    private static String country(Args args, String answered) {
        String asked = args.text("country");
        return asked == null ? null : answered != null ? answered : asked;
    }

    /** The country, the page and the chart, under "Top artists on Last.fm worldwide" or "… in Canada". */
    private static ToolOutput start(LastfmResult result, String country, Page page, String things,
            RankedList<?> chart) {
        ToolOutput out = ToolOutput.create().from(result).put("country", country).put("page", page)
                .put(things, chart.items());
        out.heading("Top " + things + " " + (country == null ? "on Last.fm worldwide"
                : "on Last.fm in " + escape(country)));
        return out;
    }

    /** "3,389,182 listeners · 497,235,451 scrobbles", leaving out what the chart does not give. */
    private static String counts(Long listeners, Long playcount) {
        String text = count(listeners) + " listeners";
        return playcount == null ? text : text + " · " + count(playcount) + " scrobbles";
    }

    private static McpSchema.CallToolResult empty(ToolOutput out, String things, String country) {
        out.line(country == null ? "Last.fm's worldwide chart has no " + things + " right now."
                : "Last.fm has no " + things + " chart for " + escape(country) + " right now (too few listeners "
                  + "there, or an unusual spelling of the country's name).");
        out.next().call("get_global_top_" + things, "limit", 10)
                .call(things.equals("artists") ? "get_global_top_tracks" : "get_global_top_artists", "limit", 10);
        return out.build();
    }
}
