package dev.lastfmmcp.musicbrainz;

/**
 * MusicBrainz answered 5xx or something that is not JSON. Thrown inside MusicBrainz's circuit breaker, so it counts
 * as an outage; a rate limit, a GET not sent (busy) and a refused request (4xx) are values and do not.
 */
public class MusicBrainzOutageException extends RuntimeException {

    private final int status;

    public MusicBrainzOutageException(int status) {
        super(status == 200 ? "MusicBrainz answered with something that is not JSON"
                : "MusicBrainz answered HTTP " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
