package dev.lastfmmcp.lastfm;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Classification of real recorded error bodies (many arrive with HTTP 200). */
class LastfmErrorsTest {

    private final LastfmErrors errors = new LastfmErrors(AppConfiguration.objectMapper(),
            Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
    private final LastfmRequest artistInfo = LastfmRequest.of("artist.getInfo", "artist", "Radiohed");

    @ParameterizedTest
    @CsvSource({"error__8-operation-failed.json,200", "error__11-service-offline.json,200",
            "error__16-temporary-error.json,200", "error__29-rate-limit-exceeded.json,429",
            "error__8-operation-failed.json,503"})
    void transientErrorsAreThrownForRetry(String fixture, int status) {
        assertThatThrownBy(() -> errors.classify(artistInfo, status, Fixtures.lastfm(fixture), null))
                .isInstanceOf(TransientLastfmException.class);
    }

    @Test
    void serverErrorsAndNonJsonOutagePagesAreTransient() {
        assertThatThrownBy(() -> errors.classify(artistInfo, 502, "<html>Bad gateway</html>", null))
                .isInstanceOf(TransientLastfmException.class);
        assertThatThrownBy(() -> errors.classify(artistInfo, 200, "<lfm status=\"failed\">", null))
                .isInstanceOf(TransientLastfmException.class);
        assertThatThrownBy(() -> errors.classify(artistInfo, 429, "", "7"))
                .isInstanceOfSatisfying(TransientLastfmException.class, e -> {
                    assertThat(e.rateLimited()).isTrue();
                    assertThat(e.retryAfterSeconds()).isEqualTo(7);
                });
    }

    @Test
    void retryAfterMayBeAnHttpDate() {
        assertThat(errors.retryAfterSeconds("Sat, 21 Nov 2026 10:00:30 GMT")).isEqualTo(30);
        assertThat(errors.retryAfterSeconds("soon")).isNull();
    }

    @Test
    void notFoundNamesTheThingAndSuggestsASearch() {
        LastfmOutcome outcome = errors.classify(artistInfo, 404,
                Fixtures.lastfm("artist.getInfo__unknown-artist-error6.json"), null);
        assertThat(outcome.isNotFound()).isTrue();
        assertThat(outcome.error().getMessage()).startsWith("Artist not found: Radiohed.")
                .contains("search_artists(query=\"Radiohed\")");

        LastfmOutcome album = errors.classify(LastfmRequest.of("album.getInfo", "artist", "Cher", "album", "Nope"),
                200, Fixtures.lastfm("album.getInfo__unknown-album-error6.json"), null);
        assertThat(album.error().getMessage()).startsWith("Album not found: Nope by Cher.");

        LastfmOutcome user = errors.classify(LastfmRequest.of("user.getRecentTracks", "user", "nobody_x"), 404,
                Fixtures.lastfm("user.getRecentTracks__unknown-user-error6.json"), null);
        assertThat(user.error().kind()).isEqualTo(LastfmErrorKind.NOT_FOUND);
        assertThat(user.error().getMessage()).startsWith("User not found: nobody_x.");
    }

    @Test
    void privateHistoryBadKeysAndSessions() {
        LastfmRequest recent = LastfmRequest.of("user.getRecentTracks", "user", "hidden");
        assertThat(errors.classify(recent, 403, Fixtures.lastfm("user.getRecentTracks__private-history-error17.json"),
                null).error().kind()).isEqualTo(LastfmErrorKind.PRIVATE);
        LastfmException badKey = errors.classify(recent, 403, Fixtures.lastfm("error__10-invalid-api-key.json"), null)
                .error();
        assertThat(badKey.kind()).isEqualTo(LastfmErrorKind.BAD_API_KEY);
        assertThat(badKey.getMessage()).contains("invalid or suspended").doesNotContain("api_key=");
        assertThat(errors.classify(recent, 403, Fixtures.lastfm("error__26-api-key-suspended.json"), null).error()
                .kind()).isEqualTo(LastfmErrorKind.BAD_API_KEY);
        assertThat(errors.classify(recent, 403, Fixtures.lastfm("error__9-invalid-session-key.json"), null).error()
                .kind()).isEqualTo(LastfmErrorKind.AUTH_FAILED);
        assertThat(errors.classify(recent, 403, Fixtures.lastfm("error__13-invalid-signature.json"), null).error()
                .kind()).isEqualTo(LastfmErrorKind.BAD_SIGNATURE);
    }

    @Test
    void aUserWithoutFriendsIsAnEmptyListNotAnError() {
        LastfmOutcome outcome = errors.classify(LastfmRequest.of("user.getFriends", "user", "letmeridee"), 400,
                Fixtures.lastfm("user.getFriends__letmeridee-no-friends-error6.json"), null);
        assertThat(outcome.isSuccess()).isTrue();
        assertThat(outcome.body().at("/friends/user").isEmpty()).isTrue();
    }

    @Test
    void successBodiesPassThrough() {
        LastfmOutcome outcome = errors.classify(LastfmRequest.of("artist.getInfo", "artist", "The Weeknd"), 200,
                Fixtures.lastfm("artist.getInfo__the-weeknd.json"), null);
        assertThat(outcome.isSuccess()).isTrue();
        assertThat(outcome.body().at("/artist/name").asText()).isEqualTo("The Weeknd");
    }

    @Test
    void unavailableAndRateLimitedMessages() {
        assertThat(LastfmErrors.unavailable(new UpstreamFailure(LastfmErrorKind.RATE_LIMITED, 12L, "x")).getMessage())
                .isEqualTo("Last.fm is rate-limiting this server; try again in 12 s.");
        assertThat(LastfmErrors.unavailable(new UpstreamFailure(LastfmErrorKind.UNAVAILABLE, null,
                "its circuit breaker is open after repeated failures")).getMessage())
                .startsWith("Last.fm is unavailable right now");
    }
}
