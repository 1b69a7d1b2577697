package dev.lastfmmcp.lastfm;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static dev.lastfmmcp.format.Markdown.quote;

/**
 * Reads one HTTP answer from Last.fm, which often reports errors with HTTP 200 and {@code {"error": N}}: a success,
 * a permanent error (a typed {@link LastfmException} with a sentence a person understands), or a transient failure
 * (thrown, retried, counted by the circuit breaker).
 */
public class LastfmErrors {

    /** Errors worth retrying: operation failed, service offline, temporary error, rate limit. */
    static final Set<Integer> TRANSIENT_CODES = Set.of(8, 11, 16, 29);

    private final ObjectMapper mapper;
    private final Clock clock;

    public LastfmErrors(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public LastfmOutcome classify(LastfmRequest request, int status, String body, String retryAfter) {
        Long retryAfterSeconds = retryAfterSeconds(retryAfter);
        JsonNode json = parse(body);
        if (json == null || !json.isObject()) {
            if (status >= 200 && status < 300 && json != null) {
                throw new TransientLastfmException(status, 0, retryAfterSeconds, "unexpected JSON from Last.fm");
            }
            if (status == 429 || status >= 500 || status < 300) {
                throw new TransientLastfmException(status, 0, retryAfterSeconds,
                        "Last.fm answered HTTP " + status + " without JSON");
            }
            return LastfmOutcome.failedWith(new LastfmException(LastfmErrorKind.REJECTED, 0,
                    "Last.fm refused the request (HTTP " + status + ")."));
        }
        JsonNode error = json.get("error");
        if (error == null) {
            if (status == 429 || status >= 500) {
                throw new TransientLastfmException(status, 0, retryAfterSeconds, "Last.fm answered HTTP " + status);
            }
            if (status >= 400) {
                return LastfmOutcome.failedWith(new LastfmException(LastfmErrorKind.REJECTED, 0,
                        "Last.fm refused the request (HTTP " + status + ")."));
            }
            return LastfmOutcome.succeeded(json);
        }
        int code = error.asInt(0);
        String message = json.path("message").asText("");
        if (TRANSIENT_CODES.contains(code) || status == 429 || status >= 500) {
            throw new TransientLastfmException(status, code, retryAfterSeconds,
                    "Last.fm error " + code + ": " + message);
        }
        if (code == 6 && request.methodKey().equals("user.getfriends") && message.contains("no such page")) {
            // Last.fm's answer for a user without friends: an empty list, not an error
            ObjectNode friends = mapper.createObjectNode();
            friends.putArray("user");
            friends.putObject("@attr").put("user", request.param("user")).put("page", "1").put("perPage", "0")
                    .put("totalPages", "0").put("total", "0");
            ObjectNode empty = mapper.createObjectNode();
            empty.set("friends", friends);
            return LastfmOutcome.succeeded(empty);
        }
        return LastfmOutcome.failedWith(permanent(request, code, message));
    }

    /** The sentence for a permanent error code. */
    static LastfmException permanent(LastfmRequest request, int code, String message) {
        return switch (code) {
            case 6 -> message.toLowerCase(Locale.ROOT).contains("not found")
                      || message.toLowerCase(Locale.ROOT).contains("could not be found")
                      || message.toLowerCase(Locale.ROOT).contains("no user with that name")
                    ? notFound(request, code) : rejected(code, message);
            case 17 -> new LastfmException(LastfmErrorKind.PRIVATE, code,
                    "This user's listening history is private"
                    + (request.param("user") == null ? "" : " (" + request.param("user") + ")")
                    + ": they have hidden their recent listening on Last.fm, so it cannot be read.");
            case 10, 26 -> new LastfmException(LastfmErrorKind.BAD_API_KEY, code,
                    "The server's Last.fm API key is invalid or suspended (Last.fm error " + code + "). "
                    + "The server's operator needs to check LASTFM_API_KEY.");
            case 4, 9 -> new LastfmException(LastfmErrorKind.AUTH_FAILED, code,
                    "Last.fm did not accept the sign-in (error " + code + "): sign in to Last.fm again.");
            case 13 -> new LastfmException(LastfmErrorKind.BAD_SIGNATURE, code,
                    "Last.fm rejected the request signature (error 13): the server's LASTFM_SHARED_SECRET does not "
                    + "belong to its API key.");
            default -> rejected(code, message);
        };
    }

    private static LastfmException rejected(int code, String message) {
        return new LastfmException(LastfmErrorKind.REJECTED, code,
                "Last.fm refused the request (error " + code + (message.isBlank() ? "" : ": " + message) + ").");
    }

    /** "artist not found: X" with a suggestion that helps a model correct itself. */
    static LastfmException notFound(LastfmRequest request, int code) {
        String method = request.methodKey();
        String artist = request.param("artist");
        String text;
        if (method.startsWith("user.")) {
            String user = request.param("user");
            text = "User not found: " + user + ". Check the Last.fm username (it is the name in "
                   + "https://www.last.fm/user/<name>).";
        } else if (method.startsWith("album.")) {
            String album = request.param("album");
            text = "Album not found: " + album + (artist == null ? "" : " by " + artist) + ". Check the spelling, "
                   + "or look it up with search_albums(query=" + quote(album == null ? "" : album) + ").";
        } else if (method.startsWith("track.")) {
            String track = request.param("track");
            text = "Track not found: " + track + (artist == null ? "" : " by " + artist) + ". Check the spelling, "
                   + "or look it up with search_tracks(query=" + quote(track == null ? "" : track)
                   + (artist == null ? "" : ", artist=" + quote(artist)) + ").";
        } else if (method.startsWith("artist.")) {
            text = "Artist not found: " + artist + ". Check the spelling, or look it up with search_artists(query="
                   + quote(artist == null ? "" : artist) + ").";
        } else if (method.startsWith("tag.")) {
            text = "Tag not found: " + request.param("tag") + ".";
        } else {
            text = "Not found on Last.fm.";
        }
        return new LastfmException(LastfmErrorKind.NOT_FOUND, code, text);
    }

    /** What the caller hears when the breaker fell back and no stale copy exists. */
    public static LastfmException unavailable(UpstreamFailure failure) {
        if (failure.answerLost()) {
            return new LastfmException(LastfmErrorKind.UNCONFIRMED, 0, "Last.fm's answer to this write was lost ("
                    + failure.detail() + "): it may or may not have been recorded, so it was not sent again. Check "
                    + "recent tracks before sending it once more.");
        }
        if (failure.busy()) {
            return new LastfmException(LastfmErrorKind.RATE_LIMITED, 0, "Last.fm is busy: this server's requests to it "
                    + "are queued to stay within Last.fm's rate limit; retry in " + failure.retryAfterSeconds()
                    + " s.", failure.retryAfterSeconds());
        }
        if (failure.kind() == LastfmErrorKind.RATE_LIMITED) {
            long seconds = failure.retryAfterSeconds() == null ? 30 : Math.max(1, failure.retryAfterSeconds());
            return new LastfmException(LastfmErrorKind.RATE_LIMITED, 29,
                    "Last.fm is rate-limiting this server; try again in " + seconds + " s.", seconds);
        }
        return new LastfmException(LastfmErrorKind.UNAVAILABLE, 0,
                "Last.fm is unavailable right now (" + failure.detail() + "); try again in a minute.");
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /** Retry-After as seconds: delta-seconds or an HTTP date; null when absent or unreadable. */
    Long retryAfterSeconds(String retryAfter) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return null;
        }
        String value = retryAfter.trim();
        try {
            return Math.max(0, Long.parseLong(value));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(clock.instant(), at.toInstant()).toSeconds());
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }
}
