package dev.lastfmmcp.lastfm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One answered attempt, as a value so that permanent errors (not found, private ...) pass through the circuit
 * breaker without counting as failures: either the successful body or the permanent error.
 */
public record LastfmOutcome(JsonNode body, LastfmException error) {

    public static LastfmOutcome succeeded(JsonNode body) {
        return new LastfmOutcome(body, null);
    }

    public static LastfmOutcome failedWith(LastfmException error) {
        return new LastfmOutcome(null, error);
    }

    public boolean isSuccess() {
        return error == null;
    }

    public boolean isNotFound() {
        return error != null && error.kind() == LastfmErrorKind.NOT_FOUND;
    }
}
