package dev.lastfmmcp.lastfm;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.lastfmmcp.config.AppConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The answers that are neither a recorded fixture nor a plain success: odd statuses, odd bodies, odd requests. */
class LastfmErrorsCornerCasesTest {

    private final LastfmErrors errors = new LastfmErrors(AppConfiguration.objectMapper(),
            Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
    private final LastfmRequest artistInfo = LastfmRequest.of("artist.getInfo", "artist", "Radiohed");

    private LastfmException permanent(LastfmRequest request, String body) {
        LastfmOutcome outcome = errors.classify(request, 200, body, null);
        assertThat(outcome.isSuccess()).isFalse();
        return outcome.error();
    }

    @Test
    void jsonThatIsNotAnObjectIsTransientOnSuccessAndRejectedOnA4xx() {
        assertThatThrownBy(() -> errors.classify(artistInfo, 200, "[1,2]", null))
                .isInstanceOf(TransientLastfmException.class).hasMessageContaining("unexpected JSON");
        assertThatThrownBy(() -> errors.classify(artistInfo, 204, null, null))
                .isInstanceOf(TransientLastfmException.class).hasMessageContaining("HTTP 204 without JSON");
        LastfmOutcome notJson = errors.classify(artistInfo, 404, "<html>no</html>", null);
        assertThat(notJson.error().kind()).isEqualTo(LastfmErrorKind.REJECTED);
        assertThat(notJson.error().getMessage()).isEqualTo("Last.fm refused the request (HTTP 404).");
    }

    @Test
    void anObjectWithoutAnErrorFollowsTheStatus() {
        assertThatThrownBy(() -> errors.classify(artistInfo, 503, "{\"artist\":{}}", "3"))
                .isInstanceOfSatisfying(TransientLastfmException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(3));
        assertThatThrownBy(() -> errors.classify(artistInfo, 429, "{}", null))
                .isInstanceOf(TransientLastfmException.class);
        LastfmOutcome forbidden = errors.classify(artistInfo, 403, "{}", null);
        assertThat(forbidden.error().kind()).isEqualTo(LastfmErrorKind.REJECTED);
        assertThat(forbidden.error().getMessage()).isEqualTo("Last.fm refused the request (HTTP 403).");
    }

    @Test
    void aPermanentCodeOnAServerErrorIsStillRetried() {
        assertThatThrownBy(() -> errors.classify(artistInfo, 500, "{\"error\":6,\"message\":\"not found\"}", null))
                .isInstanceOf(TransientLastfmException.class).hasMessage("Last.fm error 6: not found");
        assertThatThrownBy(() -> errors.classify(artistInfo, 429, "{\"error\":6,\"message\":\"x\"}", null))
                .isInstanceOf(TransientLastfmException.class);
    }

    @Test
    void otherCodesAreRefusalsWithLastfmsMessageWhenItGaveOne() {
        assertThat(permanent(artistInfo, "{\"error\":7,\"message\":\"Invalid resource specified\"}").getMessage())
                .isEqualTo("Last.fm refused the request (error 7: Invalid resource specified).");
        assertThat(permanent(artistInfo, "{\"error\":7}").getMessage())
                .isEqualTo("Last.fm refused the request (error 7).");
        // code 6 means "invalid parameters" unless the message says something is missing
        LastfmException invalid = permanent(artistInfo, "{\"error\":6,\"message\":\"Invalid parameters\"}");
        assertThat(invalid.kind()).isEqualTo(LastfmErrorKind.REJECTED);
        assertThat(permanent(artistInfo, "{\"error\":6,\"message\":\"The artist could not be found\"}").kind())
                .isEqualTo(LastfmErrorKind.NOT_FOUND);
        assertThat(permanent(LastfmRequest.of("user.getInfo", "user", "x"),
                "{\"error\":6,\"message\":\"No user with that name was found\"}").kind())
                .isEqualTo(LastfmErrorKind.NOT_FOUND);
    }

    @Test
    void aFriendlessAnswerIsOnlyEmptyForGetFriendsAndItsNoSuchPage() {
        assertThat(errors.classify(LastfmRequest.of("user.getFriends", "user", "x"), 200,
                "{\"error\":6,\"message\":\"User not found\"}", null).isNotFound()).isTrue();
        assertThat(errors.classify(LastfmRequest.of("user.getInfo", "user", "x"), 200,
                "{\"error\":6,\"message\":\"no such page\"}", null).error().kind())
                .isEqualTo(LastfmErrorKind.REJECTED);
    }

    @Test
    void notFoundSentencesForEveryKindOfThing() {
        assertThat(LastfmErrors.notFound(LastfmRequest.of("album.getInfo", "album", "Nope"), 6).getMessage())
                .isEqualTo("Album not found: Nope. Check the spelling, or look it up with search_albums(query=\"Nope\").");
        assertThat(LastfmErrors.notFound(LastfmRequest.of("track.getInfo", "track", "Song"), 6).getMessage())
                .isEqualTo("Track not found: Song. Check the spelling, or look it up with search_tracks(query=\"Song\").");
        assertThat(LastfmErrors.notFound(LastfmRequest.of("track.getInfo", "artist", "Band", "track", "Song"), 6)
                .getMessage()).isEqualTo("Track not found: Song by Band. Check the spelling, or look it up with "
                        + "search_tracks(query=\"Song\", artist=\"Band\").");
        assertThat(LastfmErrors.notFound(LastfmRequest.of("tag.getInfo", "tag", "zzz"), 6).getMessage())
                .isEqualTo("Tag not found: zzz.");
        assertThat(LastfmErrors.notFound(LastfmRequest.of("geo.getTopArtists", "country", "Atlantis"), 6)
                .getMessage()).isEqualTo("Not found on Last.fm.");
        assertThat(LastfmErrors.notFound(LastfmRequest.of("album.search"), 6).getMessage())
                .contains("search_albums(query=\"\")");
        assertThat(LastfmErrors.notFound(LastfmRequest.of("track.search"), 6).getMessage())
                .contains("search_tracks(query=\"\")");
        assertThat(LastfmErrors.notFound(LastfmRequest.of("artist.search"), 6).getMessage())
                .contains("search_artists(query=\"\")");
    }

    @Test
    void privateHistoryNamesTheUserWhenTheRequestHadOne() {
        assertThat(LastfmErrors.permanent(LastfmRequest.of("user.getRecentTracks", "user", "hidden"), 17, "")
                .getMessage()).startsWith("This user's listening history is private (hidden):");
        assertThat(LastfmErrors.permanent(LastfmRequest.of("user.getRecentTracks"), 17, "").getMessage())
                .startsWith("This user's listening history is private:");
        assertThat(LastfmErrors.permanent(artistInfo, 4, "").kind()).isEqualTo(LastfmErrorKind.AUTH_FAILED);
    }

    @Test
    void rateLimitedWithoutRetryAfterWaitsThirtySecondsAndNeverZero() {
        assertThat(LastfmErrors.unavailable(new UpstreamFailure(LastfmErrorKind.RATE_LIMITED, null, "x"))
                .retryAfterSeconds()).isEqualTo(30);
        assertThat(LastfmErrors.unavailable(new UpstreamFailure(LastfmErrorKind.RATE_LIMITED, 0L, "x"))
                .getMessage()).isEqualTo("Last.fm is rate-limiting this server; try again in 1 s.");
    }

    @Test
    void retryAfterIsNeverNegativeAndBlankIsAbsent() {
        assertThat(errors.retryAfterSeconds(" ")).isNull();
        assertThat(errors.retryAfterSeconds(null)).isNull();
        assertThat(errors.retryAfterSeconds("-5")).isZero();
        assertThat(errors.retryAfterSeconds("Sat, 21 Nov 2026 09:59:00 GMT")).isZero();
        assertThat(errors.retryAfterSeconds(" 12 ")).isEqualTo(12);
    }
}
