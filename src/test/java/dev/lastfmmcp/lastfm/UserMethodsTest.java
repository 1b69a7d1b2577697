package dev.lastfmmcp.lastfm;

import dev.lastfmmcp.support.Fixtures;
import java.time.Instant;

import dev.lastfmmcp.lastfm.model.ArtistRef;
import dev.lastfmmcp.lastfm.model.ChartWeek;
import dev.lastfmmcp.lastfm.model.Friends;
import dev.lastfmmcp.lastfm.model.LovedTracks;
import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.RankedArtist;
import dev.lastfmmcp.lastfm.model.RecentTrack;
import dev.lastfmmcp.lastfm.model.RecentTracks;
import dev.lastfmmcp.lastfm.model.Tag;
import dev.lastfmmcp.lastfm.model.TopAlbums;
import dev.lastfmmcp.lastfm.model.TopArtists;
import dev.lastfmmcp.lastfm.model.TopTags;
import dev.lastfmmcp.lastfm.model.TopTracks;
import dev.lastfmmcp.lastfm.model.UserInfo;
import dev.lastfmmcp.lastfm.model.WeeklyAlbumChart;
import dev.lastfmmcp.lastfm.model.WeeklyArtistChart;
import dev.lastfmmcp.lastfm.model.WeeklyChartList;
import dev.lastfmmcp.lastfm.model.WeeklyTrackChart;
import org.junit.jupiter.api.Test;

import static dev.lastfmmcp.support.Fixtures.json;
import static dev.lastfmmcp.support.Fixtures.lastfmJson;
import static org.assertj.core.api.Assertions.assertThat;

class UserMethodsTest {

    private final LastfmNormalizer normalizer = new LastfmNormalizer();

    private <T> T normalize(String method, String file, Class<T> type) {
        return type.cast(normalizer.normalize(method, lastfmJson(file)));
    }

    @Test
    void recentTracksKeepTheExtraNowPlayingTrackFirst() {
        RecentTracks recent = normalize("user.getRecentTracks",
                "user.getRecentTracks__frikandel_-limit1-extended-nowplaying.json", RecentTracks.class);

        assertThat(recent.user()).isEqualTo("frikandel_");
        assertThat(recent.page()).isEqualTo(new Page(1, 1, 94613, 94613));
        assertThat(recent.tracks()).hasSize(2);
        RecentTrack playing = recent.tracks().get(0);
        assertThat(playing.nowPlaying()).isTrue();
        assertThat(playing.playedAt()).isNull();
        assertThat(playing.name()).isEqualTo("Apocalypse Dreams");
        assertThat(playing.loved()).isFalse();
        // extended=1: artist is {"url","name","image","mbid":""}
        assertThat(playing.artist())
                .isEqualTo(new ArtistRef("Tame Impala", null, "https://www.last.fm/music/Tame+Impala"));
        RecentTrack played = recent.tracks().get(1);
        assertThat(played.nowPlaying()).isFalse();
        assertThat(played.playedAt()).isEqualTo(Instant.ofEpochSecond(1603186824))
                .isEqualTo(Instant.parse("2020-10-20T09:40:24Z"));
        assertThat(played.album()).isEqualTo("Lonerism");
        assertThat(played.albumMbid()).isEqualTo("0d2cb66c-3a32-4f81-b977-9231c461c34a");
        assertThat(played.imageUrl())
                .isEqualTo("https://lastfm.freetls.fastly.net/i/u/300x300/7c9c4d1009514b178c82f2201e3a1fce.jpg");
    }

    @Test
    void nowPlayingIsMovedFirstWhenNotSentFirst() {
        String body = """
                {"recenttracks":{"@attr":{"page":"1","total":"5","user":"u","perPage":"1","totalPages":"5"},
                 "track":[{"name":"Old","artist":{"#text":"A"},"date":{"uts":"1600000000"}},
                          {"name":"Now","artist":{"#text":"A"},"@attr":{"nowplaying":"true"}}]}}""";
        RecentTracks recent = (RecentTracks) normalizer.normalize("user.getRecentTracks", json(body));
        assertThat(recent.tracks()).extracting(RecentTrack::name).containsExactly("Now", "Old");
    }

    @Test
    void plainRecentTracksReadHashTextArtistsAndAlbums() {
        RecentTracks recent = normalize("user.getRecentTracks", "user.getRecentTracks__frikandel_-limit1.json",
                RecentTracks.class);

        RecentTrack track = recent.tracks().get(0);
        assertThat(track.artist())
                .isEqualTo(new ArtistRef("Tame Impala", "63aa26c3-d59b-4da4-84ac-716b54f1ef4d", null));
        assertThat(track.album()).isEqualTo("Lonerism");
        assertThat(track.playedAt()).isEqualTo(Instant.parse("2020-10-20T10:03:58Z"));
        assertThat(track.loved()).isNull();
        assertThat(track.nowPlaying()).isFalse();
    }

    @Test
    void aSingleRecentTrackObjectBecomesAOneItemList() {
        RecentTracks recent = normalize("user.getRecentTracks", "user.getRecentTracks__RJ-limit1-single-object.json",
                RecentTracks.class);

        assertThat(recent.tracks()).singleElement().satisfies(track -> {
            assertThat(track.name()).isEqualTo("Super Freak (Part 1) - 1981 Single Version");
            assertThat(track.mbid()).isNull();
            assertThat(track.playedAt()).isEqualTo(Instant.ofEpochSecond(1419070612));
        });
        // legacy "page":"0"
        assertThat(recent.page()).isEqualTo(new Page(1, 1, 76536, 76536));
    }

    @Test
    void aSingleNowPlayingObjectIsFlagged() {
        RecentTracks recent = normalize("user.getRecentTracks",
                "user.getRecentTracks__nowplaying-single-object-2021.json", RecentTracks.class);

        assertThat(recent.tracks()).singleElement().satisfies(track -> {
            assertThat(track.nowPlaying()).isTrue();
            assertThat(track.playedAt()).isNull();
            assertThat(track.name()).isEqualTo("China White III");
        });
        assertThat(recent.page().total()).isEqualTo(25531);
    }

    @Test
    void extendedRecentTrackCarriesLoved() {
        RecentTracks recent = normalize("user.getRecentTracks",
                "user.getRecentTracks__extended-single-object-loved.json", RecentTracks.class);

        RecentTrack track = recent.tracks().get(0);
        assertThat(track.loved()).isTrue();
        assertThat(track.albumMbid()).isNull();
        assertThat(track.artist().name()).isEqualTo("Republika");
        // no @attr at all: the page is derived from the items
        assertThat(recent.page()).isEqualTo(new Page(1, 1, 1, 1));
        assertThat(recent.user()).isNull();
    }

    @Test
    void legacyEmptyRecentTracksBecomeAnEmptyList() {
        RecentTracks recent = normalize("user.getRecentTracks", "user.getRecentTracks__RT-empty-legacy.json",
                RecentTracks.class);

        assertThat(recent.tracks()).isEmpty();
        assertThat(recent.user()).isEqualTo("RT");
        assertThat(recent.page()).isEqualTo(new Page(1, 20, 0, 0));
    }

    @Test
    void topArtistsHaveNumericRanksAndPlaycounts() {
        TopArtists top = normalize("user.getTopArtists", "user.getTopArtists__aidan-_limit3.json", TopArtists.class);

        assertThat(top.user()).isEqualTo("aidan-");
        assertThat(top.page()).isEqualTo(new Page(1, 3, 644, 1931));
        assertThat(top.artists()).extracting(RankedArtist::rank).containsExactly(1, 2, 3);
        assertThat(top.artists().get(0)).satisfies(queen -> {
            assertThat(queen.name()).isEqualTo("Queen");
            assertThat(queen.playcount()).isEqualTo(1511L);
            assertThat(queen.imageUrl()).as("placeholder star skipped").isNull();
        });
    }

    @Test
    void aSingleTopArtistObjectBecomesAOneItemList() {
        TopArtists top = normalize("user.getTopArtists", "user.getTopArtists__Aurvandil-limit1-single-object.json",
                TopArtists.class);

        assertThat(top.artists()).singleElement().satisfies(artist -> {
            assertThat(artist.rank()).isEqualTo(1);
            assertThat(artist.name()).isEqualTo("Anathema");
            assertThat(artist.playcount()).isEqualTo(5216L);
            assertThat(artist.imageUrl())
                    .isEqualTo("http://userserve-ak.last.fm/serve/_/12571597/Anathema+Judgement+promo.jpg");
        });
    }

    @Test
    void legacyEmptyTopArtistsBecomeAnEmptyList() {
        TopArtists top = normalize("user.getTopArtists", "user.getTopArtists__e-empty-legacy.json", TopArtists.class);

        assertThat(top.artists()).isEmpty();
        assertThat(top.user()).isEqualTo("e");
        assertThat(top.page()).isEqualTo(new Page(1, 1, 0, 0));
    }

    @Test
    void topAlbumsDropEmptyMbids() {
        TopAlbums top = normalize("user.getTopAlbums", "user.getTopAlbums__aidan-_limit3.json", TopAlbums.class);

        assertThat(top.albums().get(0)).satisfies(album -> {
            assertThat(album.name()).isEqualTo("The Best Of");
            assertThat(album.mbid()).isNull();
            assertThat(album.artist().name()).isEqualTo("Joy Division");
            assertThat(album.playcount()).isEqualTo(596L);
        });
        assertThat(Fixtures.write(top)).doesNotContain("\"mbid\":\"\"");
    }

    @Test
    void topTracksHaveDurationsInSeconds() {
        TopTracks top = normalize("user.getTopTracks", "user.getTopTracks__aidan-_limit3.json", TopTracks.class);

        assertThat(top.tracks().get(0)).satisfies(track -> {
            assertThat(track.name()).isEqualTo("Love Will Tear Us Apart");
            assertThat(track.durationSeconds()).isEqualTo(205);
            assertThat(track.playcount()).isEqualTo(440L);
            assertThat(track.rank()).isEqualTo(1);
        });
    }

    @Test
    void lovedTracksHaveLovedAt() {
        LovedTracks loved = normalize("user.getLovedTracks", "user.getLovedTracks__TyphoonsNotABot-limit1.json",
                LovedTracks.class);

        assertThat(loved.page()).isEqualTo(new Page(1, 1, 7790, 7790));
        assertThat(loved.tracks()).singleElement().satisfies(track -> {
            assertThat(track.name()).isEqualTo("Davy Crochet");
            assertThat(track.lovedAt()).isEqualTo(Instant.parse("2020-10-19T13:04:24Z"));
            assertThat(track.artist()).isEqualTo(new ArtistRef("The Backseat Lovers", null,
                    "https://www.last.fm/music/The+Backseat+Lovers"));
            assertThat(track.imageUrl()).isNull();
        });
    }

    @Test
    void userInfoHasNumbersAndAnInstant() {
        UserInfo user = normalize("user.getInfo", "user.getInfo__TyphoonsNotABot.json", UserInfo.class);

        assertThat(user.name()).isEqualTo("TyphoonsNotABot");
        assertThat(user.realName()).isEqualTo("Liam");
        assertThat(user.playcount()).isEqualTo(138223L);
        assertThat(user.age()).as("age 0 means not shown").isNull();
        assertThat(user.registeredAt()).isEqualTo(Instant.ofEpochSecond(1561177193));
        assertThat(user.subscriber()).isFalse();
        assertThat(user.country()).isEqualTo("United Kingdom");
        assertThat(user.type()).isEqualTo("user");
        assertThat(user.imageUrl()).endsWith("/300x300/9e9565eee02f3e08d803b7726f65f406.png");
        assertThat(user.artistCount()).isNull();
    }

    @Test
    void newerUserInfoCountsAndAge() {
        // hand-written: the newer user.getInfo members (artist_count...) seen in public client tests
        String body = """
                {"user":{"name":"u","age":"31","country":"None","realname":"","playcount":"10","artist_count":"3",
                 "album_count":"4","track_count":"5","subscriber":"1",
                 "registered":{"unixtime":"1000","#text":1000}}}""";
        UserInfo user = (UserInfo) normalizer.normalize("user.getInfo", json(body));
        assertThat(user.age()).isEqualTo(31);
        assertThat(user.artistCount()).isEqualTo(3L);
        assertThat(user.albumCount()).isEqualTo(4L);
        assertThat(user.trackCount()).isEqualTo(5L);
        assertThat(user.subscriber()).isTrue();
        assertThat(user.country()).isNull();
        assertThat(user.realName()).isNull();
    }

    @Test
    void weeklyChartListIsNewestFirst() {
        WeeklyChartList list = normalize("user.getWeeklyChartList", "user.getWeeklyChartList__aidan-.json",
                WeeklyChartList.class);

        assertThat(list.user()).isEqualTo("aidan-");
        assertThat(list.charts()).hasSize(818);
        assertThat(list.charts().get(0)).isEqualTo(new ChartWeek(Instant.ofEpochSecond(1602417600),
                Instant.ofEpochSecond(1603022400)));
        assertThat(list.charts().get(817).from()).isEqualTo(Instant.ofEpochSecond(1108296000));
        assertThat(list.charts()).extracting(ChartWeek::from).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void weeklyArtistChartKeepsUnicodeNames() {
        WeeklyArtistChart chart = normalize("user.getWeeklyArtistChart", "user.getWeeklyArtistChart__jklinge.json",
                WeeklyArtistChart.class);

        assertThat(chart.user()).isEqualTo("jklinge");
        assertThat(chart.from()).isEqualTo(Instant.ofEpochSecond(1545566400));
        assertThat(chart.to()).isEqualTo(Instant.ofEpochSecond(1546171200));
        assertThat(chart.artists()).filteredOn(artist -> artist.name().equals("Michael Bublé"))
                .singleElement().satisfies(artist -> {
                    assertThat(artist.rank()).isEqualTo(4);
                    assertThat(artist.url()).isEqualTo("https://www.last.fm/music/Michael+Bubl%C3%A9");
                });
        assertThat(Fixtures.write(chart)).contains("Michael Bublé");
    }

    @Test
    void weeklyAlbumChartDropsEmptyMbids() {
        WeeklyAlbumChart chart = normalize("user.getWeeklyAlbumChart",
                "user.getWeeklyAlbumChart__aidan-_limit2.json", WeeklyAlbumChart.class);

        assertThat(chart.albums().get(1)).satisfies(album -> {
            assertThat(album.name()).isEqualTo("Hell's Ditch (Expanded Edition)");
            assertThat(album.mbid()).isNull();
            assertThat(album.artist()).isEqualTo(new ArtistRef("The Pogues", null, null));
            assertThat(album.playcount()).isEqualTo(114L);
            assertThat(album.rank()).isEqualTo(2);
        });
    }

    @Test
    void anEmptyWeekKeepsItsDates() {
        WeeklyAlbumChart chart = normalize("user.getWeeklyAlbumChart", "user.getWeeklyAlbumChart__RJ-empty.json",
                WeeklyAlbumChart.class);

        assertThat(chart.albums()).isEmpty();
        assertThat(chart.user()).isEqualTo("RJ");
        // recorded as is: this capture's "to" is 200 s before its "from"
        assertThat(chart.from()).isEqualTo(Instant.ofEpochSecond(1545566400));
        assertThat(chart.to()).isEqualTo(Instant.ofEpochSecond(1545566200));
    }

    @Test
    void weeklyTrackChart() {
        WeeklyTrackChart chart = normalize("user.getWeeklyTrackChart",
                "user.getWeeklyTrackChart__aidan-_limit2.json", WeeklyTrackChart.class);

        assertThat(chart.tracks().get(0)).satisfies(track -> {
            assertThat(track.name()).isEqualTo("Kill Rock 'n Roll");
            assertThat(track.artist().name()).isEqualTo("System of a Down");
            assertThat(track.playcount()).isEqualTo(176L);
            assertThat(track.imageUrl()).isNull();
        });
    }

    @Test
    void userTopTagsEmptyFixture() {
        TopTags tags = normalize("user.getTopTags", "user.getTopTags__aidan-_empty.json", TopTags.class);

        assertThat(tags.user()).isEqualTo("aidan-");
        assertThat(tags.tags()).isEmpty();
        assertThat(tags.page()).isNull();
    }

    @Test
    void userTopTagsDocumentedShape() {
        // hand-written: mirrors the documented user.getTopTags example (lastfm-docs user/getTopTags.md)
        String body = """
                {"toptags":{"tag":[{"name":"rock","count":"20","url":"https://www.last.fm/tag/rock"},
                 {"name":"jazz","count":"17","url":"https://www.last.fm/tag/jazz"}],"@attr":{"user":"RJ"}}}""";
        TopTags tags = (TopTags) normalizer.normalize("user.getTopTags", json(body));

        assertThat(tags.user()).isEqualTo("RJ");
        assertThat(tags.tags()).containsExactly(new Tag("rock", "https://www.last.fm/tag/rock", 20L, null, null),
                new Tag("jazz", "https://www.last.fm/tag/jazz", 17L, null, null));
    }

    @Test
    void friendsDocumentedShape() {
        // hand-written: mirrors the documented user.getFriends example (lastfm-docs user/getFriends.md), where a
        // friend's registered #text is a date string, not Unix seconds
        String body = """
                {"friends":{"user":[{"playlists":"0","playcount":"4","subscriber":"0","name":"oldmaneatintwix",
                  "country":"United Kingdom","image":[{"size":"small","#text":"https://i/34s/f.png"},
                  {"size":"extralarge","#text":"https://i/300x300/f.png"}],
                  "registered":{"unixtime":"1603189685","#text":"2020-10-20 10:28"},
                  "url":"https://www.last.fm/user/oldmaneatintwix","realname":"Charlie Brown","bootstrap":"0",
                  "type":"user"}],
                 "@attr":{"page":"1","total":"10","user":"aidan-","perPage":"1","totalPages":"10"}}}""";
        Friends friends = (Friends) normalizer.normalize("user.getFriends", json(body));

        assertThat(friends.user()).isEqualTo("aidan-");
        assertThat(friends.page()).isEqualTo(new Page(1, 1, 10, 10));
        assertThat(friends.users()).singleElement().satisfies(friend -> {
            assertThat(friend.name()).isEqualTo("oldmaneatintwix");
            assertThat(friend.realName()).isEqualTo("Charlie Brown");
            assertThat(friend.playcount()).isEqualTo(4L);
            assertThat(friend.registeredAt()).isEqualTo(Instant.ofEpochSecond(1603189685));
            assertThat(friend.imageUrl()).isEqualTo("https://i/300x300/f.png");
        });
    }

    @Test
    void friendsWithTheirRecentTrack() {
        // hand-written: user.getFriends&recenttracks=1 as public clients read it (recenttrack.name, .artist.name,
        // .album.name, ['@attr'].uts); the second friend has none, the third a date object as on scrobbles
        String body = """
                {"friends":{"user":[
                  {"name":"eartle","realname":"Michael","url":"https://www.last.fm/user/eartle",
                   "recenttrack":{"name":"Teardrop","mbid":"","url":"https://www.last.fm/music/Massive+Attack/_/Teardrop",
                     "artist":{"name":"Massive Attack","mbid":"10adbe5e-a2c0-4bf3-8249-2b4cbf6e6ca8",
                       "url":"https://www.last.fm/music/Massive+Attack"},
                     "album":{"name":"Mezzanine","mbid":""},"@attr":{"uts":"1603186824","date":"20 Oct 2020, 09:40"}}},
                  {"name":"björk_fan","recenttrack":""},
                  {"name":"c","recenttrack":{"name":"Jóga","artist":{"name":"Björk"},"date":{"uts":"1603186000"}}}],
                 "@attr":{"page":"1","total":"3","user":"RJ","perPage":"50","totalPages":"1"}}}""";
        Friends friends = (Friends) normalizer.normalize("user.getFriends", json(body));

        assertThat(friends.users()).hasSize(3);
        RecentTrack track = friends.users().get(0).recentTrack();
        assertThat(track.name()).isEqualTo("Teardrop");
        assertThat(track.artist().name()).isEqualTo("Massive Attack");
        assertThat(track.artist().mbid()).isEqualTo("10adbe5e-a2c0-4bf3-8249-2b4cbf6e6ca8");
        assertThat(track.album()).isEqualTo("Mezzanine");
        assertThat(track.albumMbid()).isNull();
        assertThat(track.mbid()).isNull();
        assertThat(track.nowPlaying()).isFalse();
        assertThat(track.playedAt()).isEqualTo(Instant.ofEpochSecond(1603186824));
        assertThat(friends.users().get(1).recentTrack()).isNull();
        assertThat(friends.users().get(2).recentTrack().playedAt()).isEqualTo(Instant.ofEpochSecond(1603186000));
        assertThat(friends.users().get(2).recentTrack().artist().name()).isEqualTo("Björk");
    }
}
