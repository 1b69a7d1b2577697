package dev.lastfmmcp.lastfm;

import dev.lastfmmcp.jsonrpc.ToolException;

/**
 * A Last.fm call that ended without data, as a typed outcome: tools turn it into an {@code isError} result whose text
 * is this message. Messages never contain the API key, the shared secret or session keys.
 */
public class LastfmException extends ToolException {

    private final LastfmErrorKind kind;
    private final int code;
    private final Long retryAfterSeconds;

    public LastfmException(LastfmErrorKind kind, int code, String message, Long retryAfterSeconds) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public LastfmException(LastfmErrorKind kind, int code, String message) {
        this(kind, code, message, null);
    }

    public LastfmErrorKind kind() {
        return kind;
    }

    /** The Last.fm error code, or 0 when the failure was not a Last.fm error body. */
    public int code() {
        return code;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
