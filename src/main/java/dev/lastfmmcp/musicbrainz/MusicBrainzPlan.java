package dev.lastfmmcp.musicbrainz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The GETs one enrichment needs, run by the {@code musicbrainz-lookup} loop (exchange variable {@code mbPlan}): an
 * artist search when there is no MBID, then the lookup; or the release group of an album's release, or a release
 * group search. After each answer {@link #advance} either sets the next GET or finishes with a result.
 */
public class MusicBrainzPlan {

    static final String ARTIST_INC = "url-rels+tags+genres";

    private final MusicBrainzRequest request;
    private final MusicBrainzMapper mapper;
    private String path;
    private String query;
    private Step step;
    private Enrichment result;

    private enum Step {
        ARTIST_SEARCH, ARTIST_LOOKUP, RELEASE_LOOKUP, RELEASE_GROUP_SEARCH
    }

    public MusicBrainzPlan(MusicBrainzRequest request, MusicBrainzMapper mapper) {
        this.request = request;
        this.mapper = mapper;
        if (request.kind() == MusicBrainzRequest.Kind.ARTIST) {
            if (request.mbid() != null) {
                artistLookup(request.mbid());
            } else {
                step = Step.ARTIST_SEARCH;
                path = "artist";
                query = "query=" + encode("artist:\"" + luceneEscape(request.name()) + "\"") + "&limit=5&fmt=json";
            }
        } else if (request.mbid() != null) {
            step = Step.RELEASE_LOOKUP;
            path = "release/" + request.mbid();
            query = "inc=release-groups&fmt=json";
        } else {
            step = Step.RELEASE_GROUP_SEARCH;
            path = "release-group";
            query = "query=" + encode("releasegroup:\"" + luceneEscape(request.name()) + "\" AND artist:\""
                                      + luceneEscape(request.artist() == null ? "" : request.artist()) + "\"")
                    + "&limit=5&fmt=json";
        }
    }

    private void artistLookup(String mbid) {
        step = Step.ARTIST_LOOKUP;
        path = "artist/" + mbid;
        query = "inc=" + ARTIST_INC + "&fmt=json";
    }

    /** Whether another GET is due. */
    public boolean isPending() {
        return result == null;
    }

    public String getPath() {
        return path;
    }

    public String getQuery() {
        return query;
    }

    public Enrichment getResult() {
        return result;
    }

    /** Consumes one answer (null: MusicBrainz has nothing at that path). */
    public void advance(JsonNode answer) {
        if (answer == null) {
            result = Enrichment.none("MusicBrainz has no entry for " + describe());
            return;
        }
        switch (step) {
            case ARTIST_SEARCH -> {
                Optional<ArtistMatch> match = mapper.confidentMatch(answer, request.name());
                if (match.isPresent()) {
                    artistLookup(match.get().mbid());
                } else {
                    result = Enrichment.none("MusicBrainz has no confident match for " + describe());
                }
            }
            case ARTIST_LOOKUP -> result = Enrichment.of(mapper.artist(answer));
            case RELEASE_LOOKUP -> {
                JsonNode group = answer.get("release-group");
                result = group == null || !group.isObject()
                        ? Enrichment.none("MusicBrainz has no release group for " + describe())
                        : Enrichment.of(mapper.releaseGroup(group));
            }
            case RELEASE_GROUP_SEARCH -> result = mapper.confidentReleaseGroup(answer, request.name(),
                    request.artist()).map(Enrichment::of)
                    .orElseGet(() -> Enrichment.none("MusicBrainz has no confident match for " + describe()));
            default -> throw new IllegalStateException(step.name());
        }
    }

    private String describe() {
        String what = request.name() != null ? request.name() : request.mbid();
        return request.artist() == null ? what : what + " by " + request.artist();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Escapes Lucene query syntax inside a quoted phrase. */
    static String luceneEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
