package dev.lastfmmcp.signin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.support.Fingerprint;
import org.infinispan.commons.api.BasicCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-in store (Infinispan cache {@code mcp-signins}, persisted under the data directory so sign-ins survive a
 * restart, and shared by the nodes of a cluster): sign-in id -> Last.fm user and session key. Entries are JSON
 * strings keyed by the SHA-256 of the id, so the store on disk holds no usable id; the session key is sealed by
 * {@link SecretBox} with the id as associated data. A sign-in lives {@code ttl} after its last use: each use that
 * comes more than {@code touchInterval} after the recorded one writes the new time (and re-seals a value made under
 * a previous key), so a busy sign-in costs one write per interval, not one per request.
 */
public class SignIns {

    /** 32 random bytes, base64url: 256 bits. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern STORE_KEY = Pattern.compile("[0-9a-f]{64}");
    /** The member of a sign-in marked invalid: when Last.fm rejected its session key (epoch seconds). */
    private static final String INVALID = "invalid";
    private static final Logger LOG = LoggerFactory.getLogger(SignIns.class);

    private final Supplier<BasicCache<String, String>> store;
    private final SecretBox box;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration ttl;
    private final Duration touchInterval;
    private final SecureRandom random = new SecureRandom();

    /** @param store the cache, looked up at first use (the cache manager starts lazily) */
    public SignIns(Supplier<BasicCache<String, String>> store, SecretBox box, ObjectMapper mapper, Clock clock, Duration ttl) {
        this.store = store;
        this.box = box;
        this.mapper = mapper;
        this.clock = clock;
        this.ttl = ttl;
        Duration tenth = ttl.dividedBy(10);
        this.touchInterval = tenth.compareTo(Duration.ofHours(1)) < 0 ? tenth : Duration.ofHours(1);
    }

    public Duration ttl() {
        return ttl;
    }

    /** A new sign-in: its id (shown once, to the user) and when it was made. */
    public record Created(String id, Instant createdAt) {
        @Override
        public String toString() {
            return "Created[" + Fingerprint.of(id) + " at " + createdAt + "]";
        }
    }

    /** Stores a new sign-in. */
    public Created create(String user, String sessionKey, String via) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        write(id, user, box.seal(sessionKey, id), via, now, now, false);
        LOG.info("Signed in Last.fm user {} ({} {})", user, via, Fingerprint.of(id));
        return new Created(id, now);
    }

    /** The live sign-in of {@code id}; empty for an unknown, expired, signed-out or malformed id. */
    public Optional<SignIn> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        String stored = store.get().get(key(id));
        if (stored == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = mapper.readTree(stored);
            if (node.has(INVALID)) {
                return Optional.empty();
            }
            Instant created = Instant.ofEpochSecond(node.path("created").asLong());
            Instant lastUsed = Instant.ofEpochSecond(node.path("lastUsed").asLong());
            Instant now = clock.instant();
            if (lastUsed.plus(ttl).isBefore(now)) {
                store.get().remove(key(id));
                return Optional.empty();
            }
            String user = node.path("user").asText();
            String via = node.path("via").asText(SignIn.VIA_SESSION_URL);
            SecretBox.Opened key = box.open(node.path("key").asText(), id);
            if (key.stale() || Duration.between(lastUsed, now).compareTo(touchInterval) >= 0) {
                String sealed = key.stale() ? box.seal(key.plaintext(), id) : node.path("key").asText();
                // asynchronous: a use (on an event loop, for GET streams) never waits for the disk
                write(id, user, sealed, via, created, now, true);
                lastUsed = now;
            }
            return Optional.of(new SignIn(user, key.plaintext(), via, created, lastUsed, Fingerprint.of(id), key(id)));
        } catch (JsonProcessingException | SecretBox.SealedValueException e) {
            LOG.warn("Sign-in {} cannot be read ({}); it is treated as signed out", Fingerprint.of(id),
                    e instanceof SecretBox.SealedValueException ? e.getMessage() : "not JSON");
            return Optional.empty();
        }
    }

    /**
     * Marks the sign-in stored under {@code storeKey} ({@link SignIn#storeKey()}) invalid because Last.fm rejected its
     * session key (error 9): the session key is deleted at once and {@link #find} no longer finds the sign-in, but a
     * marker (user, how, when; no key) stays for the sign-in's time to live, so {@link #rejected} can tell a request
     * that still uses it why. How the sign-in was made ({@code session-url} or {@code oauth}); empty when it was gone.
     */
    public Optional<String> invalidate(String storeKey) {
        if (storeKey == null || !STORE_KEY.matcher(storeKey).matches()) {
            return Optional.empty();
        }
        String stored = store.get().get(storeKey);
        if (stored == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = mapper.readTree(stored);
            String via = node.path("via").asText(SignIn.VIA_SESSION_URL);
            if (!node.has(INVALID)) {
                ObjectNode marker = mapper.createObjectNode();
                marker.put("user", node.path("user").asText());
                marker.put("via", via);
                marker.put("created", node.path("created").asLong());
                marker.put(INVALID, clock.instant().getEpochSecond());
                store.get().put(storeKey, marker.toString(), ttl.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("Sign-in {} of Last.fm user {} marked invalid: Last.fm rejected its session key",
                        storeKey.substring(0, 16), node.path("user").asText());
            }
            return Optional.of(via);
        } catch (JsonProcessingException e) {
            store.get().remove(storeKey);
            return Optional.of(SignIn.VIA_SESSION_URL);
        }
    }

    /** Whether {@code id} names a sign-in that was marked invalid because Last.fm rejected its session key. */
    public boolean rejected(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return false;
        }
        String stored = store.get().get(key(id));
        if (stored == null) {
            return false;
        }
        try {
            return mapper.readTree(stored).has(INVALID);
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Signs out: the stored session key is gone at once. Whether there was such a sign-in. */
    public boolean delete(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return false;
        }
        boolean removed = store.get().remove(key(id)) != null;
        if (removed) {
            LOG.info("Signed out {}", Fingerprint.of(id));
        }
        return removed;
    }

    private void write(String id, String user, String sealedKey, String via, Instant created, Instant lastUsed,
            boolean async) {
        ObjectNode node = mapper.createObjectNode();
        node.put("user", user);
        node.put("key", sealedKey);
        node.put("keyId", sealedKey.split("\\.")[1]);
        node.put("via", via);
        node.put("created", created.getEpochSecond());
        node.put("lastUsed", lastUsed.getEpochSecond());
        if (async) {
            store.get().putAsync(key(id), node.toString(), ttl.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            store.get().put(key(id), node.toString(), ttl.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The store key: the id's full SHA-256, so the store does not hold usable ids. */
    private static String key(String id) {
        return Fingerprint.sha256(id);
    }
}
