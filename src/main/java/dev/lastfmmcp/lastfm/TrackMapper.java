package dev.lastfmmcp.lastfm;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.lastfm.model.AlbumRef;
import dev.lastfmmcp.lastfm.model.SimilarTrack;
import dev.lastfmmcp.lastfm.model.SimilarTracks;
import dev.lastfmmcp.lastfm.model.TrackHit;
import dev.lastfmmcp.lastfm.model.TrackInfo;
import dev.lastfmmcp.lastfm.model.TrackSearch;

import static dev.lastfmmcp.lastfm.LastfmJson.attr;
import static dev.lastfmmcp.lastfm.LastfmJson.flag;
import static dev.lastfmmcp.lastfm.LastfmJson.imageUrl;
import static dev.lastfmmcp.lastfm.LastfmJson.intValue;
import static dev.lastfmmcp.lastfm.LastfmJson.list;
import static dev.lastfmmcp.lastfm.LastfmJson.longValue;
import static dev.lastfmmcp.lastfm.LastfmJson.mbid;
import static dev.lastfmmcp.lastfm.LastfmJson.text;

/** The track.* read methods: getInfo, getSimilar and search. */
final class TrackMapper {

    private TrackMapper() {
    }

    /** track.getInfo; its {@code duration} is in milliseconds. */
    static TrackInfo info(JsonNode body) {
        JsonNode track = body.path("track");
        return new TrackInfo(text(track.path("name")), mbid(track.path("mbid")), text(track.path("url")),
                Common.artistRef(track.path("artist")), album(track.path("album")),
                LastfmJson.secondsFromMillis(track.path("duration")), longValue(track.path("listeners")),
                longValue(track.path("playcount")), longValue(track.path("userplaycount")),
                flag(track.path("userloved")), Common.tags(track.path("toptags")), Common.wiki(track.path("wiki")));
    }

    private static AlbumRef album(JsonNode album) {
        if (!album.isObject()) {
            return null;
        }
        AlbumRef ref = new AlbumRef(text(album.path("title")), text(album.path("artist")), mbid(album.path("mbid")),
                text(album.path("url")), intValue(album.path("@attr").path("position")),
                imageUrl(album.path("image")));
        return ref.title() == null && ref.url() == null ? null : ref;
    }

    static SimilarTracks similar(JsonNode body) {
        JsonNode container = body.path("similartracks");
        List<SimilarTrack> tracks = list(container, "track").stream()
                .map(item -> new SimilarTrack(text(item.path("name")), mbid(item.path("mbid")),
                        text(item.path("url")), Common.artistRef(item.path("artist")),
                        LastfmJson.fraction(item.path("match")), longValue(item.path("playcount")),
                        LastfmJson.seconds(item.path("duration")), imageUrl(item.path("image"))))
                .toList();
        return new SimilarTracks(text(attr(container).path("artist")), tracks);
    }

    static TrackSearch search(JsonNode body) {
        JsonNode results = body.path("results");
        List<TrackHit> tracks = list(results.path("trackmatches"), "track").stream()
                .map(item -> new TrackHit(text(item.path("name")), text(item.path("artist")),
                        mbid(item.path("mbid")), text(item.path("url")), longValue(item.path("listeners")),
                        imageUrl(item.path("image"))))
                .toList();
        return new TrackSearch(Common.query(results), LastfmJson.page(results, tracks.size()), tracks);
    }
}
