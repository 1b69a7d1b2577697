package dev.lastfmmcp.tools.insights;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.lastfmmcp.lastfm.LastfmRequest;

import dev.lastfmmcp.lastfm.model.RankedArtist;
import dev.lastfmmcp.lastfm.model.RecentTracks;
import dev.lastfmmcp.lastfm.model.TopAlbums;
import dev.lastfmmcp.lastfm.model.TopArtists;
import dev.lastfmmcp.lastfm.model.TopTags;
import dev.lastfmmcp.lastfm.model.TopTracks;
import dev.lastfmmcp.lastfm.model.UserInfo;
import dev.lastfmmcp.jsonrpc.ToolException;

/**
 * The state of one get_listening_stats call between its phases: the requests of each phase (profile and top lists
 * and recent scrobbles, then the tags of the top artists) and what they returned. Essential answers (profile, top
 * artists) fail the tool when missing; the others are noted as skipped.
 */
public class StatsPlan extends InsightPlan {

    /** How many top albums and tracks are shown. */
    static final int TOP_SHOWN = 5;

    private final String user;
    private final Period period;
    private final ZoneId zone;
    private final Instant now;
    private final Instant from;
    private final InsightSettings settings;

    private UserInfo profile;
    private TopArtists artists;
    private TopAlbums albums;
    private TopTracks tracks;
    private RecentTracks recent;
    private final List<ListeningStats.TaggedArtist> tagged = new ArrayList<>();
    private final List<String> untagged = new ArrayList<>();
    private int tagLookups;

    public StatsPlan(String user, Period period, ZoneId zone, Instant now, InsightSettings settings) {
        this.user = user;
        this.period = period;
        this.zone = zone;
        this.now = now;
        this.from = period.start(now);
        this.settings = settings;
    }

    /** The time zone the tool was given; a clear error for names Java does not know. */
    public static ZoneId zone(String timezone) {
        if (timezone == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new ToolException("Unknown timezone \"" + timezone + "\": give an IANA time zone name such as "
                                    + "\"Europe/Berlin\", \"America/New_York\" or \"UTC\".");
        }
    }

    // ---------------------------------------------------------------- phase 1: profile, top lists, recent scrobbles

    LastfmRequest infoRequest() {
        return LastfmRequest.of("user.getInfo", "user", user);
    }

    LastfmRequest topArtistsRequest() {
        return LastfmRequest.of("user.getTopArtists", "user", user, "period", period.value(),
                "limit", String.valueOf(settings.artistListLimit()));
    }

    LastfmRequest topAlbumsRequest() {
        return LastfmRequest.of("user.getTopAlbums", "user", user, "period", period.value(),
                "limit", String.valueOf(TOP_SHOWN));
    }

    LastfmRequest topTracksRequest() {
        return LastfmRequest.of("user.getTopTracks", "user", user, "period", period.value(),
                "limit", String.valueOf(TOP_SHOWN));
    }

    LastfmRequest recentRequest() {
        return LastfmRequest.of("user.getRecentTracks", "user", user,
                "limit", String.valueOf(settings.statsRecentSample()),
                "from", from == null ? null : String.valueOf(from.getEpochSecond()));
    }

    public List<LastfmRequest> firstRequests() {
        List<LastfmRequest> list = List.of(infoRequest(), topArtistsRequest(), topAlbumsRequest(),
                topTracksRequest(), recentRequest());
        return send(list);
    }

    /** Reads phase 1; the profile and the top artists are essential (their failure is the tool's). */
    public void readFirst(Fetches fetched) {
        profile = keep(fetched.get(infoRequest())).require(UserInfo.class);
        artists = keep(fetched.get(topArtistsRequest())).require(TopArtists.class);
        albums = optional(fetched.get(topAlbumsRequest()), TopAlbums.class, "top albums and the number of albums");
        tracks = optional(fetched.get(topTracksRequest()), TopTracks.class, "top tracks and the number of tracks");
        recent = optional(fetched.get(recentRequest()), RecentTracks.class, "listening times");
    }

    // ---------------------------------------------------------------- phase 2: tags of the top artists

    /** The top artists whose tags give the genres (those with plays, at most the configured number). */
    List<RankedArtist> tagArtists() {
        return artists.artists().stream().filter(artist -> ListeningStats.plays(artist) > 0)
                .limit(settings.statsTagArtists()).toList();
    }

    static LastfmRequest tagRequest(String artist) {
        return LastfmRequest.of("artist.getTopTags", "artist", artist);
    }

    public List<LastfmRequest> tagRequests() {
        List<LastfmRequest> list = tagArtists().stream().map(artist -> tagRequest(artist.name())).toList();
        return send(list);
    }

    public void readTags(Fetches fetched) {
        List<String> missing = new ArrayList<>();
        for (RankedArtist artist : tagArtists()) {
            Fetch fetch = keep(fetched.get(tagRequest(artist.name())));
            if (fetch.ok()) {
                tagged.add(new ListeningStats.TaggedArtist(artist.name(), ListeningStats.plays(artist),
                        fetch.result().as(TopTags.class)));
            } else {
                missing.add(artist.name());
            }
        }
        tagLookups = tagArtists().size();
        untagged.addAll(missing);
        if (!missing.isEmpty()) {
            skip("The tags of " + String.join(", ", missing) + " could not be read, so the genres leave "
                        + (missing.size() == 1 ? "that artist" : "those artists") + " out.");
        }
    }

    // ---------------------------------------------------------------- helpers

    private <T> T optional(Fetch fetch, Class<T> type, String what) {
        if (keep(fetch).ok()) {
            return fetch.result().as(type);
        }
        skip("No " + what + ": " + reason(fetch.failure()));
        return null;
    }

    // ---------------------------------------------------------------- what the phases gathered

    public String user() {
        return user;
    }

    /** The user's name as Last.fm spells it (the profile's), else as given. */
    public String displayName() {
        return profile != null && profile.name() != null ? profile.name() : user;
    }

    public Period period() {
        return period;
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return now;
    }

    /** Where the period starts (null for all time). */
    public Instant from() {
        return from;
    }

    public InsightSettings settings() {
        return settings;
    }

    public UserInfo profile() {
        return profile;
    }

    public TopArtists artists() {
        return artists;
    }

    public TopAlbums albums() {
        return albums;
    }

    public TopTracks tracks() {
        return tracks;
    }

    public RecentTracks recent() {
        return recent;
    }

    public List<ListeningStats.TaggedArtist> tagged() {
        return List.copyOf(tagged);
    }

    /** How many of the most played artists had their tags looked up for the genres (read or not). */
    public int tagLookups() {
        return tagLookups;
    }

    /** The artists whose tags were looked up but could not be read (the genres leave them out). */
    public List<String> untagged() {
        return List.copyOf(untagged);
    }

    /** The most requests one call can make: 5 plus the tagged artists. */
    @Override
    public int requestBound() {
        return 5 + settings.statsTagArtists();
    }
}
