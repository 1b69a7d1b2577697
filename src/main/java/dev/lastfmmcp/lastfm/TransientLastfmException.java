package dev.lastfmmcp.lastfm;

/**
 * A failure worth retrying (HTTP 5xx or 429, errors 8, 11, 16, 29, a body that is not JSON). Thrown inside the
 * circuit breaker, so it counts against it; never shown to clients as such.
 */
public class TransientLastfmException extends RuntimeException {

    private final int status;
    private final int code;
    private final Long retryAfterSeconds;

    public TransientLastfmException(int status, int code, Long retryAfterSeconds, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public boolean rateLimited() {
        return status == 429 || code == 29;
    }
}
