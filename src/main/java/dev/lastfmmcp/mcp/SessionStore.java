package dev.lastfmmcp.mcp;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * MCP sessions behind a {@link ConcurrentMap} of id → JSON. In the running server the map is the Infinispan cache
 * {@code mcp-sessions}, whose max-idle expiry is the session idle timeout; a clustered or remote cache can take its
 * place without changes here.
 */
public class SessionStore {

    /** Longest session id we look up; anything longer cannot be one of ours. */
    private static final int MAX_ID_LENGTH = 128;

    private final Supplier<? extends ConcurrentMap<String, String>> store;
    private final ObjectMapper mapper;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final SessionQuota quota;
    /**
     * The sessions last read, with the JSON they were read from: a request reads its session once or twice, and
     * parsing the JSON (capabilities included) each time cost about 4 % of a cached tool call's CPU.
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, Parsed> parsed =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).build();

    private record Parsed(String json, Session session) {
    }

    public SessionStore(Supplier<? extends ConcurrentMap<String, String>> store, ObjectMapper mapper, Clock clock) {
        this(store, mapper, clock, new SessionQuota(Integer.MAX_VALUE, Integer.MAX_VALUE, 60));
    }

    public SessionStore(Supplier<? extends ConcurrentMap<String, String>> store, ObjectMapper mapper, Clock clock,
            SessionQuota quota) {
        this.store = store;
        this.mapper = mapper;
        this.clock = clock;
        this.quota = quota;
    }

    /** Throws a 503 (with Retry-After) when the server or this client address has no room for another session. */
    public void checkRoom(String client) {
        quota.checkRoom(client);
    }

    /** Forgets a session that ended some way (deleted, expired, evicted) so it no longer counts. */
    public void ended(String sessionId) {
        quota.release(sessionId);
    }

    /** A new session with a 256-bit random id (base64url: visible ASCII only), counted against the quota. */
    public Session create(String protocolVersion, String clientName, String clientVersion,
            Map<String, Object> clientCapabilities) {
        return create(protocolVersion, clientName, clientVersion, clientCapabilities, null);
    }

    /** As {@link #create(String, String, String, Map)}, for {@code client} (its address). */
    public Session create(String protocolVersion, String clientName, String clientVersion,
            Map<String, Object> clientCapabilities, String client) {
        return create(protocolVersion, clientName, clientVersion, clientCapabilities, client, null);
    }

    /** As above, for a session started with the sign-in of fingerprint {@code signIn} (null: anonymous). */
    public Session create(String protocolVersion, String clientName, String clientVersion,
            Map<String, Object> clientCapabilities, String client, String signIn) {
        checkRoom(client);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Session session = new Session(id, protocolVersion, clientName, clientVersion, clientCapabilities,
                clock.instant(), null, signIn);
        quota.opened(id, client);
        save(session);
        return session;
    }

    /** The session, or empty when the id is unknown, expired or deleted. Reading it counts as activity. */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return Optional.empty();
        }
        String json = store.get().get(id);
        if (json == null) {
            parsed.invalidate(id);
            return Optional.empty();
        }
        Parsed known = parsed.getIfPresent(id);
        if (known != null && (known.json() == json || known.json().equals(json))) {
            return Optional.of(known.session());
        }
        try {
            Session session = mapper.readValue(json, Session.class);
            parsed.put(id, new Parsed(json, session));
            return Optional.of(session);
        } catch (JsonProcessingException e) {
            store.get().remove(id);
            return Optional.empty();
        }
    }

    public void save(Session session) {
        try {
            store.get().put(session.id(), mapper.writeValueAsString(session));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a session could not be written", e);
        }
    }

    /**
     * Ends every session started with the sign-in of fingerprint {@code signIn} (after its sign-out); their streams
     * and subscriptions end with them. A scan of the store, made only on sign-out. Returns how many ended.
     */
    public int deleteSignedIn(String signIn) {
        String marker = "\"signIn\":\"" + signIn + "\"";
        int ended = 0;
        for (Map.Entry<String, String> entry : List.copyOf(store.get().entrySet())) {
            if (entry.getValue().contains(marker) && store.get().remove(entry.getKey()) != null) {
                ended++;
            }
        }
        return ended;
    }

    /** Ends a session; true when it existed. */
    public boolean delete(String id) {
        return id != null && store.get().remove(id) != null;
    }

    public int size() {
        return store.get().size();
    }
}
