package dev.lastfmmcp.lastfm;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;

import dev.lastfmmcp.jsonrpc.CancelledException;
import dev.lastfmmcp.upstream.Cancellation;
import dev.lastfmmcp.upstream.Pacer;
import dev.lastfmmcp.upstream.RejectedSignIns;
import dev.lastfmmcp.support.Fingerprint;
import dev.lastfmmcp.upstream.LastfmAccount;
import dev.lastfmmcp.upstream.UpstreamCaller;
import dev.lastfmmcp.upstream.UpstreamLog;
import dev.lastfmmcp.upstream.RequestDeadline;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Header;
import org.apache.camel.Variable;

/**
 * The steps of {@code direct:lastfm-call} that compute: prepare (key check, signing, cache key), read cache
 * entries, classify the HTTP answer, explain a circuit-breaker fallback, decide retries, build cache entries.
 */
public class LastfmCalls {

    private final String apiKey;
    private final String sharedSecret;
    private final LastfmErrors errors;
    private final LastfmCaches caches;
    private final Clock clock;
    private final Duration maxRetryAfter;
    private final int maxRetries;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration timeout;
    private final SingleFlight singleFlight;
    private final Pacing pacing;
    private final UserWrites writes = new UserWrites();
    private UpstreamLog log;
    private volatile LastfmKeyStatus keyStatus;
    private RejectedSignIns rejectedSignIns;

    /** Retry settings of {@link LastfmCalls}. */
    public record RetrySettings(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter,
            Duration timeout) {
    }

    /**
     * The shared request budget and what one HTTP attempt may take (connect plus response timeout): an attempt starts
     * only when it can end before the call's deadline.
     */
    public record Pacing(Pacer pacer, Duration attemptBudget) {
    }

    /**
     * Start-up check of the Last.fm time bounds: one HTTP attempt (connect + response timeout) is shorter than the
     * call's deadline, and still fits after the longest wait for a request slot. So every attempt ends by itself
     * before the deadline and nothing is left running after the caller was answered.
     */
    public static Duration attemptBudget(Duration timeout, Duration connect, Duration response, Duration maxWait) {
        Duration attempt = connect.plus(response);
        if (attempt.compareTo(timeout) >= 0 || attempt.plus(maxWait).compareTo(timeout) > 0) {
            throw new IllegalArgumentException("lastfm.connect-timeout-ms (" + connect.toMillis()
                    + ") + lastfm.http.response-timeout-ms (" + response.toMillis()
                    + ") + lastfm.throttle.max-queue-wait (" + maxWait.toMillis() + " ms) must not exceed lastfm.timeout-ms (" + timeout.toMillis()
                    + "): one HTTP attempt has to end before the call's deadline");
        }
        return attempt;
    }

    public LastfmCalls(String apiKey, String sharedSecret, LastfmErrors errors, LastfmCaches caches, Clock clock,
                       RetrySettings retry, SingleFlight singleFlight) {
        this(apiKey, sharedSecret, errors, caches, clock, retry, singleFlight,
                new Pacing(new Pacer(5, Duration.ofSeconds(1), 1000, retry.timeout()), Duration.ZERO));
    }

    private LastfmMeters meters = LastfmMeters.none();

    public LastfmCalls(String apiKey, String sharedSecret, LastfmErrors errors, LastfmCaches caches, Clock clock,
                       RetrySettings retry, SingleFlight singleFlight, Pacing pacing) {
        this.apiKey = apiKey == null ? "" : apiKey.trim();
        this.sharedSecret = sharedSecret == null ? "" : sharedSecret.trim();
        this.errors = errors;
        this.caches = caches;
        this.clock = clock;
        this.maxRetryAfter = retry.maxRetryAfter();
        this.maxRetries = retry.maxRetries();
        this.initialDelay = retry.initialDelay();
        this.maxDelay = retry.maxDelay();
        this.timeout = retry.timeout();
        this.singleFlight = singleFlight;
        this.pacing = pacing;
    }

    /** Where the client's meters go (cache lookups, HTTP attempts, retries); none until set. */
    public void setMeters(LastfmMeters meters) {
        this.meters = meters;
    }

    /** Where retries and stale answers are reported to clients (set once streams exist). */
    public void setLog(UpstreamLog log) {
        this.log = log;
    }

    /** Where answers report whether Last.fm accepts the API key ({@code /health}). */
    public void setKeyStatus(LastfmKeyStatus keyStatus) {
        this.keyStatus = keyStatus;
    }

    /** Where a signed-in account whose session key Last.fm rejects (error 9) is marked invalid. */
    public void setRejectedSignIns(RejectedSignIns rejectedSignIns) {
        this.rejectedSignIns = rejectedSignIns;
    }

    public boolean hasApiKey() {
        return !apiKey.isEmpty();
    }

    /**
     * Checks the configuration and computes the cache key; the signed, encoded parameters are made when the call goes
     * upstream ({@link LastfmCall#query()}).
     */
    public LastfmCall prepare(@Variable("lastfm") LastfmRequest request, @Variable("call") Cancellation mcpCall,
            @Variable("caller") LastfmAccount account) {
        LastfmRequest asked = asAccount(request, account);
        if (mcpCall != null) {
            mcpCall.checkActive();
        }
        if (apiKey.isEmpty()) {
            throw new LastfmException(LastfmErrorKind.NOT_CONFIGURED, 0,
                    "This server has no Last.fm API key configured, so it cannot reach Last.fm. The server's "
                    + "operator needs to set LASTFM_API_KEY (get one at https://www.last.fm/api/account/create).");
        }
        if (asked.needsSignature() && sharedSecret.isEmpty()) {
            throw new LastfmException(LastfmErrorKind.NOT_CONFIGURED, 0,
                    "This server has no Last.fm shared secret configured, so it cannot make signed calls. The "
                    + "server's operator needs to set LASTFM_SHARED_SECRET.");
        }
        return new LastfmCall(asked, DataClass.of(asked), cacheKey(asked) + writes.suffix(asked),
                () -> query(asked));
    }

    /** The parameters sent upstream: the request's, the API key, the session key, the signature, JSON. */
    String query(LastfmRequest request) {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("method", request.method());
        sent.putAll(request.params());
        sent.put("api_key", apiKey);
        if (request.sessionKey() != null && !request.sessionKey().isEmpty()) {
            sent.put("sk", request.sessionKey());
        }
        if (request.needsSignature()) {
            sent.put("api_sig", LastfmSigner.sign(sent, sharedSecret));
        }
        sent.put("format", "json");
        return LastfmQuery.encode(sent);
    }

    /**
     * A read about the signed-in user's own data ({@code user} or {@code username} is their name) is made as them,
     * signed with their session key, so history they keep private is theirs to read. Other users' data is read
     * anonymously, as before.
     */
    static LastfmRequest asAccount(LastfmRequest request, LastfmAccount account) {
        if (account == null || account.lastfmSessionKey() == null || request.sessionKey() != null) {
            return request;
        }
        String about = request.param("user") != null ? request.param("user") : request.param("username");
        return about != null && about.equalsIgnoreCase(account.lastfmUser())
                ? request.withSessionKey(account.lastfmSessionKey()) : request;
    }

    /** method + normalised parameters (sorted, trimmed, case-folded where Last.fm ignores case). */
    static String cacheKey(LastfmRequest request) {
        TreeMap<String, String> sorted = new TreeMap<>();
        request.params().forEach((k, v) -> sorted.put(k.toLowerCase(java.util.Locale.ROOT),
                v.trim().toLowerCase(java.util.Locale.ROOT)));
        StringBuilder key = new StringBuilder(request.methodKey());
        sorted.forEach((k, v) -> key.append('|').append(k).append('=').append(v));
        if (request.sessionKey() != null && !request.sessionKey().isEmpty()) {
            key.append("|as=").append(sha256(request.sessionKey()).substring(0, 16));
        }
        return key.toString();
    }

    private static String sha256(String value) {
        return Fingerprint.sha256(value);
    }

    /**
     * Just before a request goes upstream (after the throttle): a cancelled MCP request drops it, unless other callers
     * wait on the same fetch.
     */
    public void checkStillWanted(@Variable("call") Cancellation mcpCall, @Variable("flight") SingleFlight.Flight flight,
            @Variable("lastfmCall") LastfmCall call) {
        if (mcpCall != null && mcpCall.isCancelled() && (flight == null || singleFlight.abandon(flight))) {
            throw new CancelledException();
        }
    }

    /** A cache hit (variable {@code cached}): the answer, or the remembered "not found" rethrown. */
    public LastfmResult fromCache(@Variable("cached") CachedValue cached, @Variable("lastfmCall") LastfmCall call) {
        meters.cacheHit(call.dataClass());
        if (cached.isNotFound()) {
            throw cached.notFound();
        }
        return LastfmResult.fresh(cached.data());
    }

    /** A cache lookup found nothing: the answer is fetched (or awaited from the fetch already under way). */
    public void cacheMiss(@Variable("lastfmCall") LastfmCall call) {
        meters.cacheMiss(call.dataClass());
    }

    /** Reads one HTTP answer: success or permanent error as a value; transient failures are thrown. */
    public LastfmOutcome classify(@Variable("lastfmCall") LastfmCall call,
            @Header(Exchange.HTTP_RESPONSE_CODE) Integer status, @Body String body,
            @Header("Retry-After") String retryAfter) {
        LastfmOutcome outcome = errors.classify(call.request(), status == null ? 0 : status, body, retryAfter);
        meters.request(call.method(), outcome.isSuccess() ? "ok" : outcome.isNotFound() ? "not_found" : "error");
        LastfmKeyStatus key = keyStatus;
        if (key != null) {
            key.observe(outcome);
        }
        return outcome;
    }

    /**
     * Why the circuit breaker fell back: it was open (the call was not permitted), the call timed out (no exception
     * reaches the fallback then), or the attempts kept failing (the last failure is in CamelExceptionCaught).
     */
    public UpstreamFailure fallback(Exchange exchange) {
        String state = exchange.getProperty(Exchange.CIRCUIT_BREAKER_STATE, "", String.class);
        if (Boolean.TRUE.equals(exchange.getProperty(ExchangePropertyKey.CIRCUIT_BREAKER_RESPONSE_REJECTED,
                Boolean.class)) || state.contains("OPEN") && !state.contains("HALF")) {
            return new UpstreamFailure(LastfmErrorKind.UNAVAILABLE, null,
                    "its circuit breaker is open after repeated failures");
        }
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        Throwable cause = Attempts.transientCause(failure);
        LastfmCall call = exchange.getVariable("lastfmCall", LastfmCall.class);
        if (call != null && !call.request().repeatable() && !Attempts.notTaken(cause)) {
            return new UpstreamFailure(LastfmErrorKind.UNCONFIRMED, null, cause instanceof TransientLastfmException t
                    ? (t.code() != 0 ? "Last.fm error " + t.code() : "HTTP " + t.status())
                    : "no answer in time", true);
        }
        if (cause instanceof TransientLastfmException t) {
            if (t.rateLimited()) {
                return new UpstreamFailure(LastfmErrorKind.RATE_LIMITED, t.retryAfterSeconds(), "rate limited");
            }
            return new UpstreamFailure(LastfmErrorKind.UNAVAILABLE, null,
                    t.code() != 0 ? "Last.fm error " + t.code() : "HTTP " + t.status());
        }
        if (failure == null || cause instanceof SocketTimeoutException || cause instanceof TimeoutException
            || Boolean.TRUE.equals(exchange.getProperty(ExchangePropertyKey.CIRCUIT_BREAKER_RESPONSE_TIMED_OUT,
                    Boolean.class))) {
            return new UpstreamFailure(LastfmErrorKind.UNAVAILABLE, null, "no answer in time");
        }
        if (cause instanceof IOException) {
            return new UpstreamFailure(LastfmErrorKind.UNAVAILABLE, null, "it cannot be reached");
        }
        return new UpstreamFailure(LastfmErrorKind.UNAVAILABLE, null,
                "unexpected failure: " + failure.getClass().getSimpleName());
    }

    /**
     * What the circuit breaker's result (the attempts' outcome, or the fallback's failure) means for the fetch, or,
     * when the first attempt got no request slot, that Last.fm was too busy to ask: the one value {@code lastfm-fetch}
     * chooses on.
     */
    public LastfmFetch settle(@Body Object result, @Variable("attempt") Attempts attempt) {
        return LastfmFetch.settle(result, attempt);
    }

    /**
     * The retry state for one fetch, with its deadline (the call's timeout) and the first attempt's request slot. When
     * the shared budget has no slot within the wait bounds ({@code lastfm.throttle.max-queue}, {@code
     * lastfm.throttle.max-queue-wait}) the state is {@link Attempts#isBusy() busy}: {@code lastfm-fetch} skips the
     * circuit breaker (it never counts as an outage) and serves the stale copy, or "Last.fm is busy, retry in N s".
     */
    public Attempts attempts(@Variable(RequestDeadline.VARIABLE) Long requestDeadline,
            @Variable("lastfmCall") LastfmCall call) {
        long now = System.nanoTime();
        long deadline = now + timeout.toNanos();
        if (requestDeadline != null) {
            if (requestDeadline - now < pacing.attemptBudget().toNanos()) {
                throw new LastfmException(LastfmErrorKind.UNAVAILABLE, 0, "This request has used the time it may "
                        + "take, so Last.fm was not asked for more; ask for less at a time or try again.");
            }
            deadline = Math.min(deadline, requestDeadline);
        }
        Attempts attempts = new Attempts(maxRetries, initialDelay, maxDelay, maxRetryAfter, deadline, pacing.pacer(),
                pacing.attemptBudget(), call == null || call.request().repeatable());
        attempts.firstSlot();
        return attempts;
    }

    /** The loop's success step: the body (the attempt's outcome) stays, the loop ends. */
    public void attemptSucceeded(Attempts attempt) {
        attempt.succeeded();
    }

    /** The loop's failure step: schedules a retry (and tells the client), or rethrows. */
    public void attemptFailed(Attempts attempt, Exception failure, UpstreamCaller request, LastfmCall call)
            throws Exception {
        if (!(failure instanceof CancelledException)) {
            meters.request(call.method(), Attempts.transientCause(failure) != null ? "transient" : "failed");
        }
        attempt.failed(failure);
        meters.retry(call.method());
        if (log != null) {
            log.warning(request, "lastfm", "Last.fm did not answer properly ("
                    + describe(failure) + "); retry " + attempt.getRetries() + " in " + attempt.getDelayMillis()
                    + " ms");
        }
    }

    private static String describe(Exception failure) {
        Throwable cause = Attempts.transientCause(failure);
        if (cause instanceof TransientLastfmException t) {
            return t.code() != 0 ? "error " + t.code() : "HTTP " + t.status();
        }
        return cause == null ? failure.getClass().getSimpleName() : cause.getClass().getSimpleName();
    }

    /**
     * After a successful write as the signed-in user: every cached answer about that user (recent, loved and top
     * tracks, track and album info with their username) is left behind, so the next read asks Last.fm.
     */
    public void written(@Variable("lastfmCall") LastfmCall call, @Variable("caller") LastfmAccount account) {
        if (account != null && account.lastfmUser() != null && call.isWrite()) {
            writes.wrote(account.lastfmUser());
        }
    }

    /** A fresh answer. */
    public LastfmResult fresh(@Variable("lastfmData") Object data) {
        return LastfmResult.fresh(data);
    }

    /** The answer's cache entry, with its data class's time to live. */
    public CachedValue cacheEntry(@Variable("lastfmCall") LastfmCall call, @Variable("lastfmData") Object data) {
        return CachedValue.of(data, clock.instant(), caches.ttl(call.dataClass()));
    }

    /** A "not found" remembered for the negative-cache time to live. */
    public CachedValue notFoundEntry(@Variable("lastfmFetch") LastfmFetch fetch) {
        return CachedValue.notFound(fetch.error(), clock.instant(), caches.negativeTtl());
    }

    /**
     * The fetch's permanent error, thrown as the call's result. Error 9 (invalid session key) on a call made with the
     * signed-in account's own session key means Last.fm no longer accepts that sign-in: it is marked invalid, and the
     * error says how to sign in again.
     */
    public Object raise(@Variable("lastfmFetch") LastfmFetch fetch, @Variable("lastfmCall") LastfmCall call,
            @Variable("caller") LastfmAccount account) {
        LastfmException error = fetch.error();
        if (error.code() == 9 && rejectedSignIns != null && call != null && account != null
            && account.signInKey() != null && account.lastfmSessionKey() != null
            && account.lastfmSessionKey().equals(call.request().sessionKey())) {
            throw new LastfmException(LastfmErrorKind.AUTH_FAILED, 9, rejectedSignIns.rejected(account));
        }
        throw error;
    }

    /**
     * Stale-if-error: the last good answer (variable {@code cached}, within the max-stale window), said to be stale;
     * else the fetch's failure.
     */
    public LastfmResult staleOrFail(@Variable("cached") CachedValue cached, @Variable("lastfmFetch") LastfmFetch fetch,
            @Variable("lastfmCall") LastfmCall call, @Variable("mcp") UpstreamCaller request) {
        UpstreamFailure failure = fetch.failure();
        if (cached != null && cached.data() != null) {
            meters.servedStale(call.dataClass());
            LastfmResult stale = LastfmResult.stale(cached.data(), Duration.between(cached.storedAt(),
                    clock.instant()));
            if (log != null) {
                log.warning(request, "lastfm", (failure.busy() ? "Last.fm is busy (" : "Last.fm is unavailable (")
                        + failure.detail() + "): serving the " + call.method() + " answer from "
                        + stale.staleAgeSeconds() + " s ago");
            }
            return stale;
        }
        throw LastfmErrors.unavailable(failure);
    }
}
