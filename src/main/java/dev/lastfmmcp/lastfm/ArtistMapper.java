package dev.lastfmmcp.lastfm;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.lastfm.model.ArtistCorrection;
import dev.lastfmmcp.lastfm.model.ArtistHit;
import dev.lastfmmcp.lastfm.model.ArtistInfo;
import dev.lastfmmcp.lastfm.model.ArtistRef;
import dev.lastfmmcp.lastfm.model.ArtistSearch;
import dev.lastfmmcp.lastfm.model.SimilarArtist;
import dev.lastfmmcp.lastfm.model.SimilarArtists;
import dev.lastfmmcp.lastfm.model.TopAlbums;
import dev.lastfmmcp.lastfm.model.TopTags;
import dev.lastfmmcp.lastfm.model.TopTracks;

import static dev.lastfmmcp.lastfm.LastfmJson.attr;
import static dev.lastfmmcp.lastfm.LastfmJson.flag;
import static dev.lastfmmcp.lastfm.LastfmJson.imageUrl;
import static dev.lastfmmcp.lastfm.LastfmJson.list;
import static dev.lastfmmcp.lastfm.LastfmJson.longValue;
import static dev.lastfmmcp.lastfm.LastfmJson.mbid;
import static dev.lastfmmcp.lastfm.LastfmJson.text;

/** The artist.* read methods: getInfo, getSimilar, getTopTracks/Albums/Tags, getTags, search and getCorrection. */
final class ArtistMapper {

    private ArtistMapper() {
    }

    /** artist.getInfo; its {@code similar} artists carry no match value. */
    static ArtistInfo info(JsonNode body) {
        JsonNode artist = body.path("artist");
        JsonNode stats = artist.path("stats");
        List<ArtistRef> similar = list(artist.path("similar"), "artist").stream()
                .map(Common::artistRef)
                .filter(Objects::nonNull)
                .toList();
        return new ArtistInfo(text(artist.path("name")), mbid(artist.path("mbid")), text(artist.path("url")),
                imageUrl(artist.path("image")), flag(artist.path("ontour")), longValue(stats.path("listeners")),
                longValue(stats.path("playcount")), longValue(stats.path("userplaycount")), similar,
                Common.tags(artist.path("tags")), Common.wiki(artist.path("bio")));
    }

    static SimilarArtists similar(JsonNode body) {
        JsonNode container = body.path("similarartists");
        List<SimilarArtist> artists = list(container, "artist").stream()
                .map(item -> new SimilarArtist(text(item.path("name")), mbid(item.path("mbid")),
                        text(item.path("url")), LastfmJson.fraction(item.path("match")),
                        imageUrl(item.path("image"))))
                .toList();
        return new SimilarArtists(text(attr(container).path("artist")), artists);
    }

    static TopTracks topTracks(JsonNode body) {
        return RankedLists.tracks(body.path("toptracks"));
    }

    static TopAlbums topAlbums(JsonNode body) {
        return RankedLists.albums(body.path("topalbums"));
    }

    static TopTags topTags(JsonNode body) {
        return RankedLists.tags(body.path("toptags"));
    }

    /** artist.getTags: the tags the given user applied to the artist. */
    static TopTags tags(JsonNode body) {
        return RankedLists.tags(body.path("tags"));
    }

    static ArtistSearch search(JsonNode body) {
        JsonNode results = body.path("results");
        List<ArtistHit> artists = list(results.path("artistmatches"), "artist").stream()
                .map(item -> new ArtistHit(text(item.path("name")), mbid(item.path("mbid")), text(item.path("url")),
                        longValue(item.path("listeners")), imageUrl(item.path("image"))))
                .toList();
        return new ArtistSearch(Common.query(results), LastfmJson.page(results, artists.size()), artists);
    }

    /** artist.getCorrection; with no correction Last.fm sends {@code "corrections":"\n"}. */
    static ArtistCorrection correction(JsonNode body) {
        return list(body.path("corrections"), "correction").stream()
                .map(correction -> Common.artistRef(correction.path("artist")))
                .filter(Objects::nonNull)
                .findFirst()
                .map(ArtistCorrection::new)
                .orElseGet(() -> new ArtistCorrection(null));
    }
}
