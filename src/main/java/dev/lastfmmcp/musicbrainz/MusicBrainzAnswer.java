package dev.lastfmmcp.musicbrainz;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One MusicBrainz answer as a value: the HTTP status, the JSON body (200 only), and for a 503 whether MusicBrainz said
 * it was rate-limiting and the {@code Retry-After} it gave (seconds, or null). {@link #busy} stands for a GET that was
 * never sent because no pacing slot was free in time (status 0).
 */
public record MusicBrainzAnswer(int status, JsonNode body, boolean rateLimited, Long retryAfterSeconds) {

    /** Not sent: the pacer had no slot within its bounds; try again in {@code retryAfterSeconds}. */
    public static MusicBrainzAnswer busy(long retryAfterSeconds) {
        return new MusicBrainzAnswer(BUSY, null, false, retryAfterSeconds);
    }

    static final int BUSY = -1;

    public boolean isBusy() {
        return status == BUSY;
    }

    /** MusicBrainz is rate-limiting this server (503 with its message or a Retry-After). Not an outage. */
    public boolean isRateLimited() {
        return status == 503 && rateLimited;
    }

    public boolean isOk() {
        return status == 200 && body != null;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /** A 4xx other than 404: MusicBrainz refused this request (bad query, blocked User-Agent); not an outage. */
    public boolean isRefused() {
        return status >= 400 && status < 500 && status != 404;
    }

    /** A 5xx (other than a rate limit), or a 200 whose body is not JSON: MusicBrainz is down or overloaded. */
    public boolean isOutage() {
        return !isOk() && !isNotFound() && !isRefused() && !isBusy() && !isRateLimited();
    }
}
