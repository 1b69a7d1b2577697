package dev.lastfmmcp.tools.insights;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lastfmmcp.lastfm.model.RankedArtist;
import dev.lastfmmcp.lastfm.model.RecentTrack;
import dev.lastfmmcp.lastfm.model.Tag;
import dev.lastfmmcp.lastfm.model.TopArtists;
import dev.lastfmmcp.lastfm.model.TopTags;

/** The arithmetic of get_listening_stats, on normalised Last.fm records: pure functions. */
public final class ListeningStats {

    /** How many of an artist's tags count towards the genres. */
    static final int TAGS_PER_ARTIST = 5;

    private ListeningStats() {
    }

    /**
     * The period's scrobbles as the sum of the play counts in its top-artists list: exact when the page holds the
     * whole list ({@code artistsSummed == artistsTotal}), else a lower bound.
     */
    public record PeriodScrobbles(long scrobbles, boolean exact, int artistsSummed, long artistsTotal) {
    }

    /** One genre: its weighted plays, its share of all weighted plays (0–1) and the top artists carrying it. */
    public record Genre(String name, double weightedPlays, double share, List<String> artists) {
    }

    /** An artist with its plays in the period and its Last.fm top tags. */
    public record TaggedArtist(String name, long plays, TopTags tags) {
    }

    /** Scrobbles on one weekday. */
    public record WeekdayCount(String day, int scrobbles) {
    }

    /**
     * When the sampled scrobbles were played, in {@code timezone}: counts per hour of the day (0–23) and per weekday
     * (Monday first), with the busiest of each; the sample's size and time span.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListeningTimes(int sampleSize, Instant sampleFrom, Instant sampleTo, String timezone,
            List<Integer> byHour, List<WeekdayCount> byWeekday, Integer peakHour, String peakWeekday) {
    }

    public static PeriodScrobbles sumOfTopArtists(TopArtists top) {
        long sum = top.artists().stream().mapToLong(artist -> plays(artist)).sum();
        long total = top.page() == null ? top.artists().size() : Math.max(top.page().total(), top.artists().size());
        return new PeriodScrobbles(sum, total <= top.artists().size(), top.artists().size(), total);
    }

    /** The share (0–1) of {@code scrobbles} held by the first {@code n} artists; null without scrobbles. */
    public static Double topShare(List<RankedArtist> artists, int n, long scrobbles) {
        if (scrobbles <= 0) {
            return null;
        }
        long top = artists.stream().limit(n).mapToLong(ListeningStats::plays).sum();
        return Math.min(1.0, (double) top / scrobbles);
    }

    /**
     * Genres from artists' tags: each artist's first {@value #TAGS_PER_ARTIST} genre tags get the artist's plays times
     * the tag's relevance (Last.fm's count / 100); tags that differ only in case or punctuation are one genre, named
     * as first seen. Most weighted first, at most {@code max}.
     */
    public static List<Genre> genres(List<TaggedArtist> artists, int max) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, List<String>> carriers = new LinkedHashMap<>();
        for (TaggedArtist artist : artists) {
            if (artist.plays() <= 0) {
                continue;
            }
            for (Tag tag : Tags.topGenres(artist.tags(), TAGS_PER_ARTIST)) {
                String key = Tags.key(tag.name());
                names.putIfAbsent(key, tag.name().trim().toLowerCase(Locale.ROOT));
                weights.merge(key, artist.plays() * Tags.relevance(tag), Double::sum);
                List<String> list = carriers.computeIfAbsent(key, k -> new ArrayList<>());
                if (!list.contains(artist.name())) {
                    list.add(artist.name());
                }
            }
        }
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        return weights.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(max)
                .map(entry -> new Genre(names.get(entry.getKey()), round(entry.getValue(), 1),
                        round(entry.getValue() / total, 4), List.copyOf(carriers.get(entry.getKey()))))
                .toList();
    }

    /** When the scrobbles with a time were played, in {@code zone}; a now-playing track has no time and is left out. */
    public static ListeningTimes listeningTimes(List<RecentTrack> tracks, ZoneId zone) {
        int[] hours = new int[24];
        int[] weekdays = new int[7];
        Instant first = null;
        Instant last = null;
        int size = 0;
        for (RecentTrack track : tracks) {
            if (track.playedAt() == null) {
                continue;
            }
            ZonedDateTime local = track.playedAt().atZone(zone);
            hours[local.getHour()]++;
            weekdays[local.getDayOfWeek().getValue() - 1]++;
            first = first == null || track.playedAt().isBefore(first) ? track.playedAt() : first;
            last = last == null || track.playedAt().isAfter(last) ? track.playedAt() : last;
            size++;
        }
        List<WeekdayCount> byWeekday = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            byWeekday.add(new WeekdayCount(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                    weekdays[day.getValue() - 1]));
        }
        Integer peakHour = size == 0 ? null : argMax(hours);
        String peakDay = size == 0 ? null : byWeekday.get(argMax(weekdays)).day();
        return new ListeningTimes(size, first, last, zone.getId(), Arrays.stream(hours).boxed().toList(), byWeekday,
                peakHour, peakDay);
    }

    /** Scrobbles per day, one decimal; null when there are no days. */
    public static Double perDay(long scrobbles, long days) {
        return days <= 0 ? null : round((double) scrobbles / days, 1);
    }

    static long plays(RankedArtist artist) {
        return artist.playcount() == null ? 0 : artist.playcount();
    }

    private static int argMax(int[] counts) {
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return best;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
