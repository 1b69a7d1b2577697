package dev.lastfmmcp.tools.insights;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lastfmmcp.lastfm.model.RankedAlbum;
import dev.lastfmmcp.lastfm.model.RankedArtist;
import dev.lastfmmcp.lastfm.model.RankedTrack;
import dev.lastfmmcp.lastfm.model.UserInfo;

import static dev.lastfmmcp.format.Markdown.number;

/**
 * The numbers of get_listening_stats, computed from what a {@link StatsPlan} gathered, each with the sentence that
 * says how it was derived ({@code howDerived}). The same calls as the list tools, so the numbers agree with them.
 */
public record StatsSummary(long scrobbles, boolean scrobblesExact, long uniqueArtists, Long uniqueAlbums,
        Long uniqueTracks, Long days, Double averagePerDay, Double top10Share, List<RankedArtist> topArtists,
        List<RankedAlbum> topAlbums, List<RankedTrack> topTracks, List<ListeningStats.Genre> topGenres,
        ListeningStats.ListeningTimes listening, AllTime allTime, Map<String, String> howDerived) {

    /** How many artists the top-10 share is over, and how many genres are kept. */
    static final int TOP_SHARE_ARTISTS = 10;
    static final int GENRES = 10;

    /** The account's all-time totals (user.getInfo) and how long it has been scrobbling. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AllTime(Long scrobbles, Long artists, Long albums, Long tracks, Instant memberSince, Long days,
            Double averagePerDay) {
    }

    public static StatsSummary of(StatsPlan plan) {
        Map<String, String> how = new LinkedHashMap<>();
        String period = "period=" + plan.period().value();
        UserInfo profile = plan.profile();
        AllTime allTime = allTime(profile, plan.now());

        long scrobbles;
        boolean exact;
        ListeningStats.PeriodScrobbles sum = ListeningStats.sumOfTopArtists(plan.artists());
        if (plan.period().isOverall() && profile.playcount() != null) {
            scrobbles = profile.playcount();
            exact = true;
            how.put("scrobbles", "the profile's scrobble count (user.getInfo playcount)");
        } else {
            scrobbles = sum.scrobbles();
            exact = sum.exact();
            how.put("scrobbles", exact
                    ? "the sum of the play counts of all " + number(sum.artistsTotal()) + " artists in "
                      + "user.getTopArtists (" + period + ")"
                    : "at least: the sum of the play counts of the first " + number(sum.artistsSummed()) + " of "
                      + number(sum.artistsTotal()) + " artists in user.getTopArtists (" + period + "); the others' "
                      + "plays are not counted");
        }
        long uniqueArtists = plan.artists().page() == null ? plan.artists().artists().size()
                : plan.artists().page().total();
        how.put("uniqueArtists", "the total of user.getTopArtists (" + period + ")");
        Long uniqueAlbums = plan.albums() == null || plan.albums().page() == null ? null : plan.albums().page().total();
        Long uniqueTracks = plan.tracks() == null || plan.tracks().page() == null ? null : plan.tracks().page().total();
        if (uniqueAlbums != null) {
            how.put("uniqueAlbums", "the total of user.getTopAlbums (" + period + ")");
        }
        if (uniqueTracks != null) {
            how.put("uniqueTracks", "the total of user.getTopTracks (" + period + ")");
        }

        Long days = plan.period().isOverall() ? allTime.days() : Long.valueOf(plan.period().days());
        Double perDay = days == null ? null : ListeningStats.perDay(scrobbles, days);
        if (perDay != null) {
            how.put("averagePerDay", "scrobbles ÷ " + number(days) + " days"
                                     + (plan.period().isOverall() ? " since the account was registered" : ""));
        }
        Double share = ListeningStats.topShare(plan.artists().artists(), TOP_SHARE_ARTISTS, scrobbles);
        if (share != null) {
            share = ListeningStats.round(share, 4);
            how.put("top10Share", "plays of the " + TOP_SHARE_ARTISTS + " most played artists ÷ scrobbles");
        }
        List<ListeningStats.Genre> genres = ListeningStats.genres(plan.tagged(), GENRES);
        if (!genres.isEmpty()) {
            how.put("topGenres", "artist.getTopTags of " + StatsMarkdown.tagSource(plan, false) + ": each "
                                 + "artist's first " + ListeningStats.TAGS_PER_ARTIST + " genre tags, weighted by the "
                                 + "artist's plays × the tag's Last.fm count / 100; share = weight ÷ all weights");
        }
        ListeningStats.ListeningTimes listening = plan.recent() == null ? null
                : ListeningStats.listeningTimes(plan.recent().tracks(), plan.zone());
        if (listening != null) {
            how.put("listening", "the " + recent(listening.sampleSize()) + " "
                                 + (plan.period().isOverall() ? "" : "of the period ") + "(one page of "
                                 + "user.getRecentTracks, at most " + plan.settings().statsRecentSample()
                                 + "), in " + plan.zone().getId());
        }
        how.put("allTime", "user.getInfo");
        return new StatsSummary(scrobbles, exact, uniqueArtists, uniqueAlbums, uniqueTracks, days, perDay, share,
                plan.artists().artists().stream().limit(StatsPlan.TOP_SHOWN).toList(),
                plan.albums() == null ? List.of() : plan.albums().albums().stream().limit(StatsPlan.TOP_SHOWN).toList(),
                plan.tracks() == null ? List.of() : plan.tracks().tracks().stream().limit(StatsPlan.TOP_SHOWN).toList(),
                genres, listening, allTime, how);
    }

    /** "most recent scrobble" or "200 most recent scrobbles". */
    static String recent(int count) {
        return count == 1 ? "most recent scrobble" : number(count) + " most recent scrobbles";
    }

    static AllTime allTime(UserInfo profile, Instant now) {
        Long days = profile.registeredAt() == null ? null
                : Math.max(1, Duration.between(profile.registeredAt(), now).toDays());
        Double perDay = days == null || profile.playcount() == null ? null
                : ListeningStats.perDay(profile.playcount(), days);
        return new AllTime(profile.playcount(), profile.artistCount(), profile.albumCount(), profile.trackCount(),
                profile.registeredAt(), days, perDay);
    }
}
