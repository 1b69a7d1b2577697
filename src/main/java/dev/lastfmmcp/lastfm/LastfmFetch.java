package dev.lastfmmcp.lastfm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one upstream fetch came to, settled from the circuit breaker's result (exchange variable
 * {@code lastfmFetch}): {@code lastfm-fetch} makes one choice on {@link #outcome()}.
 *
 * @param outcome what happens next
 * @param body    Last.fm's answer ({@link Outcome#FRESH})
 * @param error   the permanent error to raise ({@link Outcome#NOT_FOUND}, {@link Outcome#ERROR})
 * @param failure why Last.fm could not answer ({@link Outcome#UNAVAILABLE})
 */
public record LastfmFetch(Outcome outcome, JsonNode body, LastfmException error, UpstreamFailure failure) {

    /** The branches of {@code lastfm-fetch}. */
    public enum Outcome {
        /** An answer: normalise, cache, return it fresh. */
        FRESH,
        /** Last.fm's "not found": remember it briefly, then raise it. */
        NOT_FOUND,
        /**
         * No answer (breaker open, attempts exhausted, rate limited, this server's request budget saturated): the
         * stale copy, or fail clearly.
         */
        UNAVAILABLE,
        /** Any other permanent error (private, invalid parameters ...): raise it as it is. */
        ERROR
    }

    /**
     * The fetch's result: {@link Outcome#UNAVAILABLE} (busy) when its first attempt got no request slot (the breaker
     * was skipped, nothing was sent), else the breaker's result.
     */
    public static LastfmFetch settle(Object result, Attempts attempt) {
        if (attempt != null && attempt.isBusy()) {
            return new LastfmFetch(Outcome.UNAVAILABLE, null, null,
                    UpstreamFailure.busy(attempt.busyRetryAfterSeconds()));
        }
        return settle(result);
    }

    /** The breaker's result: the attempts' {@link LastfmOutcome}, or the fallback's {@link UpstreamFailure}. */
    public static LastfmFetch settle(Object result) {
        if (result instanceof UpstreamFailure failure) {
            return new LastfmFetch(Outcome.UNAVAILABLE, null, null, failure);
        }
        if (result instanceof LastfmOutcome answer) {
            if (answer.isSuccess()) {
                return new LastfmFetch(Outcome.FRESH, answer.body(), null, null);
            }
            return new LastfmFetch(answer.isNotFound() ? Outcome.NOT_FOUND : Outcome.ERROR, null, answer.error(), null);
        }
        throw new IllegalStateException("a Last.fm fetch ended with neither an answer nor a failure: "
                + (result == null ? "null" : result.getClass().getName()));
    }
}
