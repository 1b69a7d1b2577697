package dev.lastfmmcp.lastfm;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.lastfm.model.ChartWeek;
import dev.lastfmmcp.lastfm.model.Friends;
import dev.lastfmmcp.lastfm.model.LovedTrack;
import dev.lastfmmcp.lastfm.model.LovedTracks;
import dev.lastfmmcp.lastfm.model.RecentTrack;
import dev.lastfmmcp.lastfm.model.RecentTracks;
import dev.lastfmmcp.lastfm.model.TopAlbums;
import dev.lastfmmcp.lastfm.model.TopArtists;
import dev.lastfmmcp.lastfm.model.TopTags;
import dev.lastfmmcp.lastfm.model.TopTracks;
import dev.lastfmmcp.lastfm.model.UserInfo;
import dev.lastfmmcp.lastfm.model.WeeklyAlbumChart;
import dev.lastfmmcp.lastfm.model.WeeklyArtistChart;
import dev.lastfmmcp.lastfm.model.WeeklyChartList;
import dev.lastfmmcp.lastfm.model.WeeklyTrackChart;

import static dev.lastfmmcp.lastfm.LastfmJson.attr;
import static dev.lastfmmcp.lastfm.LastfmJson.flag;
import static dev.lastfmmcp.lastfm.LastfmJson.imageUrl;
import static dev.lastfmmcp.lastfm.LastfmJson.instant;
import static dev.lastfmmcp.lastfm.LastfmJson.intValue;
import static dev.lastfmmcp.lastfm.LastfmJson.list;
import static dev.lastfmmcp.lastfm.LastfmJson.longValue;
import static dev.lastfmmcp.lastfm.LastfmJson.mbid;
import static dev.lastfmmcp.lastfm.LastfmJson.text;

/** The user.* read methods: listening history, loved tracks, profile, friends, top lists and weekly charts. */
final class UserMapper {

    private UserMapper() {
    }

    /** user.getRecentTracks, plain or extended; a now-playing track is kept, flagged and put first. */
    static RecentTracks recentTracks(JsonNode body) {
        JsonNode container = body.path("recenttracks");
        JsonNode attr = attr(container);
        List<RecentTrack> tracks = list(container, "track").stream()
                .map(UserMapper::recentTrack)
                .sorted(Comparator.comparing(track -> !track.nowPlaying()))
                .toList();
        int scrobbles = (int) tracks.stream().filter(track -> !track.nowPlaying()).count();
        return new RecentTracks(text(attr.path("user")), LastfmJson.page(attr, scrobbles), tracks);
    }

    private static RecentTrack recentTrack(JsonNode item) {
        boolean nowPlaying = Boolean.TRUE.equals(flag(item.path("@attr").path("nowplaying")));
        JsonNode album = item.path("album");
        return new RecentTrack(text(item.path("name")), Common.artistRef(item.path("artist")), text(album),
                mbid(album.path("mbid")), mbid(item.path("mbid")), text(item.path("url")),
                imageUrl(item.path("image")), nowPlaying, instant(item.path("date")), flag(item.path("loved")));
    }

    static LovedTracks lovedTracks(JsonNode body) {
        JsonNode container = body.path("lovedtracks");
        JsonNode attr = attr(container);
        List<LovedTrack> tracks = list(container, "track").stream()
                .map(item -> new LovedTrack(text(item.path("name")), mbid(item.path("mbid")), text(item.path("url")),
                        Common.artistRef(item.path("artist")), imageUrl(item.path("image")),
                        instant(item.path("date"))))
                .toList();
        return new LovedTracks(text(attr.path("user")), LastfmJson.page(attr, tracks.size()), tracks);
    }

    static UserInfo info(JsonNode body) {
        return user(body.path("user"));
    }

    /** A user object of user.getInfo or user.getFriends (with {@code recenttrack} when asked for). */
    static UserInfo user(JsonNode user) {
        Integer age = intValue(user.path("age"));
        String country = text(user.path("country"));
        return new UserInfo(text(user.path("name")), text(user.path("realname")), text(user.path("url")),
                "None".equalsIgnoreCase(country) ? null : country, age != null && age > 0 ? age : null,
                longValue(user.path("playcount")), longValue(user.path("artist_count")),
                longValue(user.path("album_count")), longValue(user.path("track_count")),
                instant(user.path("registered")), flag(user.path("subscriber")), imageUrl(user.path("image")),
                text(user.path("type")), friendTrack(user.path("recenttrack")));
    }

    /**
     * A friend's {@code recenttrack} (user.getFriends with {@code recenttracks=1}): {@code artist} and {@code album}
     * as {@code {"name","mbid","url"}} objects, the time in {@code @attr.uts} (XML attributes) or in a {@code date}
     * object as on scrobbles; null when absent or naming no track.
     */
    static RecentTrack friendTrack(JsonNode track) {
        if (!track.isObject() || text(track.path("name")) == null) {
            return null;
        }
        JsonNode album = track.path("album");
        String albumName = album.isObject() && album.has("name") ? text(album.path("name")) : text(album);
        Instant playedAt = instant(track.path("@attr").path("uts"));
        playedAt = playedAt != null ? playedAt : instant(track.path("date"));
        playedAt = playedAt != null ? playedAt : instant(track.path("uts"));
        boolean nowPlaying = Boolean.TRUE.equals(flag(track.path("@attr").path("nowplaying")));
        return new RecentTrack(text(track.path("name")), Common.artistRef(track.path("artist")), albumName,
                mbid(album.path("mbid")), mbid(track.path("mbid")), text(track.path("url")),
                imageUrl(track.path("image")), nowPlaying, nowPlaying ? null : playedAt, flag(track.path("loved")));
    }

    static Friends friends(JsonNode body) {
        JsonNode container = body.path("friends");
        JsonNode attr = attr(container);
        List<UserInfo> users = list(container, "user").stream().map(UserMapper::user).toList();
        return new Friends(text(attr.path("user")), LastfmJson.page(attr, users.size()), users);
    }

    static TopArtists topArtists(JsonNode body) {
        return RankedLists.artists(body.path("topartists"));
    }

    static TopAlbums topAlbums(JsonNode body) {
        return RankedLists.albums(body.path("topalbums"));
    }

    static TopTracks topTracks(JsonNode body) {
        return RankedLists.tracks(body.path("toptracks"));
    }

    static TopTags topTags(JsonNode body) {
        return RankedLists.tags(body.path("toptags"));
    }

    /** user.getWeeklyChartList, newest week first (Last.fm sends oldest first). */
    static WeeklyChartList weeklyChartList(JsonNode body) {
        JsonNode container = body.path("weeklychartlist");
        List<ChartWeek> weeks = list(container, "chart").stream()
                .map(chart -> new ChartWeek(instant(chart.path("from")), instant(chart.path("to"))))
                .filter(week -> week.from() != null)
                .sorted(Comparator.comparing(ChartWeek::from).reversed())
                .toList();
        return new WeeklyChartList(text(attr(container).path("user")), weeks);
    }

    static WeeklyArtistChart weeklyArtistChart(JsonNode body) {
        JsonNode container = body.path("weeklyartistchart");
        JsonNode attr = attr(container);
        return new WeeklyArtistChart(text(attr.path("user")), instant(attr.path("from")), instant(attr.path("to")),
                Common.ranked(list(container, "artist"), null, Common::rankedArtist));
    }

    static WeeklyAlbumChart weeklyAlbumChart(JsonNode body) {
        JsonNode container = body.path("weeklyalbumchart");
        JsonNode attr = attr(container);
        return new WeeklyAlbumChart(text(attr.path("user")), instant(attr.path("from")), instant(attr.path("to")),
                Common.ranked(list(container, "album"), null, Common::rankedAlbum));
    }

    static WeeklyTrackChart weeklyTrackChart(JsonNode body) {
        JsonNode container = body.path("weeklytrackchart");
        JsonNode attr = attr(container);
        return new WeeklyTrackChart(text(attr.path("user")), instant(attr.path("from")), instant(attr.path("to")),
                Common.ranked(list(container, "track"), null, Common::rankedTrack));
    }
}
