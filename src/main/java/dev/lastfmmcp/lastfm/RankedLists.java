package dev.lastfmmcp.lastfm;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.Tag;
import dev.lastfmmcp.lastfm.model.TopAlbums;
import dev.lastfmmcp.lastfm.model.TopArtists;
import dev.lastfmmcp.lastfm.model.TopTags;
import dev.lastfmmcp.lastfm.model.TopTracks;

import static dev.lastfmmcp.lastfm.LastfmJson.attr;
import static dev.lastfmmcp.lastfm.LastfmJson.list;
import static dev.lastfmmcp.lastfm.LastfmJson.text;

/**
 * The paged, ranked list envelopes shared by user.getTop*, artist.getTop*, tag.getTop*, chart.getTop* and
 * geo.getTop*: items under one key, pagination and the queried user/artist/tag/country in {@code @attr}.
 */
final class RankedLists {

    private RankedLists() {
    }

    static TopArtists artists(JsonNode container) {
        JsonNode attr = attr(container);
        List<JsonNode> items = list(container, "artist");
        Page page = LastfmJson.page(attr, items.size());
        return new TopArtists(text(attr.path("user")), text(attr.path("tag")), text(attr.path("country")), page,
                Common.ranked(items, page, Common::rankedArtist));
    }

    static TopAlbums albums(JsonNode container) {
        JsonNode attr = attr(container);
        List<JsonNode> items = list(container, "album");
        Page page = LastfmJson.page(attr, items.size());
        return new TopAlbums(text(attr.path("user")), text(attr.path("artist")), text(attr.path("tag")), page,
                Common.ranked(items, page, Common::rankedAlbum));
    }

    static TopTracks tracks(JsonNode container) {
        JsonNode attr = attr(container);
        List<JsonNode> items = list(container, "track");
        Page page = LastfmJson.page(attr, items.size());
        return new TopTracks(text(attr.path("user")), text(attr.path("artist")), text(attr.path("tag")),
                text(attr.path("country")), page, Common.ranked(items, page, Common::rankedTrack));
    }

    /** Tags of a user or artist (no pagination), or of the global chart (with a page). */
    static TopTags tags(JsonNode container) {
        JsonNode attr = attr(container);
        List<Tag> tags = Common.tags(container);
        Page page = attr.has("page") || attr.has("total") ? LastfmJson.page(attr, tags.size()) : null;
        return new TopTags(text(attr.path("user")), text(attr.path("artist")), page, tags);
    }
}
