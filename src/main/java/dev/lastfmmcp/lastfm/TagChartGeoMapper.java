package dev.lastfmmcp.lastfm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.lastfm.model.TagInfo;
import dev.lastfmmcp.lastfm.model.TopAlbums;
import dev.lastfmmcp.lastfm.model.TopArtists;
import dev.lastfmmcp.lastfm.model.TopTags;
import dev.lastfmmcp.lastfm.model.TopTracks;

import static dev.lastfmmcp.lastfm.LastfmJson.longValue;
import static dev.lastfmmcp.lastfm.LastfmJson.text;

/**
 * The tag.*, chart.* and geo.* read methods. Their envelopes differ only in the list key ({@code topartists},
 * {@code artists}, {@code albums}, {@code tracks}, {@code tags}) and the queried tag or country.
 */
final class TagChartGeoMapper {

    private TagChartGeoMapper() {
    }

    /** tag.getInfo; an unknown tag is not an error but totals of 0 and an empty wiki. */
    static TagInfo tagInfo(JsonNode body) {
        JsonNode tag = body.path("tag");
        return new TagInfo(text(tag.path("name")), longValue(tag.path("total")), longValue(tag.path("reach")),
                Common.wiki(tag.path("wiki")));
    }

    static TopArtists tagTopArtists(JsonNode body) {
        return RankedLists.artists(body.path("topartists"));
    }

    static TopAlbums tagTopAlbums(JsonNode body) {
        return RankedLists.albums(body.path("albums"));
    }

    static TopTracks tagTopTracks(JsonNode body) {
        return RankedLists.tracks(body.path("tracks"));
    }

    static TopArtists chartTopArtists(JsonNode body) {
        return RankedLists.artists(body.path("artists"));
    }

    static TopTracks chartTopTracks(JsonNode body) {
        return RankedLists.tracks(body.path("tracks"));
    }

    static TopTags chartTopTags(JsonNode body) {
        return RankedLists.tags(body.path("tags"));
    }

    static TopArtists geoTopArtists(JsonNode body) {
        return RankedLists.artists(body.path("topartists"));
    }

    /** geo.getTopTracks; its ranks start at "0" and come out 1-based. */
    static TopTracks geoTopTracks(JsonNode body) {
        return RankedLists.tracks(body.path("tracks"));
    }
}
