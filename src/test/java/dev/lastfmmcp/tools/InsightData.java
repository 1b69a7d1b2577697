package dev.lastfmmcp.tools;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hand-written Last.fm bodies for the insight tools, in the documented shapes of lastfm-api.md §4–5 (numbers as
 * strings, {@code @attr} pagination, {@code #text} artist names in recent tracks, star-placeholder images), built from
 * a small listening history of one listener so the expected numbers can be worked out by hand.
 */
final class InsightData {

    static final String USER = "nova_listens";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String STAR = "https://lastfm.freetls.fastly.net/i/u/%s/2a96cbd8b46e442fc41c2b86b821562f.png";

    private InsightData() {
    }

    /** An artist name with a play count. */
    record Plays(String name, long plays) {
    }

    static Plays plays(String name, long plays) {
        return new Plays(name, plays);
    }

    /** The last 7 days: 20 artists, 373 scrobbles, the first 10 hold 300 of them. */
    static final List<Plays> WEEK = List.of(plays("Radiohead", 64), plays("Björk", 41), plays("Portishead", 37),
            plays("Massive Attack", 30), plays("Boards of Canada", 28), plays("Aphex Twin", 25),
            plays("Slowdive", 22), plays("Beach House", 20), plays("Cocteau Twins", 18), plays("Sigur Rós", 15),
            plays("Mogwai", 12), plays("Burial", 11), plays("Four Tet", 10), plays("Low", 9),
            plays("Mazzy Star", 8), plays("Bonobo", 7), plays("Nils Frahm", 6), plays("My Bloody Valentine", 5),
            plays("Ólafur Arnalds", 3), plays("Godspeed You! Black Emperor", 2));

    /** The last 6 months' top 10: the recommendation seeds (1,130 plays). */
    static final List<Plays> HALF_YEAR = List.of(plays("Radiohead", 300), plays("Björk", 200),
            plays("Portishead", 150), plays("Massive Attack", 120), plays("Boards of Canada", 100),
            plays("Aphex Twin", 80), plays("Slowdive", 60), plays("Beach House", 50), plays("Cocteau Twins", 40),
            plays("Sigur Rós", 30));

    /** All time: 30 artists (the library the recommendations leave out). */
    static final List<Plays> ALL_TIME = allTime();

    private static List<Plays> allTime() {
        List<Plays> list = new ArrayList<>();
        long[] counts = {4210, 3388, 2950, 2731, 2409, 2215, 1990, 1804, 1650, 1502, 1398, 1250, 1101, 990, 875, 760,
                702, 650, 598, 530, 488, 431, 399, 350, 322, 290, 251, 212, 180, 149};
        String[] extra = {"Thom Yorke", "Atoms for Peace", "Moby", "The Cure", "Depeche Mode", "Kate Bush", "Air",
                "Cigarettes After Sex", "DIIV", "Tame Impala"};
        List<String> names = new ArrayList<>(WEEK.stream().map(Plays::name).toList());
        names.addAll(List.of(extra));
        for (int i = 0; i < names.size(); i++) {
            list.add(plays(names.get(i), counts[i]));
        }
        return List.copyOf(list);
    }

    static long sum(List<Plays> list) {
        return list.stream().mapToLong(Plays::plays).sum();
    }

    // ---------------------------------------------------------------- user.*

    static String topArtists(String user, List<Plays> artists, long total, int perPage) {
        ArrayNode items = JSON.arrayNode();
        int rank = 1;
        for (Plays artist : artists) {
            ObjectNode item = items.addObject();
            item.putObject("@attr").put("rank", String.valueOf(rank++));
            item.put("mbid", "");
            item.put("url", url(artist.name()));
            item.put("playcount", String.valueOf(artist.plays()));
            item.set("image", images(5));
            item.put("name", artist.name());
            item.put("streamable", "0");
        }
        ObjectNode root = JSON.objectNode();
        ObjectNode container = root.putObject("topartists");
        container.set("artist", items);
        container.set("@attr", page(user, total, perPage));
        return root.toString();
    }

    static String userInfo(String user, long playcount, long artists, Instant registered) {
        ObjectNode root = JSON.objectNode();
        ObjectNode info = root.putObject("user");
        info.put("playlists", "0").put("playcount", String.valueOf(playcount)).put("gender", "n").put("name", user)
                .put("subscriber", "0").put("url", "https://www.last.fm/user/" + user).put("country", "Germany");
        info.set("image", images(4));
        info.putObject("registered").put("unixtime", String.valueOf(registered.getEpochSecond()))
                .put("#text", registered.getEpochSecond());
        info.put("type", "user").put("age", "0").put("bootstrap", "0").put("realname", "Nova")
                .put("artist_count", String.valueOf(artists)).put("album_count", "412").put("track_count", "2980");
        return root.toString();
    }

    /** user.getTopAlbums: "album by artist" keys with plays. */
    static String topAlbums(String user, Map<String, Plays> albums, long total) {
        ArrayNode items = JSON.arrayNode();
        int rank = 1;
        for (Map.Entry<String, Plays> album : albums.entrySet()) {
            ObjectNode item = items.addObject();
            item.set("artist", artistObject(album.getValue().name()));
            item.putObject("@attr").put("rank", String.valueOf(rank++));
            item.set("image", images(4));
            item.put("playcount", String.valueOf(album.getValue().plays()));
            item.put("url", url(album.getValue().name()) + "/" + album.getKey().replace(' ', '+'));
            item.put("name", album.getKey());
            item.put("mbid", "");
        }
        ObjectNode root = JSON.objectNode();
        ObjectNode container = root.putObject("topalbums");
        container.set("album", items);
        container.set("@attr", page(user, total, albums.size()));
        return root.toString();
    }

    /** user.getTopTracks: track name → artist and plays. */
    static String topTracks(String user, Map<String, Plays> tracks, long total) {
        ArrayNode items = JSON.arrayNode();
        int rank = 1;
        for (Map.Entry<String, Plays> track : tracks.entrySet()) {
            ObjectNode item = items.addObject();
            item.putObject("@attr").put("rank", String.valueOf(rank++));
            item.put("duration", "241");
            item.put("playcount", String.valueOf(track.getValue().plays()));
            item.set("artist", artistObject(track.getValue().name()));
            item.set("image", images(4));
            item.putObject("streamable").put("fulltrack", "0").put("#text", "0");
            item.put("mbid", "");
            item.put("name", track.getKey());
            item.put("url", url(track.getValue().name()) + "/_/" + track.getKey().replace(' ', '+'));
        }
        ObjectNode root = JSON.objectNode();
        ObjectNode container = root.putObject("toptracks");
        container.set("track", items);
        container.set("@attr", page(user, total, tracks.size()));
        return root.toString();
    }

    /** user.getRecentTracks: a now-playing track first (no date), then the scrobbles at the given times. */
    static String recentTracks(String user, List<Instant> playedAt, int perPage) {
        ArrayNode items = JSON.arrayNode();
        ObjectNode now = recentTrack("Airbag", "Radiohead", "OK Computer");
        now.putObject("@attr").put("nowplaying", "true");
        items.add(now);
        for (Instant instant : playedAt) {
            ObjectNode item = recentTrack("Glory Box", "Portishead", "Dummy");
            item.putObject("date").put("uts", String.valueOf(instant.getEpochSecond())).put("#text", instant.toString());
            items.add(item);
        }
        ObjectNode root = JSON.objectNode();
        ObjectNode container = root.putObject("recenttracks");
        container.set("@attr", page(user, playedAt.size(), perPage));
        container.set("track", items);
        return root.toString();
    }

    private static ObjectNode recentTrack(String name, String artist, String album) {
        ObjectNode item = JSON.objectNode();
        item.putObject("artist").put("mbid", "").put("#text", artist);
        item.put("streamable", "0");
        item.set("image", images(4));
        item.put("mbid", "");
        item.putObject("album").put("mbid", "").put("#text", album);
        item.put("name", name);
        item.put("url", url(artist) + "/_/" + name.replace(' ', '+'));
        return item;
    }

    // ---------------------------------------------------------------- artist.*

    /** artist.getTopTags: tag name → Last.fm count (0–100), most used first. */
    static String artistTags(String artist, Map<String, Integer> tags) {
        ArrayNode items = JSON.arrayNode();
        tags.forEach((name, count) -> items.addObject().put("count", count).put("name", name)
                .put("url", "https://www.last.fm/tag/" + name.replace(' ', '+')));
        ObjectNode root = JSON.objectNode();
        ObjectNode container = root.putObject("toptags");
        container.set("tag", items);
        container.putObject("@attr").put("artist", artist);
        return root.toString();
    }

    /** artist.getSimilar: name → match (0–1). */
    static String similar(String artist, Map<String, Double> matches) {
        ArrayNode items = JSON.arrayNode();
        matches.forEach((name, match) -> {
            ObjectNode item = items.addObject();
            item.put("name", name).put("mbid", "").put("match", String.valueOf(match)).put("url", url(name));
            item.set("image", images(6));
            item.put("streamable", "0");
        });
        ObjectNode root = JSON.objectNode();
        ObjectNode container = root.putObject("similarartists");
        container.set("artist", items);
        container.putObject("@attr").put("artist", artist);
        return root.toString();
    }

    /** artist.getTopTracks with limit=1. */
    static String topTrack(String artist, String track, long playcount) {
        ObjectNode item = JSON.objectNode();
        item.put("name", track).put("playcount", String.valueOf(playcount))
                .put("listeners", String.valueOf(playcount / 7)).put("mbid", "")
                .put("url", url(artist) + "/_/" + track.replace(' ', '+')).put("streamable", "0");
        item.set("artist", artistObject(artist));
        item.set("image", images(4));
        item.putObject("@attr").put("rank", "1");
        ObjectNode root = JSON.objectNode();
        ObjectNode container = root.putObject("toptracks");
        container.putArray("track").add(item);
        container.putObject("@attr").put("artist", artist).put("page", "1").put("perPage", "1")
                .put("totalPages", "1800").put("total", "1800");
        return root.toString();
    }

    // ---------------------------------------------------------------- pieces

    static <K, V> Map<K, V> ordered(Object... keyValues) {
        Map<K, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            K key = (K) keyValues[i];
            @SuppressWarnings("unchecked")
            V value = (V) keyValues[i + 1];
            map.put(key, value);
        }
        return map;
    }

    static String url(String artist) {
        return "https://www.last.fm/music/" + artist.replace(' ', '+');
    }

    private static ObjectNode artistObject(String name) {
        return JSON.objectNode().put("url", url(name)).put("name", name).put("mbid", "");
    }

    private static ObjectNode page(String user, long total, int perPage) {
        int pages = perPage <= 0 ? 0 : (int) ((total + perPage - 1) / perPage);
        return JSON.objectNode().put("page", "1").put("total", String.valueOf(total)).put("user", user)
                .put("perPage", String.valueOf(perPage)).put("totalPages", String.valueOf(pages));
    }

    private static ArrayNode images(int count) {
        String[] sizes = {"small", "medium", "large", "extralarge", "mega", ""};
        String[] paths = {"34s", "64s", "174s", "300x300", "300x300", "300x300"};
        ArrayNode images = JSON.arrayNode();
        for (int i = 0; i < count; i++) {
            images.addObject().put("size", sizes[i]).put("#text", String.format(STAR, paths[i]));
        }
        return images;
    }
}
