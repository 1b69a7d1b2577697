package dev.lastfmmcp.oauth;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * At most {@code perWindow} client registrations per client address in a fixed window that starts with the
 * address's first registration; the addresses remembered are bounded, so a flood of addresses costs bounded memory.
 */
public class RegistrationLimiter {

    private final int perWindow;
    private final Duration window;
    private final Cache<String, AtomicInteger> counts;

    public RegistrationLimiter(int perWindow, Duration window) {
        this.perWindow = perWindow;
        this.window = window;
        this.counts = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
    }

    /** Counts one registration from {@code address}; refused (429) beyond the limit. */
    public void acquire(String address) {
        int count = counts.get(address == null ? "" : address, key -> new AtomicInteger()).incrementAndGet();
        if (count > perWindow) {
            throw new OAuthError(429, "invalid_request", "too many client registrations from this address; "
                                                         + "try again in " + window.toMinutes() + " minutes");
        }
    }

    public Duration window() {
        return window;
    }
}
