package dev.lastfmmcp.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.support.Fingerprint;
import org.infinispan.commons.api.BasicCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 7591 dynamic client registration and the registered clients (Infinispan cache {@code mcp-oauth-clients},
 * JSON strings keyed by client id). A registration is checked whole before anything is stored: redirect URIs
 * ({@link RedirectUris}), grant and response types, the token endpoint authentication method, the scope, sizes. A
 * registration that is never used expires after {@code unusedTtl}; {@link #markUsed} keeps it (then it lives
 * {@code usedTtl} after its last use). A confidential client's secret is returned once and stored only as its
 * SHA-256.
 */
public class ClientRegistry {

    static final int MAX_REDIRECT_URIS = 10;
    static final int MAX_NAME = 100;
    static final int MAX_URI = 2000;
    static final Set<String> GRANTS = Set.of("authorization_code", "refresh_token");
    private static final Logger LOG = LoggerFactory.getLogger(ClientRegistry.class);

    /** Limits and lifetimes of registrations. */
    public record Settings(int maxBodyBytes, Duration unusedTtl, Duration usedTtl) {
    }

    private final Supplier<BasicCache<String, String>> store;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Settings settings;
    private final SecureRandom random = new SecureRandom();

    public ClientRegistry(Supplier<BasicCache<String, String>> store, ObjectMapper mapper, Clock clock,
            Settings settings) {
        this.store = store;
        this.mapper = mapper;
        this.clock = clock;
        this.settings = settings;
    }

    /** A checked registration request, not stored yet. */
    public record Request(String clientName, String clientUri, List<String> redirectUris, List<String> grantTypes,
            String authMethod, String scope) {
    }

    /** Registers the client described by {@code body} and returns the RFC 7591 answer (201), secret included once. */
    public String register(String body) {
        return store(check(body));
    }

    /** Checks a registration request whole; refusals are {@link OAuthError}s and store nothing. */
    public Request check(String body) {
        if (body == null || body.isBlank()) {
            throw OAuthError.invalidClientMetadata("the registration request has no body; send the client metadata "
                                                   + "as a JSON object");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > settings.maxBodyBytes()) {
            throw OAuthError.invalidClientMetadata("the client metadata is larger than " + settings.maxBodyBytes()
                                                   + " bytes");
        }
        JsonNode request;
        try {
            request = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw OAuthError.invalidClientMetadata("the client metadata is not valid JSON");
        }
        if (request == null || !request.isObject()) {
            throw OAuthError.invalidClientMetadata("the client metadata must be a JSON object");
        }
        return check(request, "client_secret_basic");
    }

    /**
     * Checks client metadata (a registration request or a Client ID Metadata Document) that is a JSON object;
     * {@code defaultMethod} is the token endpoint authentication method when the metadata names none.
     */
    Request check(JsonNode request, String defaultMethod) {
        List<String> redirectUris = redirectUris(request.get("redirect_uris"));
        List<String> grants = strings(request, "grant_types", List.of("authorization_code"));
        for (String grant : grants) {
            if (!GRANTS.contains(grant)) {
                throw OAuthError.invalidClientMetadata("grant_types may hold only authorization_code and "
                                                       + "refresh_token");
            }
        }
        if (!grants.contains("authorization_code")) {
            throw OAuthError.invalidClientMetadata("grant_types must include authorization_code");
        }
        for (String type : strings(request, "response_types", List.of("code"))) {
            if (!"code".equals(type)) {
                throw OAuthError.invalidClientMetadata("response_types may hold only code");
            }
        }
        String method = text(request, "token_endpoint_auth_method", defaultMethod, 40);
        if (!OAuthMetadata.AUTH_METHODS.contains(method)) {
            throw OAuthError.invalidClientMetadata("token_endpoint_auth_method must be none, client_secret_post or "
                                                   + "client_secret_basic");
        }
        String scope = text(request, "scope", null, 200);
        if (scope != null) {
            for (String one : scope.trim().split(" +")) {
                if (!Scopes.SUPPORTED.contains(one)) {
                    throw OAuthError.invalidClientMetadata("scope may hold only " + String.join(" ",
                            Scopes.SUPPORTED));
                }
            }
        }
        String name = text(request, "client_name", null, MAX_NAME);
        String clientUri = text(request, "client_uri", null, MAX_URI);
        return new Request(name, clientUri, redirectUris, grants, method, scope);
    }

    /** Stores a checked registration and returns the RFC 7591 answer, the secret of a confidential client once. */
    public String store(Request registration) {
        String name = registration.clientName();
        String clientUri = registration.clientUri();
        List<String> redirectUris = registration.redirectUris();
        List<String> grants = registration.grantTypes();
        String method = registration.authMethod();
        String scope = registration.scope();
        String clientId = randomToken(16);
        String secret = "none".equals(method) ? null : randomToken(32);
        Instant now = clock.instant();
        RegisteredClient client = new RegisteredClient(clientId, name, redirectUris, grants, method, scope,
                secret == null ? null : sha256(secret), now, false);
        store.get().put(clientId, write(client, clientUri), settings.unusedTtl().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Registered OAuth client {} ({}, {})", Fingerprint.of(clientId),
                name == null ? "no name" : "'" + name.replaceAll("[^\\p{L}\\p{N} ._-]", "?") + "'", method);

        ObjectNode answer = mapper.createObjectNode();
        answer.put("client_id", clientId);
        answer.put("client_id_issued_at", now.getEpochSecond());
        if (secret != null) {
            answer.put("client_secret", secret);
            answer.put("client_secret_expires_at", 0);
        }
        ArrayNode uris = answer.putArray("redirect_uris");
        redirectUris.forEach(uris::add);
        ArrayNode grantTypes = answer.putArray("grant_types");
        grants.forEach(grantTypes::add);
        answer.putArray("response_types").add("code");
        answer.put("token_endpoint_auth_method", method);
        if (name != null) {
            answer.put("client_name", name);
        }
        if (clientUri != null) {
            answer.put("client_uri", clientUri);
        }
        if (scope != null) {
            answer.put("scope", scope);
        }
        return answer.toString();
    }

    /** The registered client {@code clientId}; empty when unknown, expired or malformed. */
    public Optional<RegisteredClient> find(String clientId) {
        if (clientId == null || clientId.length() > 64) {
            return Optional.empty();
        }
        String stored = store.get().get(clientId);
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(mapper.readTree(stored)));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The client took part in an authorization: it no longer expires unused, but {@code usedTtl} after this use. */
    public void markUsed(RegisteredClient client) {
        String stored = store.get().get(client.clientId());
        if (stored != null) {
            try {
                ObjectNode node = (ObjectNode) mapper.readTree(stored);
                node.put("used", true);
                store.get().put(client.clientId(), node.toString(), settings.usedTtl().toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable client record", e);
            }
        }
    }

    /** Whether {@code secret} is the client's secret (constant time). */
    public static boolean secretMatches(RegisteredClient client, String secret) {
        if (client.secretHash() == null || secret == null) {
            return false;
        }
        return MessageDigest.isEqual(client.secretHash().getBytes(StandardCharsets.US_ASCII),
                sha256(secret).getBytes(StandardCharsets.US_ASCII));
    }

    private List<String> redirectUris(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw OAuthError.invalidRedirectUri("redirect_uris is required: a non-empty array of URIs");
        }
        if (node.size() > MAX_REDIRECT_URIS) {
            throw OAuthError.invalidRedirectUri("at most " + MAX_REDIRECT_URIS + " redirect URIs");
        }
        Set<String> uris = new LinkedHashSet<>();
        for (JsonNode uri : node) {
            String problem = uri.isTextual() ? RedirectUris.problem(uri.asText()) : "a redirect URI must be a string";
            if (problem != null) {
                throw OAuthError.invalidRedirectUri(problem);
            }
            uris.add(uri.asText());
        }
        return List.copyOf(uris);
    }

    private static List<String> strings(JsonNode request, String field, List<String> absent) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return absent;
        }
        if (!node.isArray() || node.isEmpty() || node.size() > 5) {
            throw OAuthError.invalidClientMetadata(field + " must be a short non-empty array of strings");
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode value : node) {
            if (!value.isTextual()) {
                throw OAuthError.invalidClientMetadata(field + " must be an array of strings");
            }
            values.add(value.asText());
        }
        return List.copyOf(values);
    }

    private static String text(JsonNode request, String field, String absent, int max) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return absent;
        }
        if (!node.isTextual() || node.asText().length() > max) {
            throw OAuthError.invalidClientMetadata(field + " must be a string of at most " + max + " characters");
        }
        return node.asText();
    }

    private String write(RegisteredClient client, String clientUri) {
        ObjectNode node = mapper.createObjectNode();
        node.put("client_id", client.clientId());
        node.put("client_name", client.clientName());
        client.redirectUris().forEach(node.putArray("redirect_uris")::add);
        client.grantTypes().forEach(node.putArray("grant_types")::add);
        node.put("auth_method", client.authMethod());
        node.put("scope", client.scope());
        node.put("secret_hash", client.secretHash());
        node.put("client_uri", clientUri);
        node.put("issued_at", client.issuedAt().toEpochMilli());
        node.put("used", client.used());
        return node.toString();
    }

    private static RegisteredClient read(JsonNode node) {
        List<String> uris = new ArrayList<>();
        node.path("redirect_uris").forEach(uri -> uris.add(uri.asText()));
        List<String> grants = new ArrayList<>();
        node.path("grant_types").forEach(grant -> grants.add(grant.asText()));
        return new RegisteredClient(node.path("client_id").asText(), node.path("client_name").textValue(),
                List.copyOf(uris), List.copyOf(grants), node.path("auth_method").asText(),
                node.path("scope").textValue(), node.path("secret_hash").textValue(),
                Instant.ofEpochMilli(node.path("issued_at").asLong()), node.path("used").asBoolean());
    }

    String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static String sha256(String value) {
        return dev.lastfmmcp.support.Fingerprint.sha256(value);
    }
}
