package dev.lastfmmcp.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.lastfm.LastfmException;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.Session;
import dev.lastfmmcp.mcp.McpHttp;
import dev.lastfmmcp.oauth.AuthorizationServer;
import dev.lastfmmcp.oauth.ClientRegistry;
import dev.lastfmmcp.oauth.OAuthError;
import dev.lastfmmcp.oauth.OAuthParams;
import dev.lastfmmcp.oauth.RedirectError;
import dev.lastfmmcp.oauth.RegistrationLimiter;
import dev.lastfmmcp.signin.SignIns;
import dev.lastfmmcp.support.Fingerprint;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.infinispan.commons.api.BasicCache;

/**
 * The HTTP side of the OAuth endpoints (routes in {@code oauth.camel.yaml}): each method turns a request into a
 * {@link WebPage} that {@code direct:web-page} writes ({@code no-store}); the OAuth rules are in
 * {@code dev.lastfmmcp.oauth}. Refusals are RFC 6749 / RFC 7591 error bodies, or, at {@code /authorize} before the
 * client and its redirect URI are known good, an HTML page (never a redirect: no open redirect).
 */
public class OAuthEndpoints {

    public static final String COOKIE = "lastfm_mcp_oauth";
    public static final String VIA_OAUTH = "oauth";
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{1,64}");

    private final ClientRegistry clients;
    private final RegistrationLimiter limiter;
    private final AuthorizationServer server;
    private final SignIns signIns;
    private final SignInFlow.Settings lastfm;
    private final Supplier<String> baseUrl;
    private final Supplier<BasicCache<String, String>> usedTokens;
    private final SignInPages pages;
    private final ObjectMapper mapper;
    private final int maxFormBytes;
    private java.util.function.Consumer<String> tokenOutcomes = outcome -> { };

    /** @param maxFormBytes the largest form a token, revocation or consent request may send (400 beyond) */
    public OAuthEndpoints(ClientRegistry clients, RegistrationLimiter limiter, AuthorizationServer server,
            SignIns signIns, SignInFlow.Settings lastfm, Supplier<String> baseUrl,
            Supplier<BasicCache<String, String>> usedTokens, SignInPages pages, ObjectMapper mapper,
            int maxFormBytes) {
        this.clients = clients;
        this.limiter = limiter;
        this.server = server;
        this.signIns = signIns;
        this.lastfm = lastfm;
        this.baseUrl = baseUrl;
        this.usedTokens = usedTokens;
        this.pages = pages;
        this.mapper = mapper;
        this.maxFormBytes = maxFormBytes;
    }

    /** POST /oauth/register (RFC 7591): 201 with the client id (and a secret for a confidential client). */
    public WebPage register(@Body Object body, @Header(Exchange.CONTENT_TYPE) String contentType, Exchange exchange) {
        try {
            if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
                throw OAuthError.invalidRequest("send the client metadata as Content-Type: application/json");
            }
            ClientRegistry.Request registration = clients.check(text(body));
            // only well-formed registrations count against the address's budget; refusals store nothing anyway
            limiter.acquire(clientAddress(exchange));
            return json(201, clients.store(registration));
        } catch (OAuthError refusal) {
            WebPage page = error(refusal);
            return refusal.status() == 429
                    ? page.withHeader("Retry-After", Long.toString(limiter.window().toSeconds())) : page;
        }
    }

    /**
     * GET /authorize: the checks, then the consent page (with the transaction's cookie). A bad client or redirect
     * URI is an HTML page; a later problem a 302 to the redirect URI with the error.
     */
    public WebPage authorize(@Header(Exchange.HTTP_QUERY) String query) {
        if (!isConfigured()) {
            return notConfigured();
        }
        try {
            AuthorizationServer.Pending request = server.authorize(OAuthParams.parse(query));
            List<String> scopes = List.of(request.scope().split(" "));
            return WebPage.html(200, pages.consent(request.client().displayName(), host(request.redirectUri()), scopes,
                    request.txn(), baseUrl.get() + "/authorize"))
                    .withHeader("Set-Cookie", cookie(request.txn(), server.settings().transactionTtl().toSeconds()))
                    .withHeader("X-Frame-Options", "DENY")
                    .withHeader("Content-Security-Policy", "frame-ancestors 'none'");
        } catch (RedirectError redirect) {
            return WebPage.redirect(redirect.location());
        } catch (OAuthError refusal) {
            return WebPage.html(refusal.status(), pages.notice("This sign-in request cannot be used",
                    "The application's sign-in request was refused: " + refusal.getMessage() + ". Nothing was "
                    + "sent back to it. Start again from the application.", baseUrl.get() + "/"));
        }
    }

    /** POST /authorize (the consent form): cancel → access_denied; allow → 302 to Last.fm's auth page. */
    public WebPage consent(@Body Object body, @Header("Cookie") String cookies) {
        Map<String, String> form;
        try {
            form = form(body);
        } catch (OAuthError malformed) {
            return WebPage.html(400, pages.notice("This sign-in form cannot be used", "The consent form that was "
                    + "sent cannot be read: " + malformed.getMessage() + ". Start again from the application.",
                    baseUrl.get() + "/"));
        }
        String txn = form.get("txn");
        AuthorizationServer.Pending request = txn == null ? null : server.pending(txn).orElse(null);
        if (request == null || !Fingerprint.same(SignInFlow.cookieNamed(cookies, COOKIE), txn)) {
            return stale();
        }
        if (!"allow".equals(form.get("decision"))) {
            server.finish(txn);
            return WebPage.redirect(server.errorLocation(request, "access_denied", "the user cancelled"))
                    .withHeader("Set-Cookie", cookie("", 0));
        }
        server.consent(request);
        String callback = baseUrl.get() + "/lastfm-callback?txn=" + txn;
        return WebPage.redirect(lastfm.authUrl() + (lastfm.authUrl().contains("?") ? "&" : "?") + "api_key="
                + OAuthParams.encode(lastfm.apiKey()) + "&cb=" + OAuthParams.encode(callback));
    }

    /**
     * GET /lastfm-callback?txn=&token=, first step: a consented transaction of this browser and a fresh Last.fm
     * token, then the signed auth.getSession call (variable {@code lastfm}). Refusals are pages
     * ({@link SignInRefusedException}); nothing reaches Last.fm for them.
     */
    public LastfmRequest sessionRequest(@Header(Exchange.HTTP_QUERY) String query, @Header("Cookie") String cookies) {
        Map<String, String> params;
        try {
            params = OAuthParams.parse(query);
        } catch (OAuthError malformed) {
            throw new SignInRefusedException(stale());
        }
        String txn = params.get("txn");
        AuthorizationServer.Pending request = txn == null ? null : server.pending(txn).orElse(null);
        if (request == null || !request.consented()
            || !Fingerprint.same(SignInFlow.cookieNamed(cookies, COOKIE), txn)) {
            throw new SignInRefusedException(stale());
        }
        String token = params.get("token");
        if (token == null || !TOKEN.matcher(token).matches()) {
            server.finish(txn);
            throw new SignInRefusedException(WebPage.redirect(server.errorLocation(request, "access_denied",
                    "Last.fm did not send a sign-in token back")));
        }
        if (usedTokens.get().putIfAbsent(Fingerprint.of(token), "used") != null) {
            throw new SignInRefusedException(stale());
        }
        return LastfmRequest.of("auth.getSession", "token", token);
    }

    /** Last.fm answered: store the sign-in, end the transaction, 302 to the client with the code, state and iss. */
    public WebPage complete(@Variable("lastfmSession") LastfmResult result, @Variable("oauthQuery") String query) {
        AuthorizationServer.Pending request = server.pending(OAuthParams.parse(query).get("txn")).orElse(null);
        if (request == null || !server.finish(request.txn())) {
            return stale();
        }
        Session session = result.as(Session.class);
        if (session.name() == null || session.name().isEmpty() || session.key() == null || session.key().isEmpty()) {
            return WebPage.redirect(server.errorLocation(request, "server_error", "Last.fm did not say who signed in"))
                    .withHeader("Set-Cookie", cookie("", 0));
        }
        String signIn = signIns.create(session.name(), session.key(), VIA_OAUTH).id();
        return WebPage.redirect(server.issueCode(request, signIn, session.name()))
                .withHeader("Set-Cookie", cookie("", 0));
    }

    /** Last.fm refused the token or could not be reached: the client hears access_denied or server_error. */
    public WebPage lastfmFailed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) LastfmException failure,
            @Variable("oauthQuery") String query) {
        AuthorizationServer.Pending request = server.pending(OAuthParams.parse(query).get("txn")).orElse(null);
        if (request == null) {
            return stale();
        }
        server.finish(request.txn());
        boolean refused = failure.code() == 4 || failure.code() == 14 || failure.code() == 15;
        return WebPage.redirect(server.errorLocation(request, refused ? "access_denied" : "server_error",
                refused ? "Last.fm did not confirm the sign-in" : "Last.fm could not finish the sign-in"))
                .withHeader("Set-Cookie", cookie("", 0));
    }

    /** POST /oauth/token: authorization_code (PKCE) and refresh_token (rotation); RFC 6749 answers, no-store. */
    public WebPage token(@Body Object body, @Header(Exchange.CONTENT_TYPE) String contentType,
            @Header("Authorization") String authorization) {
        try {
            Map<String, String> params = formBody(body, contentType);
            AuthorizationServer.Tokens tokens = server.token(params, authorization);
            tokenOutcomes.accept("refresh_token".equals(params.get("grant_type")) ? "refreshed" : "issued");
            ObjectNode answer = mapper.createObjectNode();
            answer.put("access_token", tokens.accessToken());
            answer.put("token_type", "Bearer");
            answer.put("expires_in", tokens.expiresIn());
            answer.put("refresh_token", tokens.refreshToken());
            answer.put("scope", tokens.scope());
            return json(200, answer.toString());
        } catch (OAuthError refusal) {
            tokenOutcomes.accept("refused");
            return clientError(refusal, authorization);
        }
    }

    /** Where token endpoint outcomes are counted (the metrics): issued, refreshed, refused, revoked. */
    public void countTokens(java.util.function.Consumer<String> counter) {
        this.tokenOutcomes = counter;
    }

    /** POST /oauth/revoke (RFC 7009): 200 whether or not the token was known. */
    public WebPage revoke(@Body Object body, @Header(Exchange.CONTENT_TYPE) String contentType,
            @Header("Authorization") String authorization) {
        try {
            server.revoke(formBody(body, contentType), authorization);
            tokenOutcomes.accept("revoked");
            return json(200, "{}");
        } catch (OAuthError refusal) {
            return clientError(refusal, authorization);
        }
    }

    private WebPage clientError(OAuthError refusal, String authorization) {
        WebPage page = error(refusal);
        return refusal.status() == 401 && authorization != null
                ? page.withHeader("WWW-Authenticate", "Basic realm=\"" + baseUrl.get() + "\"") : page;
    }

    WebPage error(OAuthError refusal) {
        ObjectNode body = mapper.createObjectNode();
        body.put("error", refusal.error());
        body.put("error_description", refusal.getMessage());
        return json(refusal.status(), body.toString());
    }

    private boolean isConfigured() {
        return !lastfm.apiKey().isEmpty() && lastfm.hasSharedSecret();
    }

    private WebPage notConfigured() {
        return WebPage.html(503, pages.notice("Sign-in is not configured", "This server has no Last.fm API key and "
                + "shared secret configured, so nobody can sign in through OAuth yet.", baseUrl.get() + "/"));
    }

    private WebPage stale() {
        return WebPage.html(400, pages.notice("This sign-in link is stale", "This sign-in link is stale or was "
                + "used already (it belongs to another sign-in, was opened in another browser, or took longer than "
                + server.settings().transactionTtl().toMinutes() + " minutes). Start again from the application.",
                baseUrl.get() + "/")).withHeader("Set-Cookie", cookie("", 0));
    }

    private String cookie(String value, long maxAgeSeconds) {
        return COOKIE + "=" + value + "; Max-Age=" + maxAgeSeconds + "; Path=/; HttpOnly; SameSite=Lax"
               + (baseUrl.get().startsWith("https://") ? "; Secure" : "");
    }

    private static String host(String redirectUri) {
        try {
            URI uri = new URI(redirectUri);
            return uri.getHost() != null ? uri.getHost() : uri.getScheme() + ":";
        } catch (java.net.URISyntaxException e) {
            return redirectUri;
        }
    }

    private Map<String, String> formBody(Object body, String contentType) {
        if (contentType == null || !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            throw OAuthError.invalidRequest("send the parameters as application/x-www-form-urlencoded");
        }
        return form(body);
    }

    /**
     * A form body of at most {@code maxFormBytes}: platform-http may hand it over parsed (a map of fields) or as
     * text. A field sent twice, or one that cannot be decoded, is {@code invalid_request}.
     */
    private Map<String, String> form(Object body) {
        if (body instanceof Map<?, ?> fields) {
            Map<String, String> form = new LinkedHashMap<>();
            long size = 0;
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                Object one = field.getValue();
                if (one instanceof List<?> values) {
                    if (values.size() != 1) {
                        throw OAuthError.invalidRequest("the parameter " + OAuthParams.safe(String.valueOf(
                                field.getKey())) + " is sent more than once");
                    }
                    one = values.get(0);
                }
                String name = String.valueOf(field.getKey());
                String value = one == null ? "" : one.toString();
                if (value.length() > OAuthParams.MAX_VALUE) {
                    throw OAuthError.invalidRequest("the parameter " + OAuthParams.safe(name) + " is too long");
                }
                size += name.length() + value.length() + 2;
                form.put(name, value);
            }
            checkSize(size);
            return form;
        }
        String text = text(body);
        checkSize(text.length());
        return OAuthParams.parse(text);
    }

    private void checkSize(long size) {
        if (size > maxFormBytes) {
            throw OAuthError.invalidRequest("the form is larger than " + maxFormBytes + " bytes");
        }
    }

    private static WebPage json(int status, String body) {
        return WebPage.json(status, body).withHeader("Pragma", "no-cache");
    }

    private static String text(Object body) {
        return body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : body == null ? "" : body.toString();
    }

    private static String clientAddress(Exchange exchange) {
        HttpMessage http = exchange.getIn(HttpMessage.class);
        return http == null ? null : McpHttp.clientAddress(http.getRequest().remoteAddress());
    }
}
