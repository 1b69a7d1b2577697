package dev.lastfmmcp.unit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.lastfmmcp.lastfm.model.Page;
import dev.lastfmmcp.lastfm.model.RankedArtist;
import dev.lastfmmcp.lastfm.model.RecentTrack;
import dev.lastfmmcp.lastfm.model.Tag;
import dev.lastfmmcp.lastfm.model.TopArtists;
import dev.lastfmmcp.lastfm.model.TopTags;
import dev.lastfmmcp.jsonrpc.ToolException;
import dev.lastfmmcp.tools.insights.ListeningStats;
import dev.lastfmmcp.tools.insights.ListeningStats.Genre;
import dev.lastfmmcp.tools.insights.ListeningStats.TaggedArtist;
import dev.lastfmmcp.tools.insights.Period;
import dev.lastfmmcp.tools.insights.StatsPlan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The arithmetic of get_listening_stats: period sums, shares, weighted genres, listening times, windows. */
class ListeningStatsTest {

    private static RankedArtist artist(int rank, String name, long plays) {
        return new RankedArtist(rank, name, null, null, plays, null, null);
    }

    private static TopArtists top(long total, RankedArtist... artists) {
        return new TopArtists("u", null, null, new Page(1, 1000, 1, total), List.of(artists));
    }

    private static TopTags tags(Object... nameCounts) {
        List<Tag> list = new ArrayList<>();
        for (int i = 0; i < nameCounts.length; i += 2) {
            list.add(new Tag((String) nameCounts[i], null, nameCounts[i + 1] == null ? null
                    : ((Integer) nameCounts[i + 1]).longValue(), null, null));
        }
        return new TopTags(null, "a", null, list);
    }

    private static RecentTrack scrobble(String at) {
        return new RecentTrack("t", null, null, null, null, null, null, false, Instant.parse(at), null);
    }

    @Test
    void thePeriodsScrobblesAreTheSumOfAWholeTopArtistsListElseALowerBound() {
        ListeningStats.PeriodScrobbles whole = ListeningStats.sumOfTopArtists(top(3, artist(1, "A", 50),
                artist(2, "B", 30), artist(3, "C", 20)));
        assertThat(whole.scrobbles()).isEqualTo(100);
        assertThat(whole.exact()).isTrue();
        ListeningStats.PeriodScrobbles cut = ListeningStats.sumOfTopArtists(top(1234, artist(1, "A", 50),
                artist(2, "B", 30)));
        assertThat(cut.scrobbles()).isEqualTo(80);
        assertThat(cut.exact()).isFalse();
        assertThat(cut.artistsSummed()).isEqualTo(2);
        assertThat(cut.artistsTotal()).isEqualTo(1234);
        assertThat(ListeningStats.sumOfTopArtists(top(0)).scrobbles()).isZero();
    }

    @Test
    void theTopShareIsTheFirstArtistsPlaysOverAllScrobbles() {
        List<RankedArtist> artists = List.of(artist(1, "A", 60), artist(2, "B", 25), artist(3, "C", 15));
        assertThat(ListeningStats.topShare(artists, 2, 100)).isEqualTo(0.85);
        assertThat(ListeningStats.topShare(artists, 10, 100)).isEqualTo(1.0);
        assertThat(ListeningStats.topShare(artists, 10, 0)).isNull();
        assertThat(ListeningStats.perDay(373, 7)).isEqualTo(53.3);
        assertThat(ListeningStats.perDay(10, 0)).isNull();
    }

    @Test
    void genresWeightEachArtistsTagsByPlaysAndRelevance() {
        List<Genre> genres = ListeningStats.genres(List.of(
                new TaggedArtist("Portishead", 40, tags("trip-hop", 100, "seen live", 90, "electronic", 50)),
                new TaggedArtist("Massive Attack", 20, tags("Trip Hop", 100, "electronic", 100, "british", 10)),
                new TaggedArtist("Nobody", 0, tags("polka", 100))), 10);
        // trip-hop: 40 x 1 + 20 x 1 = 60; electronic: 40 x 0.5 + 20 x 1 = 40; british: 20 x 0.1 = 2
        assertThat(genres).extracting(Genre::name).containsExactly("trip-hop", "electronic", "british");
        assertThat(genres).extracting(Genre::weightedPlays).containsExactly(60.0, 40.0, 2.0);
        assertThat(genres.get(0).share()).isEqualTo(0.5882);
        assertThat(genres.get(0).artists()).containsExactly("Portishead", "Massive Attack");
        assertThat(genres.stream().mapToDouble(Genre::share).sum()).isCloseTo(1.0, within(0.001));
        assertThat(ListeningStats.genres(List.of(new TaggedArtist("A", 10, tags("x", 100))), 0)).isEmpty();
    }

    @Test
    void onlyAnArtistsFirstFiveGenreTagsCountAndMissingCountsMeanFullRelevance() {
        List<Genre> genres = ListeningStats.genres(List.of(new TaggedArtist("A", 10,
                tags("favorites", 100, "one", 90, "two", 80, "three", 70, "four", 60, "five", 50, "six", 40))), 10);
        assertThat(genres).extracting(Genre::name).containsExactly("one", "two", "three", "four", "five");
        List<Genre> uncounted = ListeningStats.genres(List.of(new TaggedArtist("A", 10, tags("ambient", null))), 5);
        assertThat(uncounted.get(0).weightedPlays()).isEqualTo(10.0);
    }

    @Test
    void listeningTimesAreCountedInTheGivenZoneAcrossDaylightSavingTime() {
        // New York: 2024-03-10 02:00 EST becomes 03:00 EDT
        List<RecentTrack> tracks = List.of(scrobble("2024-03-10T06:30:00Z"), scrobble("2024-03-10T07:30:00Z"),
                scrobble("2024-03-11T04:10:00Z"), new RecentTrack("now", null, null, null, null, null, null, true,
                        null, null));
        ListeningStats.ListeningTimes times = ListeningStats.listeningTimes(tracks, ZoneId.of("America/New_York"));
        assertThat(times.sampleSize()).isEqualTo(3);
        assertThat(times.byHour().get(1)).isEqualTo(1); // 06:30Z = 01:30 EST
        assertThat(times.byHour().get(3)).isEqualTo(1); // 07:30Z = 03:30 EDT
        assertThat(times.byHour().get(0)).isEqualTo(1); // 04:10Z on Monday = 00:10 EDT
        assertThat(times.byWeekday().get(6).day()).isEqualTo("Sunday");
        assertThat(times.byWeekday().get(6).scrobbles()).isEqualTo(2);
        assertThat(times.byWeekday().get(0).scrobbles()).isEqualTo(1);
        assertThat(times.peakWeekday()).isEqualTo("Sunday");
        assertThat(times.peakHour()).isZero(); // ties go to the earliest hour
        assertThat(times.sampleFrom()).isEqualTo(Instant.parse("2024-03-10T06:30:00Z"));
        assertThat(times.sampleTo()).isEqualTo(Instant.parse("2024-03-11T04:10:00Z"));

        ListeningStats.ListeningTimes none = ListeningStats.listeningTimes(List.of(), ZoneId.of("UTC"));
        assertThat(none.sampleSize()).isZero();
        assertThat(none.peakHour()).isNull();
        assertThat(none.byHour()).hasSize(24).containsOnly(0);
    }

    @Test
    void periodsStartOnTheHourSoRepeatsShareACacheKey() {
        Instant now = Instant.parse("2024-05-08T10:17:45Z");
        assertThat(Period.of("7day").start(now)).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(Period.of("12month").start(now)).isEqualTo(Instant.parse("2023-05-09T10:00:00Z"));
        assertThat(Period.of("overall").start(now)).isNull();
        assertThat(Period.of(null)).isEqualTo(Period.OVERALL);
        assertThat(Period.of("1MONTH").days()).isEqualTo(30);
        assertThatThrownBy(() -> Period.of("2day")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overall");
    }

    @Test
    void timeZonesAreIanaNames() {
        assertThat(StatsPlan.zone(null)).isEqualTo(ZoneId.of("UTC"));
        assertThat(StatsPlan.zone("Asia/Tokyo")).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThatThrownBy(() -> StatsPlan.zone("Berlin")).isInstanceOf(ToolException.class)
                .hasMessageStartingWith("Unknown timezone \"Berlin\"");
    }
}
