package dev.lastfmmcp.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.lastfm.LastfmException;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.model.Session;
import dev.lastfmmcp.signin.SignIn;
import dev.lastfmmcp.signin.SignIns;
import dev.lastfmmcp.support.Fingerprint;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import io.vertx.core.http.HttpServerResponse;
import org.infinispan.commons.api.BasicCache;

/**
 * Last.fm web authentication for browsers: {@code GET /login} sends the user to Last.fm with a random state that
 * travels in the callback URL and in a cookie; {@code GET /callback} checks both and the token's shape before any
 * Last.fm call, makes sure a token is exchanged once, and turns the signed {@code auth.getSession} answer into a
 * stored sign-in and the page with the personal MCP URL; {@code POST /logout} deletes a sign-in. The routes in
 * {@code web-signin.camel.yaml} decide the order; this bean computes each step. Nothing here takes a return URL from
 * the client, so there is no open redirect.
 */
public class SignInFlow {

    public static final String STATE_COOKIE = "lastfm_mcp_signin";
    /** Last.fm tokens are 32 hex digits; anything else that is not short alphanumeric never reaches Last.fm. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{1,64}");
    static final Pattern STATE = Pattern.compile("[A-Za-z0-9_-]{22}");

    /** @param stateMaxAge how long a started sign-in may take (the cookie's max-age) */
    public record Settings(String apiKey, boolean hasSharedSecret, String authUrl, Duration stateMaxAge) {
    }

    private final Settings settings;
    private final Supplier<String> baseUrl;
    private final SignIns signIns;
    private final Supplier<BasicCache<String, String>> usedTokens;
    private final SignInPages pages;
    private final ObjectMapper mapper;
    private java.util.function.Consumer<String> signedOut = fingerprint -> { };
    /** Counts each step's outcome: started, succeeded, refused (before Last.fm), failed (Last.fm said no or is down). */
    private java.util.function.Consumer<String> outcomes = outcome -> { };
    /** Counts why a sign-in was refused or failed (see {@link #FAILURE_REASONS}). */
    private java.util.function.Consumer<String> failures = reason -> { };

    /** Why a sign-in is refused before Last.fm or fails at Last.fm: the labels of the failure meter. */
    public static final java.util.List<String> FAILURE_REASONS = java.util.List.of("not_configured", "no_token",
            "bad_token", "stale_state", "token_reused", "token_invalid", "not_authorised", "token_expired",
            "bad_signature", "bad_api_key", "lastfm_unavailable", "lastfm_error", "incomplete_answer", "other");
    private final SecureRandom random = new SecureRandom();

    public SignInFlow(Settings settings, Supplier<String> baseUrl, SignIns signIns,
            Supplier<BasicCache<String, String>> usedTokens, SignInPages pages, ObjectMapper mapper) {
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.signIns = signIns;
        this.usedTokens = usedTokens;
        this.pages = pages;
        this.mapper = mapper;
    }

    /** Where sign-in outcomes are counted (the metrics): started, succeeded, refused, failed, signed-out. */
    public void countOutcomes(java.util.function.Consumer<String> counter) {
        this.outcomes = counter;
    }

    /** Where the reasons of refused and failed sign-ins are counted (one of {@link #FAILURE_REASONS}). */
    public void countFailures(java.util.function.Consumer<String> counter) {
        this.failures = counter;
    }

    /** What else ends with a sign-out, given the sign-in's fingerprint (the MCP sessions it started). */
    public void onSignOut(java.util.function.Consumer<String> action) {
        this.signedOut = action;
    }

    /** Whether this server can sign people in: an API key and a shared secret are configured. */
    public boolean isConfigured() {
        return !settings.apiKey().isEmpty() && settings.hasSharedSecret();
    }

    public String loginUrl() {
        return baseUrl.get() + "/login";
    }

    /** {@code GET /login}: a 302 to Last.fm with a fresh state, or a 503 page when sign-in is not configured. */
    public WebPage login() {
        if (!isConfigured()) {
            return WebPage.html(503, pages.notice("Sign-in is not configured",
                    "This server has no Last.fm API key and shared secret configured, so nobody can sign in yet. "
                    + "The server's operator needs to set LASTFM_API_KEY and LASTFM_SHARED_SECRET (from "
                    + "https://www.last.fm/api/account/create). Anonymous use works without signing in.",
                    baseUrl.get() + "/"));
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String callback = baseUrl.get() + "/callback?state=" + state;
        String location = settings.authUrl() + (settings.authUrl().contains("?") ? "&" : "?") + "api_key="
                + encode(settings.apiKey()) + "&cb=" + encode(callback);
        outcomes.accept("started");
        return WebPage.redirect(location).withHeader("Set-Cookie", cookie(state, settings.stateMaxAge().toSeconds()));
    }

    /**
     * {@code GET /callback?state=S&token=T}, first step: the token's shape, the state against the cookie, and that
     * the token was not exchanged before; then the signed auth.getSession call to make (exchange variable
     * {@code lastfm}). Refusals are pages ({@link SignInRefusedException}), and nothing is stored for them.
     */
    public LastfmRequest sessionRequest(@Header(Exchange.HTTP_QUERY) String query, @Header("Cookie") String cookies) {
        if (!isConfigured()) {
            throw new SignInRefusedException(login(), "not_configured");
        }
        Map<String, String> params = query(query);
        String token = params.get("token");
        if (token == null || token.isEmpty()) {
            throw refused("no_token", 400, "No sign-in token", "Last.fm did not send a sign-in token back (the "
                    + "sign-in was cancelled, or this address was opened by hand).");
        }
        if (!TOKEN.matcher(token).matches()) {
            throw refused("bad_token", 400, "Not a Last.fm token", "The token in this address is not one Last.fm "
                    + "issues (letters and digits, at most 64). Nothing was sent to Last.fm.");
        }
        String state = params.get("state");
        String expected = cookie(cookies);
        if (state == null || !STATE.matcher(state).matches() || !Fingerprint.same(state, expected)) {
            throw refused("stale_state", 400, "This sign-in link is stale", "This sign-in link is stale, start "
                    + "again at /login (it belongs to another sign-in, or it was opened in another browser, or it took "
                    + "longer than " + settings.stateMaxAge().toMinutes() + " minutes).");
        }
        if (usedTokens.get().putIfAbsent(Fingerprint.of(token), "used") != null) {
            throw refused("token_reused", 400, "This sign-in link was already used", "Last.fm sign-in tokens "
                    + "work once, and this one was used already. Start again at /login.");
        }
        return LastfmRequest.of("auth.getSession", "token", token);
    }

    /** Last.fm answered with a session: store the sign-in and show the personal MCP URL. */
    public WebPage complete(@Variable("lastfmSession") LastfmResult result) {
        Session session = result.as(Session.class);
        if (session.name() == null || session.name().isEmpty() || session.key() == null || session.key().isEmpty()) {
            outcomes.accept("failed");
            failures.accept("incomplete_answer");
            return failure(502, "Last.fm's answer was incomplete", "Last.fm accepted the sign-in but did not say "
                    + "who signed in. Try again in a minute.");
        }
        SignIns.Created signIn = signIns.create(session.name(), session.key(), SignIn.VIA_SESSION_URL);
        String id = signIn.id();
        outcomes.accept("succeeded");
        String personalUrl = baseUrl.get() + "/mcp?session_id=" + id;
        return WebPage.html(200, pages.signedIn(session.name(), personalUrl, baseUrl.get() + "/logout", id,
                signIns.ttl(), signIn.createdAt())).withHeader("Set-Cookie", cookie("", 0));
    }

    /** A refusal from {@link #sessionRequest}: its page. */
    public WebPage refused(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) SignInRefusedException refusal) {
        outcomes.accept("refused");
        failures.accept(FAILURE_REASONS.contains(refusal.reason()) ? refusal.reason() : "other");
        return refusal.page();
    }

    /** Last.fm refused the token or could not be reached. */
    public WebPage lastfmFailed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) LastfmException failure) {
        outcomes.accept("failed");
        failures.accept(failureReason(failure));
        return switch (failure.code()) {
            case 4 -> failure(400, "Last.fm did not accept the sign-in", "Last.fm says the sign-in token is "
                    + "invalid (error 4). Start again.");
            case 14 -> failure(400, "Sign-in not authorised yet", "Last.fm says you have not allowed this "
                    + "application yet (error 14). Start again and choose \"Yes, allow access\" on Last.fm.");
            case 15 -> failure(400, "The sign-in expired", "Last.fm says the sign-in token expired (error 15): "
                    + "tokens last 60 minutes. Start again.");
            case 13 -> failure(502, "Last.fm refused this server's signature", "Last.fm rejected the request "
                    + "signature (error 13): the server's LASTFM_SHARED_SECRET does not belong to its API key. "
                    + "The server's operator needs to fix it; then start again.");
            default -> switch (failure.kind()) {
                case UNAVAILABLE, RATE_LIMITED -> failure(503, "Last.fm cannot be reached", "Last.fm is down or "
                        + "busy right now, so the sign-in could not be finished. Wait a minute and start again.");
                case BAD_API_KEY -> failure(502, "Last.fm refused this server's API key", "Last.fm does not accept "
                        + "this server's API key. The server's operator needs to fix LASTFM_API_KEY.");
                default -> failure(502, "Last.fm refused the sign-in", "Last.fm refused to finish the sign-in "
                        + "(error " + failure.code() + "). Start again.");
            };
        };
    }

    /**
     * {@code POST /logout} with {@code session_id} as a form field or in a JSON body: deletes the sign-in (and with
     * it the stored session key) at once. A JSON request gets a JSON answer, a browser a page.
     */
    public WebPage logout(@Body Object body, @Header(Exchange.CONTENT_TYPE) String contentType) {
        // a form body arrives parsed (a map of fields) from platform-http; anything else as bytes or text
        String text = body instanceof Map<?, ?> form ? fieldsOf(form)
                : body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : body == null ? "" : body.toString();
        boolean json = contentType != null && contentType.toLowerCase().startsWith("application/json");
        String id;
        if (json) {
            try {
                JsonNode node = mapper.readTree(text.isEmpty() ? "{}" : text);
                id = node.path("session_id").asText(null);
            } catch (java.io.IOException e) {
                return WebPage.json(400, "{\"error\":\"invalid_request\",\"message\":\"the body is not JSON; send "
                        + "{\\\"session_id\\\": \\\"<id>\\\"}\"}");
            }
        } else {
            id = query(text).get("session_id");
        }
        if (id == null || id.isEmpty()) {
            String message = "session_id is missing: send it as a form field or as JSON {\"session_id\": \"<id>\"}";
            return json ? WebPage.json(400, "{\"error\":\"invalid_request\",\"message\":"
                    + quote(message) + "}")
                    : WebPage.html(400, pages.notice("Nothing to sign out", message, baseUrl.get() + "/"));
        }
        boolean removed = signIns.delete(id);
        if (removed) {
            outcomes.accept("signed-out");
            signedOut.accept(Fingerprint.of(id));
        }
        if (json) {
            return WebPage.json(200, "{\"signedOut\":" + removed + "}");
        }
        return WebPage.html(200, removed
                ? pages.notice("Signed out", "You are signed out: the Last.fm session key this server kept for you "
                        + "is deleted and your personal MCP URL no longer works. You can also revoke this "
                        + "application in your Last.fm settings (Applications).", baseUrl.get() + "/")
                : pages.notice("Already signed out", "This sign-in is not known here any more (signed out or "
                        + "expired); nothing was left to delete.", baseUrl.get() + "/"));
    }

    /** The Vert.x response of this exchange (variable {@code httpResponse}), kept before any upstream call. */
    public HttpServerResponse httpResponse(Exchange exchange) {
        HttpMessage http = exchange.getIn(HttpMessage.class);
        return http == null ? null : http.getResponse();
    }

    /** Writes the page in variable {@code page} as the HTTP reply. */
    public void write(@Variable("page") WebPage page, @Variable("httpResponse") HttpServerResponse response,
            Exchange exchange) {
        page.writeTo(exchange, response);
    }

    private SignInRefusedException refused(String reason, int status, String heading, String explanation) {
        return new SignInRefusedException(failure(status, heading, explanation), reason);
    }

    /** The failure meter's reason for what Last.fm answered (the same cases as the page). */
    static String failureReason(LastfmException failure) {
        return switch (failure.code()) {
            case 4 -> "token_invalid";
            case 14 -> "not_authorised";
            case 15 -> "token_expired";
            case 13 -> "bad_signature";
            default -> switch (failure.kind()) {
                case UNAVAILABLE, RATE_LIMITED -> "lastfm_unavailable";
                case BAD_API_KEY -> "bad_api_key";
                default -> "lastfm_error";
            };
        };
    }

    private WebPage failure(int status, String heading, String explanation) {
        return WebPage.html(status, pages.problem(heading, explanation, loginUrl()))
                .withHeader("Set-Cookie", cookie("", 0));
    }

    private String cookie(String value, long maxAgeSeconds) {
        return STATE_COOKIE + "=" + value + "; Max-Age=" + maxAgeSeconds + "; Path=/; HttpOnly; SameSite=Lax"
                + (baseUrl.get().startsWith("https://") ? "; Secure" : "");
    }

    static String cookie(String header) {
        return cookieNamed(header, STATE_COOKIE);
    }

    /** The value of cookie {@code name} in a {@code Cookie} header; null when absent. */
    static String cookieNamed(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String trimmed = part.trim();
            if (trimmed.startsWith(name + "=")) {
                return trimmed.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static String fieldsOf(Map<?, ?> form) {
        Object value = form.get("session_id");
        if (value instanceof List<?> values) {
            value = values.isEmpty() ? null : values.get(0);
        }
        return value == null ? "" : "session_id=" + encode(value.toString());
    }

    /** Query or form fields; the first value of each name wins, malformed escapes make the field absent. */
    static Map<String, String> query(String query) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return fields;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                fields.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // skipped: a field that cannot be decoded is not there
            }
        }
        return fields;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String quote(String text) {
        try {
            return mapper.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
