package dev.lastfmmcp.lastfm;

/** Why the circuit breaker fell back: what the caller is told when no stale copy can be served. */
public record UpstreamFailure(LastfmErrorKind kind, Long retryAfterSeconds, String detail) {
}
