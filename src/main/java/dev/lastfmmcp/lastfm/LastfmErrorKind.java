package dev.lastfmmcp.lastfm;

/** What went wrong with a Last.fm call, as tools tell a person. */
public enum LastfmErrorKind {
    /** error 6: the artist, album, track, user or tag does not exist. */
    NOT_FOUND,
    /** error 17: the user hides their listening history. */
    PRIVATE,
    /** errors 10 and 26: the server's API key is invalid or suspended. */
    BAD_API_KEY,
    /** errors 4 and 9: a session key is invalid or revoked. */
    AUTH_FAILED,
    /** error 13: the signature was rejected (the shared secret is wrong). */
    BAD_SIGNATURE,
    /** error 29 or HTTP 429 after the retries. */
    RATE_LIMITED,
    /** 5xx, errors 8/11/16, timeouts, connection failures, an open circuit breaker. */
    UNAVAILABLE,
    /**
     * A write that must not be repeated (track.scrobble) was sent and its answer was lost: Last.fm may or may not
     * have recorded it.
     */
    UNCONFIRMED,
    /** The server has no API key (or no shared secret for a signed call). */
    NOT_CONFIGURED,
    /** Anything else Last.fm refused (bad parameters and the like). */
    REJECTED
}
