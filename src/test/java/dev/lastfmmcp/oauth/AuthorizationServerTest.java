package dev.lastfmmcp.oauth;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.signin.SecretBox;
import dev.lastfmmcp.support.TestClock;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The authorization server's rules without HTTP: client authentication (public, client_secret_post,
 * client_secret_basic and every way they fail), a token family's life (code, refresh rotation, narrowing, reuse of a
 * code or of a rotated refresh token revoking the family, revocation by its client only), and what /mcp accepts
 * (expiry, another resource, an unknown or overlong token).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationServerTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String REDIRECT = "https://app.example/cb";

    private final ObjectMapper mapper = AppConfiguration.objectMapper();
    private final AtomicReference<String> base = new AtomicReference<>("https://mcp.example.org");
    private final TestClock clock = new TestClock("2026-12-07T10:00:00Z");
    private DefaultCacheManager manager;
    private Cache<String, String> clientStore;
    private Cache<String, String> pending;
    private Cache<String, String> tokens;
    private ClientRegistry clients;
    private AuthorizationServer server;

    @BeforeAll
    void start() {
        manager = new DefaultCacheManager();
        for (String name : List.of("clients", "pending", "tokens")) {
            manager.defineConfiguration(name, new ConfigurationBuilder().build());
        }
        clientStore = manager.getCache("clients");
        pending = manager.getCache("pending");
        tokens = manager.getCache("tokens");
        clients = new ClientRegistry(() -> clientStore, mapper, clock,
                new ClientRegistry.Settings(4096, Duration.ofHours(1), Duration.ofDays(1)));
        ClientMetadataDocuments documents = new ClientMetadataDocuments(() -> pending, clients, mapper, clock,
                new ClientMetadataDocuments.Settings(Duration.ofSeconds(1), 1024, Duration.ofMinutes(1),
                        Duration.ofHours(1), false), (uri, timeout, max) -> {
                    throw new java.io.IOException("no network in unit tests");
                }, host -> new java.net.InetAddress[] {java.net.InetAddress.getByName("93.184.215.14")});
        this.documents = documents;
        server = server(new SecretBox(key(7), List.of()));
    }

    private ClientMetadataDocuments documents;

    private static byte[] key(int first) {
        byte[] key = new byte[32];
        key[0] = (byte) first;
        return key;
    }

    /** A server over the same stores with other encryption keys (another node, or after a restart). */
    private AuthorizationServer server(SecretBox box) {
        return new AuthorizationServer(clients, documents, new OAuthMetadata(base::get, "Last.fm", mapper),
                () -> pending, () -> tokens, box, mapper, clock,
                new AuthorizationServer.Settings(Duration.ofMinutes(10), Duration.ofSeconds(60), Duration.ofHours(1),
                        Duration.ofDays(30)), signInId -> !invalidSignIns.contains(signInId));
    }

    /** The sign-ins Last.fm no longer accepts (error 9) or that expired, as SignIns.find would not find them. */
    private final java.util.Set<String> invalidSignIns = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @AfterAll
    void stop() {
        manager.stop();
    }

    @BeforeEach
    void clear() {
        clientStore.clear();
        pending.clear();
        tokens.clear();
        invalidSignIns.clear();
        base.set("https://mcp.example.org");
    }

    private JsonNode register(String method, String scope) throws Exception {
        return mapper.readTree(clients.store(clients.check("{\"client_name\":\"App\",\"redirect_uris\":[\"" + REDIRECT
                + "\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"token_endpoint_auth_method\":\""
                + method + "\"" + (scope == null ? "" : ",\"scope\":\"" + scope + "\"") + "}")));
    }

    /** /authorize, consent and the callback: the code the client receives. */
    private String code(String clientId, String scope) {
        Map<String, String> params = new HashMap<>(Map.of("response_type", "code", "client_id", clientId,
                "redirect_uri", REDIRECT, "code_challenge", AuthorizationServer.s256(VERIFIER),
                "code_challenge_method", "S256", "state", "s1", "resource", base.get() + "/mcp"));
        if (scope != null) {
            params.put("scope", scope);
        }
        AuthorizationServer.Pending request = server.authorize(params);
        server.consent(request);
        assertThat(server.pending(request.txn()).orElseThrow().consented()).isTrue();
        assertThat(server.finish(request.txn())).isTrue();
        String location = server.issueCode(request, "sign-in-1", "AliceListens");
        assertThat(location).startsWith(REDIRECT + "?code=").contains("&state=s1&iss=");
        String code = location.substring(location.indexOf("code=") + 5, location.indexOf('&'));
        return URLDecoder.decode(code, StandardCharsets.UTF_8);
    }

    private static Map<String, String> exchange(String code, String clientId) {
        Map<String, String> params = new HashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "code_verifier", VERIFIER));
        if (clientId != null) {
            params.put("client_id", clientId);
        }
        return params;
    }

    private static Map<String, String> refresh(String refreshToken, String clientId) {
        return new HashMap<>(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id",
                clientId));
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static void refused(Runnable call, int status, String error) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(OAuthError.class, e -> {
            assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.error()).as(e.getMessage()).isEqualTo(error);
        });
    }

    @Test
    void aFamilyLivesThroughRefreshesAndDiesWhenARotatedTokenComesBack() throws Exception {
        String id = register("none", "lastfm:read lastfm:write").get("client_id").asText();
        AuthorizationServer.Tokens first = server.token(exchange(code(id, null), id), null);
        assertThat(first.scope()).isEqualTo("lastfm:read lastfm:write");
        assertThat(first.expiresIn()).isEqualTo(3600);
        Grant grant = server.resolve(first.accessToken()).orElseThrow();
        assertThat(grant.signInId()).isEqualTo("sign-in-1");
        assertThat(grant.clientId()).isEqualTo(id);
        assertThat(grant.clientName()).isEqualTo("App");
        assertThat(grant.allows("lastfm:write")).isTrue();
        assertThat(tokens.values().toString()).doesNotContain(first.accessToken(), first.refreshToken(), "sign-in-1");

        Map<String, String> narrowed = refresh(first.refreshToken(), id);
        narrowed.put("scope", " lastfm:read ");
        AuthorizationServer.Tokens second = server.token(narrowed, null);
        assertThat(second.scope()).isEqualTo("lastfm:read");
        assertThat(server.resolve(second.accessToken()).orElseThrow().allows("lastfm:write")).isFalse();
        Map<String, String> widened = refresh(second.refreshToken(), id);
        widened.put("scope", "lastfm:read admin");
        refused(() -> server.token(widened, null), 400, "invalid_scope");

        // the rotated (first) refresh token again: the family is revoked, every token of it dead
        refused(() -> server.token(refresh(first.refreshToken(), id), null), 400, "invalid_grant");
        assertThat(server.resolve(second.accessToken())).isEmpty();
        refused(() -> server.token(refresh(second.refreshToken(), id), null), 400, "invalid_grant");
    }

    @Test
    void aRefreshAfterTheSignInStoppedWorkingIsRefusedAndEndsTheFamily() throws Exception {
        String id = register("none", null).get("client_id").asText();
        AuthorizationServer.Tokens first = server.token(exchange(code(id, null), id), null);
        AuthorizationServer.Tokens second = server.token(refresh(first.refreshToken(), id), null);
        // Last.fm answered error 9 for this user's session key: the sign-in is marked invalid
        invalidSignIns.add("sign-in-1");
        assertThatThrownBy(() -> server.token(refresh(second.refreshToken(), id), null))
                .isInstanceOfSatisfying(OAuthError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error()).isEqualTo("invalid_grant");
                    assertThat(e.getMessage()).contains("sign in again");
                });
        assertThat(server.resolve(second.accessToken())).as("the family is revoked").isEmpty();
        // a later sign-in of the same user with a fresh authorization works again
        invalidSignIns.clear();
        AuthorizationServer.Tokens again = server.token(exchange(code(id, null), id), null);
        assertThat(server.token(refresh(again.refreshToken(), id), null).accessToken()).isNotBlank();
    }

    @Test
    void aCodeWorksOnceForItsClientRedirectVerifierAndResource() throws Exception {
        String id = register("none", null).get("client_id").asText();
        String other = register("none", null).get("client_id").asText();
        refused(() -> server.token(exchange(code(id, null), other), null), 400, "invalid_grant");
        Map<String, String> redirect = exchange(code(id, null), id);
        redirect.put("redirect_uri", REDIRECT + "/x");
        refused(() -> server.token(redirect, null), 400, "invalid_grant");
        Map<String, String> verifier = exchange(code(id, null), id);
        verifier.put("code_verifier", "short");
        refused(() -> server.token(verifier, null), 400, "invalid_grant");
        Map<String, String> target = exchange(code(id, null), id);
        target.put("resource", "https://other.example/mcp");
        refused(() -> server.token(target, null), 400, "invalid_target");
        Map<String, String> noCode = exchange("x", id);
        noCode.remove("code");
        refused(() -> server.token(noCode, null), 400, "invalid_request");

        String code = code(id, "lastfm:write");
        AuthorizationServer.Tokens issued = server.token(exchange(code, id), null);
        assertThat(issued.scope()).isEqualTo("lastfm:write");
        refused(() -> server.token(exchange(code, id), null), 400, "invalid_grant");
        assertThat(server.resolve(issued.accessToken())).as("a reused code revokes its tokens").isEmpty();
    }

    @Test
    void confidentialClientsProveTheirSecretOneWayAtATime() throws Exception {
        JsonNode client = register("client_secret_basic", null);
        String id = client.get("client_id").asText();
        String secret = client.get("client_secret").asText();
        String code = code(id, null);
        Map<String, String> post = exchange(code, id);
        post.put("client_secret", secret + "x");
        refused(() -> server.token(post, null), 401, "invalid_client");
        refused(() -> server.token(exchange(code, id), null), 401, "invalid_client");
        refused(() -> server.token(exchange(code, null), basic(id, "wrong")), 401, "invalid_client");
        refused(() -> server.token(exchange(code, null), "Basic %%%"), 401, "invalid_client");
        refused(() -> server.token(exchange(code, null), "Basic " + Base64.getEncoder().encodeToString(
                "nocolon".getBytes(StandardCharsets.UTF_8))), 401, "invalid_client");
        refused(() -> server.token(exchange(code, null), basic("%zz", secret)), 401, "invalid_client");
        refused(() -> server.token(exchange(code, "someone"), basic(id, secret)), 401, "invalid_client");
        Map<String, String> both = exchange(code, null);
        both.put("client_secret", secret);
        refused(() -> server.token(both, basic(id, secret)), 400, "invalid_request");
        refused(() -> server.token(exchange(code, null), null), 401, "invalid_client");
        refused(() -> server.token(exchange(code, "unknown"), null), 401, "invalid_client");
        Map<String, String> noGrant = exchange(code, id);
        noGrant.remove("grant_type");
        refused(() -> server.token(noGrant, basic(id, secret)), 400, "invalid_request");
        Map<String, String> password = exchange(code, id);
        password.put("grant_type", "password");
        refused(() -> server.token(password, basic(id, secret)), 400, "unsupported_grant_type");

        AuthorizationServer.Tokens issued = server.token(exchange(code, null), "basic " + Base64.getEncoder()
                .encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        Map<String, String> withPost = refresh(issued.refreshToken(), id);
        withPost.put("client_secret", secret);
        assertThat(server.token(withPost, null).accessToken()).isNotBlank();

        String publicId = register("none", null).get("client_id").asText();
        Map<String, String> publicWithSecret = exchange(code(publicId, null), publicId);
        publicWithSecret.put("client_secret", "guess");
        refused(() -> server.token(publicWithSecret, null), 401, "invalid_client");
    }

    @Test
    void revocationEndsTheFamilyOfItsOwnClientOnly() throws Exception {
        String id = register("none", null).get("client_id").asText();
        String other = register("none", null).get("client_id").asText();
        AuthorizationServer.Tokens issued = server.token(exchange(code(id, null), id), null);
        server.revoke(Map.of("token", issued.accessToken(), "client_id", other), null);
        server.revoke(Map.of("token", "unknown", "client_id", id), null);
        assertThat(server.resolve(issued.accessToken())).isPresent();
        refused(() -> server.revoke(Map.of("client_id", id), null), 400, "invalid_request");
        refused(() -> server.revoke(Map.of("token", issued.accessToken(), "client_id", "nobody"), null), 401,
                "invalid_client");
        server.revoke(Map.of("token", issued.accessToken(), "client_id", id), null);
        assertThat(server.resolve(issued.accessToken())).isEmpty();
        refused(() -> server.token(refresh(issued.refreshToken(), id), null), 400, "invalid_grant");
    }

    /**
     * An encryption key rotation: a refresh re-seals the family's sign-in with the new key, so its tokens still work
     * once the old key is dropped; a family no configured key opens is revoked at its next refresh.
     */
    @Test
    void aRefreshReSealsTheFamilyWithTheActiveKey() throws Exception {
        String id = register("none", null).get("client_id").asText();
        AuthorizationServer.Tokens issued = server.token(exchange(code(id, null), id), null);
        AuthorizationServer rotating = server(new SecretBox(key(8), List.of(key(7))));
        assertThat(rotating.resolve(issued.accessToken())).as("the previous key still opens it").isPresent();
        AuthorizationServer.Tokens refreshed = rotating.token(refresh(issued.refreshToken(), id), null);
        AuthorizationServer rotated = server(new SecretBox(key(8), List.of()));
        assertThat(rotated.resolve(refreshed.accessToken()).orElseThrow().signInId()).isEqualTo("sign-in-1");

        AuthorizationServer lost = server(new SecretBox(key(9), List.of()));
        assertThat(lost.resolve(refreshed.accessToken())).isEmpty();
        refused(() -> lost.token(refresh(refreshed.refreshToken(), id), null), 400, "invalid_grant");
        assertThat(rotated.resolve(refreshed.accessToken())).as("the family is revoked").isEmpty();
    }

    @Test
    void mcpAcceptsOnlyLiveTokensForThisResource() throws Exception {
        String id = register("none", null).get("client_id").asText();
        AuthorizationServer.Tokens issued = server.token(exchange(code(id, null), id), null);
        assertThat(server.resolve(null)).isEmpty();
        assertThat(server.resolve("x".repeat(201))).isEmpty();
        assertThat(server.resolve("unknown")).isEmpty();
        base.set("https://elsewhere.example");
        assertThat(server.resolve(issued.accessToken())).as("issued for another resource").isEmpty();
        base.set("https://mcp.example.org");
        assertThat(server.resolve(issued.accessToken())).isPresent();
        clock.advance(Duration.ofHours(1));
        assertThat(server.resolve(issued.accessToken())).as("expired").isEmpty();
        clock.set(Instant.parse("2026-12-07T10:00:00Z"));
    }

    @Test
    void authorizationRequestsAreCheckedBeforeAnythingIsStored() throws Exception {
        String id = register("none", null).get("client_id").asText();
        refused(() -> server.authorize(Map.of("response_type", "code")), 400, "invalid_request");
        refused(() -> server.authorize(Map.of("client_id", "nobody")), 400, "invalid_client");
        refused(() -> server.authorize(Map.of("client_id", id, "redirect_uri", "https://evil.example/cb")), 400,
                "invalid_request");
        assertThatThrownBy(() -> server.authorize(Map.of("client_id", id, "response_type", "code",
                "code_challenge", "too-short", "code_challenge_method", "S256"))).isInstanceOfSatisfying(
                RedirectError.class, e -> assertThat(URI.create(e.location()).getRawQuery())
                        .startsWith("error=invalid_request").doesNotContain("state="));
        assertThat(pending.size()).isZero();
        assertThat(server.pending("not-a-txn")).isEmpty();
        assertThat(server.pending(null)).isEmpty();
        assertThat(server.pending("a".repeat(43))).isEmpty();
        assertThat(AuthorizationServer.narrow("lastfm:read", null)).isEqualTo("lastfm:read");
        assertThat(AuthorizationServer.scope(null, null)).isEqualTo("lastfm:read");
        assertThat(AuthorizationServer.scope("lastfm:write lastfm:write", null)).isEqualTo("lastfm:write");
        assertThat(AuthorizationServer.scope("", "lastfm:read lastfm:write")).isEqualTo("lastfm:read lastfm:write");
        assertThat(AuthorizationServer.scope("openid", null)).isNull();
    }
}
