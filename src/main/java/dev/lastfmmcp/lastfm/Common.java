package dev.lastfmmcp.lastfm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.lastfm.model.ArtistRef;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.RankedAlbum;
import dev.lastfmmcp.lastfm.model.RankedArtist;
import dev.lastfmmcp.lastfm.model.RankedTrack;
import dev.lastfmmcp.lastfm.model.Tag;
import dev.lastfmmcp.lastfm.model.Wiki;

import static dev.lastfmmcp.lastfm.LastfmJson.imageUrl;
import static dev.lastfmmcp.lastfm.LastfmJson.intValue;
import static dev.lastfmmcp.lastfm.LastfmJson.list;
import static dev.lastfmmcp.lastfm.LastfmJson.longValue;
import static dev.lastfmmcp.lastfm.LastfmJson.mbid;
import static dev.lastfmmcp.lastfm.LastfmJson.plainText;
import static dev.lastfmmcp.lastfm.LastfmJson.text;

/**
 * The shapes every method family shares: artist references in their three spellings, tags, wikis, ranks and the
 * ranked artist/album/track items.
 */
final class Common {

    private Common() {
    }

    /**
     * An artist given as a plain string (search results), as {@code {"mbid","#text"}} (recent tracks, weekly charts)
     * or as {@code {"name","mbid","url"}} (everywhere else); null when it names nothing.
     */
    static ArtistRef artistRef(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        String name = node.isObject() ? text(node.path("name")) : null;
        name = name != null ? name : text(node);
        String mbid = node.isObject() ? mbid(node.path("mbid")) : null;
        String url = node.isObject() ? text(node.path("url")) : null;
        return name == null && mbid == null && url == null ? null : new ArtistRef(name, mbid, url);
    }

    /** The {@code tag} list of a {@code tags}/{@code toptags} container. */
    static List<Tag> tags(JsonNode container) {
        return list(container, "tag").stream().map(Common::tag).filter(tag -> tag.name() != null).toList();
    }

    static Tag tag(JsonNode node) {
        return new Tag(text(node.path("name")), text(node.path("url")), longValue(node.path("count")),
                longValue(node.path("reach")), longValue(node.path("taggings")));
    }

    /** A {@code bio} or {@code wiki} object as plain text; null when it says nothing. */
    static Wiki wiki(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Wiki wiki = new Wiki(plainText(text(node.path("summary"))), plainText(text(node.path("content"))),
                LastfmJson.published(text(node.path("published"))));
        return wiki.summary() == null && wiki.content() == null && wiki.published() == null ? null : wiki;
    }

    /** The search terms of a search {@code results} object: the OpenSearch query, else {@code @attr.for}. */
    static String query(JsonNode results) {
        String terms = text(results.path("opensearch:Query").path("searchTerms"));
        return terms != null ? terms : text(results.path("@attr").path("for"));
    }

    /**
     * Maps ranked items with 1-based ranks: the item's {@code @attr.rank} where given, shifted by one when the list
     * is 0-based (geo.getTopTracks starts at "0"), else its position in the page (artist.getTopAlbums and
     * chart.getTop* send no rank).
     */
    static <T> List<T> ranked(List<JsonNode> items, Page page, BiFunction<JsonNode, Integer, T> mapper) {
        int first = page == null || page.perPage() <= 0 ? 1 : (page.page() - 1) * page.perPage() + 1;
        Integer firstReported = items.isEmpty() ? null : reportedRank(items.get(0));
        int shift = firstReported != null && firstReported == first - 1 ? 1 : 0;
        List<T> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Integer reported = reportedRank(items.get(i));
            out.add(mapper.apply(items.get(i), reported == null ? first + i : reported + shift));
        }
        return List.copyOf(out);
    }

    private static Integer reportedRank(JsonNode item) {
        return intValue(item.path("@attr").path("rank"));
    }

    static RankedArtist rankedArtist(JsonNode item, int rank) {
        return new RankedArtist(rank, text(item.path("name")), mbid(item.path("mbid")), text(item.path("url")),
                longValue(item.path("playcount")), longValue(item.path("listeners")), imageUrl(item.path("image")));
    }

    static RankedAlbum rankedAlbum(JsonNode item, int rank) {
        return new RankedAlbum(rank, text(item.path("name")), mbid(item.path("mbid")), text(item.path("url")),
                artistRef(item.path("artist")), longValue(item.path("playcount")), imageUrl(item.path("image")));
    }

    static RankedTrack rankedTrack(JsonNode item, int rank) {
        return new RankedTrack(rank, text(item.path("name")), mbid(item.path("mbid")), text(item.path("url")),
                artistRef(item.path("artist")), longValue(item.path("playcount")), longValue(item.path("listeners")),
                LastfmJson.seconds(item.path("duration")), imageUrl(item.path("image")));
    }
}
