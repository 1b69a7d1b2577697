package dev.lastfmmcp.lastfm;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether Last.fm accepts the server's API key, as its answers say: refused since error 10 or 26 (invalid or
 * suspended key), accepted again from the next answer that is not a key refusal. Read by {@code /health}.
 */
public class LastfmKeyStatus {

    /** The latest refusal: the error code and when it came. */
    public record Refusal(int code, Instant at) {
    }

    private final Clock clock;
    private final AtomicReference<Refusal> refusal = new AtomicReference<>();

    public LastfmKeyStatus(Clock clock) {
        this.clock = clock;
    }

    /** Records what one Last.fm answer says about the key. */
    public void observe(LastfmOutcome outcome) {
        if (outcome.error() != null && outcome.error().kind() == LastfmErrorKind.BAD_API_KEY) {
            refusal.set(new Refusal(outcome.error().code(), clock.instant()));
        } else {
            refusal.set(null);
        }
    }

    public Optional<Refusal> refusal() {
        return Optional.ofNullable(refusal.get());
    }
}
