package dev.lastfmmcp.tools.insights;

/**
 * The bounds of the insight tools ({@code insights.*} in {@code application.properties}): they cap how many Last.fm
 * requests one use of a tool can make.
 *
 * @param artistListLimit       size of the one page of a user's top artists read by the stats (the period's
 *                              scrobbles are summed over it), by compare_users and as the recommendations' library
 *                              (1–1000, Last.fm's page limit)
 * @param statsTagArtists       how many of the period's top artists have their tags read for the top genres
 * @param statsRecentSample     how many recent scrobbles the listening-time charts are computed from (1–200, one
 *                              page of user.getRecentTracks)
 * @param seeds                 how many top artists seed the recommendations
 * @param seedPeriod            the period whose top artists are the seeds (all-time top artists when it is empty)
 * @param similarPerSeed        how many similar artists are read per seed (1–250)
 * @param genreCandidates       how many of the best candidates have their tags checked when a genre is asked for
 */
public record InsightSettings(int artistListLimit, int statsTagArtists, int statsRecentSample, int seeds,
        Period seedPeriod, int similarPerSeed, int genreCandidates) {

    public InsightSettings {
        check("insights.artist-list-limit", artistListLimit, 1, 1000);
        check("insights.stats.tag-artists", statsTagArtists, 0, 50);
        check("insights.stats.recent-sample", statsRecentSample, 1, 200);
        check("insights.recommendations.seeds", seeds, 1, 50);
        check("insights.recommendations.similar-per-seed", similarPerSeed, 1, 250);
        check("insights.recommendations.genre-candidates", genreCandidates, 1, 200);
        if (seedPeriod == null) {
            throw new IllegalArgumentException("insights.recommendations.seed-period is required");
        }
    }

    /** The defaults of {@code application.properties}. */
    public static InsightSettings defaults() {
        return new InsightSettings(1000, 10, 200, 10, Period.SIX_MONTHS, 50, 50);
    }

    private static void check(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", not " + value);
        }
    }
}
