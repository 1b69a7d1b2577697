package dev.lastfmmcp.lastfm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Turns the successful JSON body of a Last.fm read method into its normalised record from
 * {@code dev.lastfmmcp.lastfm.model}: camelCase, numbers as numbers, instants, durations in seconds, lists never null.
 */
public final class LastfmNormalizer {

    private final Map<String, Function<JsonNode, Object>> mappers = new LinkedHashMap<>();
    private final Set<String> methods = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    public LastfmNormalizer() {
        register("user.getRecentTracks", UserMapper::recentTracks);
        register("user.getTopArtists", UserMapper::topArtists);
        register("user.getTopAlbums", UserMapper::topAlbums);
        register("user.getTopTracks", UserMapper::topTracks);
        register("user.getTopTags", UserMapper::topTags);
        register("user.getLovedTracks", UserMapper::lovedTracks);
        register("user.getInfo", UserMapper::info);
        register("user.getFriends", UserMapper::friends);
        register("user.getWeeklyChartList", UserMapper::weeklyChartList);
        register("user.getWeeklyArtistChart", UserMapper::weeklyArtistChart);
        register("user.getWeeklyAlbumChart", UserMapper::weeklyAlbumChart);
        register("user.getWeeklyTrackChart", UserMapper::weeklyTrackChart);
        register("track.getInfo", TrackMapper::info);
        register("track.getSimilar", TrackMapper::similar);
        register("track.search", TrackMapper::search);
        register("artist.getInfo", ArtistMapper::info);
        register("artist.getSimilar", ArtistMapper::similar);
        register("artist.getTopTracks", ArtistMapper::topTracks);
        register("artist.getTopAlbums", ArtistMapper::topAlbums);
        register("artist.getTopTags", ArtistMapper::topTags);
        register("artist.getTags", ArtistMapper::tags);
        register("artist.search", ArtistMapper::search);
        register("artist.getCorrection", ArtistMapper::correction);
        register("album.getInfo", AlbumMapper::info);
        register("album.search", AlbumMapper::search);
        register("tag.getInfo", TagChartGeoMapper::tagInfo);
        register("tag.getTopArtists", TagChartGeoMapper::tagTopArtists);
        register("tag.getTopAlbums", TagChartGeoMapper::tagTopAlbums);
        register("tag.getTopTracks", TagChartGeoMapper::tagTopTracks);
        register("chart.getTopArtists", TagChartGeoMapper::chartTopArtists);
        register("chart.getTopTracks", TagChartGeoMapper::chartTopTracks);
        register("chart.getTopTags", TagChartGeoMapper::chartTopTags);
        register("geo.getTopArtists", TagChartGeoMapper::geoTopArtists);
        register("geo.getTopTracks", TagChartGeoMapper::geoTopTracks);
        register("auth.getToken", AuthMapper::token);
        register("auth.getSession", AuthMapper::session);
        register("track.love", WriteMapper::love);
        register("track.unlove", WriteMapper::unlove);
        register("track.updateNowPlaying", WriteMapper::nowPlaying);
        register("track.scrobble", WriteMapper::scrobbles);
    }

    /**
     * The normalised record for {@code method}'s response {@code body} (a success body: errors are classified
     * elsewhere). Method names match case-insensitively.
     *
     * @throws IllegalArgumentException for a method this class does not map, or a body carrying an {@code error}
     */
    public Object normalize(String method, JsonNode body) {
        Function<JsonNode, Object> mapper = method == null ? null : mappers.get(key(method));
        if (mapper == null) {
            throw new IllegalArgumentException("No normalisation for Last.fm method " + method);
        }
        JsonNode input = body == null ? MissingNode.getInstance() : body;
        if (input.has("error")) {
            throw new IllegalArgumentException("The " + method + " body is a Last.fm error, not a result");
        }
        return mapper.apply(input);
    }

    /** Whether {@link #normalize} maps {@code method} (case-insensitive). */
    public boolean supports(String method) {
        return method != null && mappers.containsKey(key(method));
    }

    /** The method names this class maps, in their documented spelling, sorted. */
    public Set<String> methods() {
        return Collections.unmodifiableSet(methods);
    }

    private void register(String method, Function<JsonNode, ?> mapper) {
        mappers.put(key(method), mapper::apply);
        methods.add(method);
    }

    private static String key(String method) {
        return method.trim().toLowerCase(Locale.ROOT);
    }
}
