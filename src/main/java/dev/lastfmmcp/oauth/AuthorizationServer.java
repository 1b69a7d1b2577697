package dev.lastfmmcp.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.signin.SecretBox;
import dev.lastfmmcp.support.Fingerprint;
import org.infinispan.commons.api.BasicCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorization server's rules (OAuth 2.1 with PKCE S256, RFC 8707 resources, RFC 9207 {@code iss}, RFC 7009
 * revocation), with its state in two Infinispan caches of JSON strings: {@code pending} (authorization
 * transactions, codes and used-code markers, short-lived) and {@code tokens} (token families, access and refresh
 * tokens). Every secret value (code, access token, refresh token) is stored only as its SHA-256; the sign-in id a
 * family stands for is sealed with the {@link SecretBox}, the family id as associated data.
 *
 * <p>A family is one authorization: its code, its access tokens and its refresh tokens. Reusing a code or a rotated
 * refresh token revokes the whole family; so does revoking any of its tokens.
 */
public class AuthorizationServer {

    static final Pattern PKCE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    static final Pattern TXN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationServer.class);

    /** Lifetimes: a transaction from /authorize to the callback, a code, an access token, a refresh token. */
    public record Settings(Duration transactionTtl, Duration codeTtl, Duration accessTtl, Duration refreshTtl) {
    }

    /** An authorization request that passed every check, waiting for consent and Last.fm. */
    public record Pending(String txn, RegisteredClient client, String redirectUri, String challenge, String resource,
            String scope, String state, boolean consented) {
    }

    /** A token answer (RFC 6749 §5.1). */
    public record Tokens(String accessToken, String refreshToken, long expiresIn, String scope) {
    }

    private final java.util.function.Predicate<String> signInValid;
    private final ClientRegistry clients;
    private final ClientMetadataDocuments documents;
    private final OAuthMetadata metadata;
    private final Supplier<BasicCache<String, String>> pending;
    private final Supplier<BasicCache<String, String>> tokens;
    private final SecretBox box;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Settings settings;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param signInValid whether the sign-in a token family stands for (its id) still works: Last.fm can revoke a
     *                    session key (error 9 marks the sign-in invalid), and sign-ins expire; a refresh of a family
     *                    whose sign-in is gone is refused and the family revoked, so the client signs in again
     */
    public AuthorizationServer(ClientRegistry clients, ClientMetadataDocuments documents, OAuthMetadata metadata,
            Supplier<BasicCache<String, String>> pending, Supplier<BasicCache<String, String>> tokens,
            SecretBox box, ObjectMapper mapper, Clock clock, Settings settings,
            java.util.function.Predicate<String> signInValid) {
        this.signInValid = signInValid;
        this.clients = clients;
        this.documents = documents;
        this.metadata = metadata;
        this.pending = pending;
        this.tokens = tokens;
        this.box = box;
        this.mapper = mapper;
        this.clock = clock;
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    // ---------------------------------------------------------------- /authorize

    /**
     * Checks an authorization request. An unknown client or a redirect URI that is not the client's is an
     * {@link OAuthError} (shown as a page, never a redirect); every later problem is a {@link RedirectError} to the
     * checked redirect URI. A good request is stored as a transaction and returned.
     */
    public Pending authorize(Map<String, String> params) {
        String clientId = params.get("client_id");
        if (clientId == null || clientId.isEmpty()) {
            throw OAuthError.invalidRequest("client_id is missing");
        }
        RegisteredClient client = client(clientId);
        String redirectUri = params.get("redirect_uri");
        if (redirectUri == null && client.redirectUris().size() == 1) {
            redirectUri = client.redirectUris().get(0);
        }
        String requested = redirectUri;
        if (requested == null || client.redirectUris().stream().noneMatch(r -> RedirectUris.matches(r, requested))) {
            throw OAuthError.invalidRequest("redirect_uri is missing or is not one this client registered");
        }
        String state = params.get("state");
        if (!"code".equals(params.get("response_type"))) {
            throw redirect(redirectUri, state, "unsupported_response_type", "response_type must be code");
        }
        String challenge = params.get("code_challenge");
        if (challenge == null || !"S256".equals(params.get("code_challenge_method"))) {
            throw redirect(redirectUri, state, "invalid_request", "PKCE is required: code_challenge with "
                                                                  + "code_challenge_method=S256");
        }
        if (!PKCE.matcher(challenge).matches()) {
            throw redirect(redirectUri, state, "invalid_request", "code_challenge is malformed");
        }
        String resource = params.get("resource");
        if (resource != null && !resource.equals(metadata.resource())) {
            throw redirect(redirectUri, state, "invalid_target", "resource must be " + metadata.resource());
        }
        String scope = scope(params.get("scope"), client.scope());
        if (scope == null) {
            throw redirect(redirectUri, state, "invalid_scope", "scope may hold only "
                                                                + String.join(" ", Scopes.SUPPORTED));
        }
        String txn = randomToken(32);
        Pending request = new Pending(txn, client, redirectUri, challenge, metadata.resource(), scope, state, false);
        pending.get().put("t:" + txn, writePending(request), settings.transactionTtl().toMillis(),
                TimeUnit.MILLISECONDS);
        clients.markUsed(client);
        return request;
    }

    /** The transaction {@code txn} while it lives; empty when unknown or expired. */
    public Optional<Pending> pending(String txn) {
        if (txn == null || !TXN.matcher(txn).matches()) {
            return Optional.empty();
        }
        String stored = pending.get().get("t:" + txn);
        if (stored == null) {
            return Optional.empty();
        }
        JsonNode node = read(stored);
        return known(node.path("client_id").asText()).map(client -> new Pending(txn, client,
                node.path("redirect_uri").asText(), node.path("challenge").asText(), node.path("resource").asText(),
                node.path("scope").asText(), node.path("state").textValue(), node.path("consented").asBoolean()));
    }

    /** The user agreed on the consent page: the transaction may now go to Last.fm. */
    public void consent(Pending request) {
        Pending agreed = new Pending(request.txn(), request.client(), request.redirectUri(), request.challenge(),
                request.resource(), request.scope(), request.state(), true);
        pending.get().replace("t:" + request.txn(), writePending(agreed), settings.transactionTtl().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Ends a transaction (one use): true when it was still there. */
    public boolean finish(String txn) {
        return pending.get().remove("t:" + txn) != null;
    }

    /** The user signed in: a single-use code for the client, and the redirect that carries it. */
    public String issueCode(Pending request, String signInId, String user) {
        String code = randomToken(32);
        ObjectNode node = mapper.createObjectNode();
        node.put("client_id", request.client().clientId());
        node.put("redirect_uri", request.redirectUri());
        node.put("challenge", request.challenge());
        node.put("resource", request.resource());
        node.put("scope", request.scope());
        node.put("user", user);
        String family = randomToken(16);
        node.put("family", family);
        node.put("sign_in", box.seal(signInId, family));
        pending.get().put("c:" + sha256(code), node.toString(), settings.codeTtl().toMillis(), TimeUnit.MILLISECONDS);
        return successLocation(request.redirectUri(), "code=" + OAuthParams.encode(code), request.state());
    }

    /** An error for the client after the checks passed (the user refused, Last.fm failed). */
    public String errorLocation(Pending request, String error, String description) {
        return redirect(request.redirectUri(), request.state(), error, description).location();
    }

    // ---------------------------------------------------------------- /oauth/token

    /**
     * A token request (form parameters, and the {@code Authorization} header of a confidential client). Refusals are
     * {@link OAuthError}s with RFC 6749 §5.2 codes.
     */
    public Tokens token(Map<String, String> params, String authorization) {
        String grant = params.get("grant_type");
        if (grant == null) {
            throw OAuthError.invalidRequest("grant_type is missing");
        }
        RegisteredClient client = authenticate(params, authorization);
        return switch (grant) {
            case "authorization_code" -> exchangeCode(client, params);
            case "refresh_token" -> refresh(client, params);
            default -> throw new OAuthError(400, "unsupported_grant_type", "grant_type must be authorization_code "
                                                                           + "or refresh_token");
        };
    }

    private Tokens exchangeCode(RegisteredClient client, Map<String, String> params) {
        String code = params.get("code");
        if (code == null || code.isEmpty()) {
            throw OAuthError.invalidRequest("code is missing");
        }
        String codeHash = sha256(code);
        String stored = pending.get().remove("c:" + codeHash);
        if (stored == null) {
            String family = pending.get().get("u:" + codeHash);
            if (family != null) {
                throw reused(family, "the code is unknown, expired or already used", "An OAuth code was used twice");
            }
            throw invalidGrant("the code is unknown, expired or already used");
        }
        JsonNode node = read(stored);
        String family = node.path("family").asText();
        pending.get().put("u:" + codeHash, family, settings.refreshTtl().toMillis(), TimeUnit.MILLISECONDS);
        if (!Fingerprint.same(node.path("client_id").asText(), client.clientId())) {
            throw invalidGrant("the code was issued to another client");
        }
        if (!node.path("redirect_uri").asText().equals(params.get("redirect_uri"))) {
            throw invalidGrant("redirect_uri is not the one of the authorization request");
        }
        String verifier = params.get("code_verifier");
        if (verifier == null || !PKCE.matcher(verifier).matches()
            || !Fingerprint.same(s256(verifier), node.path("challenge").asText())) {
            throw invalidGrant("the PKCE code_verifier does not match the code_challenge");
        }
        String resource = params.get("resource");
        if (resource != null && !resource.equals(node.path("resource").asText())) {
            throw new OAuthError(400, "invalid_target", "resource must be " + node.path("resource").asText());
        }
        String scope = node.path("scope").asText();
        return issue(family, new Family(client.clientId(), client.displayName(), scope, node.path("resource").asText(),
                node.path("user").asText(), node.path("sign_in").asText(), null), scope, null);
    }

    private Tokens refresh(RegisteredClient client, Map<String, String> params) {
        String refresh = params.get("refresh_token");
        if (refresh == null || refresh.isEmpty()) {
            throw OAuthError.invalidRequest("refresh_token is missing");
        }
        String refreshHash = sha256(refresh);
        String familyId = tokens.get().get("r:" + refreshHash);
        String stored = familyId == null ? null : tokens.get().get("f:" + familyId);
        if (stored == null) {
            throw invalidGrant("the refresh token is unknown, expired or revoked");
        }
        Family family = family(stored);
        if (!Fingerprint.same(family.refreshHash(), refreshHash)) {
            throw reused(familyId, "the refresh token was already used; sign in again",
                    "A rotated OAuth refresh token was used again");
        }
        if (!Fingerprint.same(family.clientId(), client.clientId())) {
            throw invalidGrant("the refresh token was issued to another client");
        }
        // the sign-in the family stands for, re-sealed with the active key during a key rotation; one that no key
        // opens any more would give access tokens /mcp refuses: the client has to sign in again
        SecretBox.Opened signIn;
        try {
            signIn = box.open(family.signIn(), familyId);
        } catch (RuntimeException unreadable) {
            revokeFamily(familyId);
            LOG.warn("An OAuth token family can no longer be opened with the configured encryption keys; it is "
                     + "revoked ({})", Fingerprint.of(familyId));
            throw invalidGrant("this authorization can no longer be used (the server's keys changed); sign in again");
        }
        if (!signInValid.test(signIn.plaintext())) {
            revokeFamily(familyId);
            LOG.info("An OAuth token family's Last.fm sign-in no longer works (revoked at Last.fm or expired); the "
                     + "family is revoked ({})", Fingerprint.of(familyId));
            throw invalidGrant("the Last.fm sign-in behind this authorization no longer works (access revoked in the "
                               + "Last.fm settings, or expired); sign in again");
        }
        Family current = signIn.stale() ? family.withSignIn(box.seal(signIn.plaintext(), familyId)) : family;
        return issue(familyId, current, narrow(family.scope(), params.get("scope")), stored);
    }

    /** The scope of a refresh: the granted one, or the part of it the client asks for (RFC 6749 §6). */
    static String narrow(String granted, String requested) {
        if (requested == null) {
            return granted;
        }
        Set<String> grantedScopes = Set.of(granted.split(" "));
        for (String one : requested.trim().split(" +")) {
            if (!grantedScopes.contains(one)) {
                throw new OAuthError(400, "invalid_scope", "a refresh may only narrow the granted scope " + granted);
            }
        }
        return requested.trim().replaceAll(" +", " ");
    }

    /**
     * New access and refresh tokens of the family {@code familyId}; its record names the current refresh token. A
     * rotation replaces the record it read ({@code previous}) atomically: losing that race to a concurrent refresh
     * of the same token is a reuse, and revokes the family.
     */
    private Tokens issue(String familyId, Family family, String scope, String previous) {
        String access = randomToken(32);
        String refresh = randomToken(32);
        long accessMillis = settings.accessTtl().toMillis();
        long refreshMillis = settings.refreshTtl().toMillis();
        ObjectNode accessNode = mapper.createObjectNode();
        accessNode.put("family", familyId);
        accessNode.put("scope", scope);
        accessNode.put("expires", clock.millis() + accessMillis);
        String updated = write(family.withRefresh(sha256(refresh)));
        BasicCache<String, String> store = tokens.get();
        if (previous == null) {
            store.put("f:" + familyId, updated, refreshMillis, TimeUnit.MILLISECONDS);
        } else if (!store.replace("f:" + familyId, previous, updated, refreshMillis, TimeUnit.MILLISECONDS)) {
            throw reused(familyId, "the refresh token was already used; sign in again",
                    "One OAuth refresh token was used by two refreshes at once");
        }
        store.put("a:" + sha256(access), accessNode.toString(), accessMillis, TimeUnit.MILLISECONDS);
        store.put("r:" + sha256(refresh), familyId, refreshMillis, TimeUnit.MILLISECONDS);
        return new Tokens(access, refresh, settings.accessTtl().toSeconds(), scope);
    }

    /**
     * A code or refresh token used again (a sign of theft: RFC 9700 §4.14): the whole family is revoked, and the
     * client hears {@code invalid_grant}.
     */
    private OAuthError reused(String familyId, String description, String what) {
        revokeFamily(familyId);
        LOG.warn("{}; its token family is revoked ({})", what, Fingerprint.of(familyId));
        return invalidGrant(description);
    }

    // ---------------------------------------------------------------- /oauth/revoke

    /** RFC 7009: revokes the token's family when the token is the client's; unknown tokens are not an error. */
    public void revoke(Map<String, String> params, String authorization) {
        RegisteredClient client = authenticate(params, authorization);
        String token = params.get("token");
        if (token == null || token.isEmpty()) {
            throw OAuthError.invalidRequest("token is missing");
        }
        String hash = sha256(token);
        String family = tokens.get().get("r:" + hash);
        if (family == null) {
            String access = tokens.get().get("a:" + hash);
            family = access == null ? null : read(access).path("family").asText(null);
        }
        if (family == null) {
            return;
        }
        String stored = tokens.get().get("f:" + family);
        if (stored != null && Fingerprint.same(family(stored).clientId(), client.clientId())) {
            revokeFamily(family);
        }
    }

    private void revokeFamily(String family) {
        tokens.get().remove("f:" + family);
    }

    // ---------------------------------------------------------------- /mcp

    /** The grant of a live access token; empty when unknown, expired, revoked or malformed. */
    public Optional<Grant> resolve(String accessToken) {
        if (accessToken == null || accessToken.length() > 200) {
            return Optional.empty();
        }
        String stored = tokens.get().get("a:" + sha256(accessToken));
        if (stored == null) {
            return Optional.empty();
        }
        JsonNode access = read(stored);
        if (access.path("expires").asLong() <= clock.millis()) {
            return Optional.empty();
        }
        String familyId = access.path("family").asText();
        String record = tokens.get().get("f:" + familyId);
        if (record == null) {
            return Optional.empty();
        }
        Family family = family(record);
        if (!metadata.resource().equals(family.resource())) {
            return Optional.empty();
        }
        String signInId;
        try {
            signInId = box.open(family.signIn(), familyId).plaintext();
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(access.path("scope").asText().split(" ")));
        return Optional.of(new Grant(signInId, family.clientId(), family.clientName(), Set.copyOf(scopes), familyId));
    }

    // ---------------------------------------------------------------- client authentication

    /**
     * The client of a token or revocation request: a public client names itself ({@code client_id}); a
     * confidential one proves its secret with HTTP Basic or {@code client_secret}. Failures are 401
     * {@code invalid_client}.
     */
    RegisteredClient authenticate(Map<String, String> params, String authorization) {
        String clientId = params.get("client_id");
        String secret = params.get("client_secret");
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        if (basic && secret != null) {
            throw OAuthError.invalidRequest("use one client authentication method: HTTP Basic or client_secret, "
                                            + "not both");
        }
        if (basic) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalidClient("the Basic credentials cannot be decoded");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw invalidClient("the Basic credentials cannot be decoded");
            }
            String basicId = OAuthParamsDecode.decode(decoded.substring(0, colon));
            if (clientId != null && !clientId.equals(basicId)) {
                throw invalidClient("client_id differs from the Basic credentials");
            }
            clientId = basicId;
            secret = OAuthParamsDecode.decode(decoded.substring(colon + 1));
        }
        if (clientId == null || clientId.isEmpty()) {
            throw invalidClient("the client is not identified: send client_id");
        }
        RegisteredClient client;
        try {
            client = client(clientId);
        } catch (OAuthError unknown) {
            throw invalidClient(unknown.getMessage());
        }
        if (client.isPublic()) {
            if (secret != null && !secret.isEmpty()) {
                throw invalidClient("this client is public and has no secret");
            }
            return client;
        }
        if (!ClientRegistry.secretMatches(client, secret)) {
            throw invalidClient("the client secret is missing or wrong");
        }
        return client;
    }

    /**
     * The client {@code clientId}: a Client ID Metadata Document URL ({@link ClientMetadataDocuments}) or a
     * registered client; 400 {@code invalid_client} saying why not.
     */
    private RegisteredClient client(String clientId) {
        if (ClientMetadataDocuments.isDocumentUrl(clientId)) {
            return documents.resolve(clientId);
        }
        return clients.find(clientId).orElseThrow(() -> new OAuthError(400, "invalid_client",
                "this client is not registered here (or its registration expired); register it again"));
    }

    private Optional<RegisteredClient> known(String clientId) {
        try {
            return Optional.of(client(clientId));
        } catch (OAuthError gone) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The scope to grant: the requested one (each supported) or the client's, or lastfm:read; null when unsupported. */
    static String scope(String requested, String registered) {
        String scope = requested == null || requested.isBlank()
                ? registered == null || registered.isBlank() ? Scopes.READ : registered : requested;
        Set<String> scopes = new LinkedHashSet<>();
        for (String one : scope.trim().split(" +")) {
            if (!Scopes.SUPPORTED.contains(one)) {
                return null;
            }
            scopes.add(one);
        }
        return String.join(" ", scopes);
    }

    private RedirectError redirect(String redirectUri, String state, String error, String description) {
        return new RedirectError(successLocation(redirectUri, "error=" + error + "&error_description="
                                                             + OAuthParams.encode(description), state));
    }

    private String successLocation(String redirectUri, String query, String state) {
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?')
                .append(query);
        if (state != null) {
            location.append("&state=").append(OAuthParams.encode(state));
        }
        return location.append("&iss=").append(OAuthParams.encode(metadata.issuer())).toString();
    }

    private static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description);
    }

    static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description);
    }

    /**
     * A token family's record (key {@code f:<family>}): one authorization, whose client, scope and resource, the
     * user, the sealed sign-in id, and the SHA-256 of its current refresh token.
     */
    record Family(String clientId, String clientName, String scope, String resource, String user, String signIn,
            String refreshHash) {

        Family withRefresh(String hash) {
            return new Family(clientId, clientName, scope, resource, user, signIn, hash);
        }

        Family withSignIn(String sealed) {
            return new Family(clientId, clientName, scope, resource, user, sealed, refreshHash);
        }
    }

    private Family family(String stored) {
        JsonNode node = read(stored);
        return new Family(node.path("client_id").asText(), node.path("client_name").asText(),
                node.path("scope").asText(), node.path("resource").asText(), node.path("user").asText(),
                node.path("sign_in").asText(), node.path("refresh").asText());
    }

    private String write(Family family) {
        ObjectNode node = mapper.createObjectNode();
        node.put("client_id", family.clientId());
        node.put("client_name", family.clientName());
        node.put("scope", family.scope());
        node.put("resource", family.resource());
        node.put("user", family.user());
        node.put("sign_in", family.signIn());
        node.put("refresh", family.refreshHash());
        return node.toString();
    }

    private String writePending(Pending request) {
        ObjectNode node = mapper.createObjectNode();
        node.put("client_id", request.client().clientId());
        node.put("redirect_uri", request.redirectUri());
        node.put("challenge", request.challenge());
        node.put("resource", request.resource());
        node.put("scope", request.scope());
        node.put("state", request.state());
        node.put("consented", request.consented());
        return node.toString();
    }

    private JsonNode read(String stored) {
        try {
            return mapper.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable OAuth record", e);
        }
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String sha256(String value) {
        return ClientRegistry.sha256(value);
    }

    private String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** Basic credentials are form-encoded (RFC 6749 §2.3.1). */
    private static final class OAuthParamsDecode {
        static String decode(String value) {
            try {
                return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalidClient("the Basic credentials cannot be decoded");
            }
        }
    }
}
