package dev.lastfmmcp.jsonrpc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A 2026-07-28 request that cannot go on without something only the client can give (a confirmation, a user name, a
 * sampling answer): it is answered with an {@code input_required} result carrying the {@code inputRequests} (key to
 * {@code {method, params}}) and a {@code requestState} the client echoes when it retries with its
 * {@code inputResponses}. Thrown where the question arises; the stateless dispatch turns it into the result. Never a
 * tool failure: it is not an {@code isError} result.
 */
public class InputRequiredException extends RuntimeException {

    private final transient Map<String, Object> inputRequests;
    private final String requestState;

    /**
     * @param inputRequests key to the request object ({@code method} and {@code params}), in the order asked
     * @param requestState  the signed state the retry must carry; null for none
     */
    public InputRequiredException(Map<String, Object> inputRequests, String requestState) {
        super("Input required: " + String.join(", ", inputRequests.keySet()), null, false, false);
        this.inputRequests = new LinkedHashMap<>(inputRequests);
        this.requestState = requestState;
    }

    public Map<String, Object> inputRequests() {
        return inputRequests;
    }

    public String requestState() {
        return requestState;
    }
}
