package dev.lastfmmcp.lastfm;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.lastfm.model.AlbumHit;
import dev.lastfmmcp.lastfm.model.AlbumInfo;
import dev.lastfmmcp.lastfm.model.AlbumSearch;
import dev.lastfmmcp.lastfm.model.AlbumTrack;
import dev.lastfmmcp.lastfm.model.Tag;

import static dev.lastfmmcp.lastfm.LastfmJson.imageUrl;
import static dev.lastfmmcp.lastfm.LastfmJson.list;
import static dev.lastfmmcp.lastfm.LastfmJson.longValue;
import static dev.lastfmmcp.lastfm.LastfmJson.mbid;
import static dev.lastfmmcp.lastfm.LastfmJson.text;

/** The album.* read methods: getInfo and search. */
final class AlbumMapper {

    private AlbumMapper() {
    }

    /** album.getInfo; track durations are in seconds, a one-track album sends its track as an object. */
    static AlbumInfo info(JsonNode body) {
        JsonNode album = body.path("album");
        List<AlbumTrack> tracks = Common.ranked(list(album.path("tracks"), "track"), null,
                (item, rank) -> new AlbumTrack(rank, text(item.path("name")), text(item.path("url")),
                        LastfmJson.seconds(item.path("duration")), Common.artistRef(item.path("artist"))));
        List<Tag> tags = Common.tags(album.path("tags"));
        // captures before ~2016 call the tag list "toptags"
        tags = tags.isEmpty() ? Common.tags(album.path("toptags")) : tags;
        return new AlbumInfo(text(album.path("name")), text(album.path("artist")), mbid(album.path("mbid")),
                text(album.path("url")), imageUrl(album.path("image")), longValue(album.path("listeners")),
                longValue(album.path("playcount")), longValue(album.path("userplaycount")), tracks, tags,
                Common.wiki(album.path("wiki")));
    }

    static AlbumSearch search(JsonNode body) {
        JsonNode results = body.path("results");
        List<AlbumHit> albums = list(results.path("albummatches"), "album").stream()
                .map(item -> new AlbumHit(text(item.path("name")), text(item.path("artist")), mbid(item.path("mbid")),
                        text(item.path("url")), imageUrl(item.path("image"))))
                .toList();
        return new AlbumSearch(Common.query(results), LastfmJson.page(results, albums.size()), albums);
    }
}
