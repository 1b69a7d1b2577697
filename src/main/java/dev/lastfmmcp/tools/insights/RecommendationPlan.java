package dev.lastfmmcp.tools.insights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lastfmmcp.lastfm.LastfmRequest;

import dev.lastfmmcp.lastfm.model.RankedTrack;
import dev.lastfmmcp.lastfm.model.SimilarArtist;
import dev.lastfmmcp.lastfm.model.SimilarArtists;
import dev.lastfmmcp.lastfm.model.TopArtists;
import dev.lastfmmcp.lastfm.model.TopTags;
import dev.lastfmmcp.lastfm.model.TopTracks;

/**
 * The state of one get_music_recommendations call between its phases: (1) the user's seed artists and library,
 * (2) the seeds' similar artists, scored, (3) with a genre, the tags of the best candidates, (4) a top track for each
 * pick. Each phase gives its requests and reads their outcomes; failures of the fan-out phases are noted, not fatal,
 * while the library (phase 1) is essential.
 */
public class RecommendationPlan extends InsightPlan {

    private final String user;
    private final int limit;
    private final String genre;
    private final InsightSettings settings;

    private TopArtists library;
    private Period seedPeriod;
    private List<Recommendations.Seed> seeds = List.of();
    private List<Recommendations.Candidate> candidates = List.of();
    private int similarLists;
    private int genreChecked;
    private int genreUnchecked;
    private List<Recommendations.Candidate> picks = List.of();
    private final Map<String, List<String>> matchedTags = new LinkedHashMap<>();
    private final Map<String, RankedTrack> topTracks = new LinkedHashMap<>();

    public RecommendationPlan(String user, int limit, String genre, InsightSettings settings) {
        this.user = user;
        this.limit = limit;
        this.genre = genre == null || genre.isBlank() ? null : genre.trim();
        this.settings = settings;
        this.seedPeriod = settings.seedPeriod();
    }

    // ---------------------------------------------------------------- phase 1: seeds and library

    LastfmRequest libraryRequest() {
        return LastfmRequest.of("user.getTopArtists", "user", user, "period", Period.OVERALL.value(),
                "limit", String.valueOf(settings.artistListLimit()));
    }

    LastfmRequest seedRequest() {
        return LastfmRequest.of("user.getTopArtists", "user", user, "period", settings.seedPeriod().value(),
                "limit", String.valueOf(settings.seeds()));
    }

    public List<LastfmRequest> firstRequests() {
        List<LastfmRequest> list = settings.seedPeriod().isOverall() ? List.of(libraryRequest())
                : List.of(libraryRequest(), seedRequest());
        return send(list);
    }

    /** The library is essential; the seeds fall back to the all-time top artists when the seed period has none. */
    public void readFirst(Fetches fetched) {
        library = keep(fetched.get(libraryRequest())).require(TopArtists.class);
        if (!settings.seedPeriod().isOverall()) {
            Fetch seedFetch = keep(fetched.get(seedRequest()));
            if (seedFetch.ok()) {
                seeds = Recommendations.seeds(seedFetch.result().as(TopArtists.class).artists(), settings.seeds());
            } else {
                skip("The top artists of " + settings.seedPeriod().words() + " could not be read ("
                            + reason(seedFetch.failure()) + ") The seeds are the all-time top artists.");
            }
        }
        if (seeds.isEmpty()) {
            seedPeriod = Period.OVERALL;
            seeds = Recommendations.seeds(library.artists(), settings.seeds());
        }
    }

    // ---------------------------------------------------------------- phase 2: similar artists, scored

    static LastfmRequest similarRequest(String artist, int limit) {
        return LastfmRequest.of("artist.getSimilar", "artist", artist, "limit", String.valueOf(limit));
    }

    public List<LastfmRequest> similarRequests() {
        List<LastfmRequest> list = seeds.stream()
                .map(seed -> similarRequest(seed.name(), settings.similarPerSeed())).toList();
        return send(list);
    }

    /** Scores the candidates; a seed whose similar artists could not be read is left out (all of them: an error). */
    public void readSimilar(Fetches fetched) {
        Map<String, List<SimilarArtist>> similar = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        Fetch lastFailure = null;
        for (Recommendations.Seed seed : seeds) {
            Fetch fetch = keep(fetched.get(similarRequest(seed.name(), settings.similarPerSeed())));
            if (fetch.ok()) {
                similar.put(seed.name(), fetch.result().as(SimilarArtists.class).artists());
            } else {
                missing.add(seed.name());
                lastFailure = fetch;
            }
        }
        if (!seeds.isEmpty() && similar.isEmpty()) {
            lastFailure.require(SimilarArtists.class);
        }
        if (!missing.isEmpty()) {
            skip("The similar artists of " + String.join(", ", missing) + " could not be read, so "
                        + (missing.size() == 1 ? "that seed adds" : "those seeds add") + " nothing.");
        }
        similarLists = similar.size();
        candidates = Recommendations.score(seeds, similar, Recommendations.Library.of(library.artists()));
        picks = genre == null ? candidates.stream().limit(limit).toList() : List.of();
    }

    // ---------------------------------------------------------------- phase 3 (with a genre): tags of the best

    static LastfmRequest tagRequest(String artist) {
        return StatsPlan.tagRequest(artist);
    }

    /** The best candidates whose tags are checked for the genre. */
    List<Recommendations.Candidate> genreCandidates() {
        return candidates.stream().limit(settings.genreCandidates()).toList();
    }

    public List<LastfmRequest> tagRequests() {
        List<LastfmRequest> list = genre == null ? List.of()
                : genreCandidates().stream().map(c -> tagRequest(c.name())).toList();
        return send(list);
    }

    /** Keeps the candidates tagged with the genre, best first, up to the limit. */
    public void readTags(Fetches fetched) {
        List<Recommendations.Candidate> kept = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (Recommendations.Candidate candidate : genreCandidates()) {
            Fetch fetch = keep(fetched.get(tagRequest(candidate.name())));
            if (!fetch.ok()) {
                unread.add(candidate.name());
                continue;
            }
            List<String> tags = Recommendations.genreTags(fetch.result().as(TopTags.class), genre);
            if (!tags.isEmpty()) {
                matchedTags.put(candidate.name(), tags);
                kept.add(candidate);
            }
        }
        genreChecked = genreCandidates().size() - unread.size();
        genreUnchecked = unread.size();
        if (!unread.isEmpty()) {
            skip("The tags of " + String.join(", ", unread) + " could not be read, so they were not "
                        + "recommended.");
        }
        picks = kept.stream().limit(limit).toList();
    }

    // ---------------------------------------------------------------- phase 4: a track to start with

    static LastfmRequest trackRequest(String artist) {
        return LastfmRequest.of("artist.getTopTracks", "artist", artist, "limit", "1");
    }

    public List<LastfmRequest> trackRequests() {
        List<LastfmRequest> list = picks.stream().map(pick -> trackRequest(pick.name())).toList();
        return send(list);
    }

    public void readTracks(Fetches fetched) {
        List<String> missing = new ArrayList<>();
        Fetch failure = null;
        for (Recommendations.Candidate pick : picks) {
            Fetch fetch = keep(fetched.get(trackRequest(pick.name())));
            List<RankedTrack> tracks = fetch.ok() ? fetch.result().as(TopTracks.class).tracks() : List.of();
            if (!tracks.isEmpty()) {
                topTracks.put(pick.name(), tracks.get(0));
            } else if (!fetch.ok()) {
                missing.add(pick.name());
                failure = failure == null ? fetch : failure;
            }
        }
        if (failure != null) {
            skip("No track to start with for " + String.join(", ", missing) + " ("
                        + reason(failure.failure()) + ")");
        }
    }

    // ---------------------------------------------------------------- helpers and what the phases gathered

    public String user() {
        return user;
    }

    public int limit() {
        return limit;
    }

    /** The genre asked for, or null. */
    public String genre() {
        return genre;
    }

    public InsightSettings settings() {
        return settings;
    }

    public TopArtists library() {
        return library;
    }

    /** The period the seeds come from (all time when the configured one had no plays). */
    public Period seedPeriod() {
        return seedPeriod;
    }

    public List<Recommendations.Seed> seeds() {
        return seeds;
    }

    public List<Recommendations.Candidate> candidates() {
        return candidates;
    }

    /** How many similar-artist lists were read. */
    public int similarLists() {
        return similarLists;
    }

    /** How many candidates had their tags read and checked for the genre. */
    public int genreChecked() {
        return genreChecked;
    }

    /** How many of the best candidates could not be checked for the genre (their tags could not be read). */
    public int genreUnchecked() {
        return genreUnchecked;
    }

    /** How many of the best candidates had their tags looked up: checked plus unchecked. */
    public int genreLookedUp() {
        return genreChecked + genreUnchecked;
    }

    public List<Recommendations.Candidate> picks() {
        return picks;
    }

    public List<String> matchedTags(String artist) {
        return matchedTags.getOrDefault(artist, List.of());
    }

    public RankedTrack topTrack(String artist) {
        return topTracks.get(artist);
    }

    /** The most requests one call can make with these settings, limit and genre. */
    @Override
    public int requestBound() {
        return (settings.seedPeriod().isOverall() ? 1 : 2) + settings.seeds()
               + (genre == null ? 0 : settings.genreCandidates()) + limit;
    }
}
