package dev.lastfmmcp.musicbrainz;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.upstream.Pacer;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import dev.lastfmmcp.upstream.UpstreamBusyException;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The computing steps of {@code direct:musicbrainz-lookup}: the GETs to send (artist search, artist lookup, release
 * lookup, release group search), the pacing slot of each GET, reading an answer, the confident-match decisions and the
 * note that says why there are no details. Nothing here ever fails the calling tool: every outcome ends as an
 * {@link Enrichment}.
 */
public class MusicBrainzCalls {

    private static final Logger LOG = LoggerFactory.getLogger(MusicBrainzCalls.class);
    private static final String NO_DETAILS = ", so this answer has no MusicBrainz details";
    static final String ARTIST_INC = "url-rels+tags+genres";

    /**
     * Time bounds of one enrichment: the whole of it (all its GETs and waits), one GET (connect plus response
     * timeout), and the longest Retry-After waited for once.
     */
    public record Timing(Duration deadline, Duration attemptBudget, Duration maxRetryAfter) {
        public Timing {
            if (attemptBudget.compareTo(deadline) >= 0) {
                throw new IllegalArgumentException("musicbrainz.connect-timeout-ms + musicbrainz.http.response-timeout-ms ("
                        + attemptBudget.toMillis() + " ms) must be shorter than musicbrainz.timeout-ms ("
                        + deadline.toMillis() + " ms): one GET has to end before the enrichment's deadline");
            }
        }
    }

    private final boolean enabled;
    private final MusicBrainzMapper mapper;
    private final ObjectMapper json;
    private final Pacer pacer;
    private final Timing timing;

    public MusicBrainzCalls(boolean enabled, MusicBrainzMapper mapper, ObjectMapper json, Pacer pacer, Timing timing) {
        this.enabled = enabled;
        this.mapper = mapper;
        this.json = json;
        this.pacer = pacer;
        this.timing = timing;
    }

    /** The outcomes of MusicBrainz GETs, see {@link #OUTCOMES}. */
    public static final java.util.List<String> OUTCOMES = java.util.List.of("ok", "not_found", "error",
            "rate_limited", "transient", "no_answer");

    private java.util.function.Consumer<String> outcomes = outcome -> { };

    /** Where the outcome of each GET is counted (the metrics): one of {@link #OUTCOMES}. */
    public void countRequests(java.util.function.Consumer<String> counter) {
        this.outcomes = counter;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Enrichment disabled() {
        return Enrichment.none("MusicBrainz enrichment is switched off on this server");
    }

    // ------------------------------------------------------------------ time

    /** The enrichment's deadline (System.nanoTime): every GET must end before it. */
    public long deadline() {
        return System.nanoTime() + timing.deadline().toNanos();
    }

    /**
     * The wait (ms) before this GET may leave: MusicBrainz's pace, bounded by the queue and the deadline; -1 when no
     * slot is free in time (the GET is not sent, {@link #busy}).
     */
    public long reserve(@Variable("mbDeadline") long deadline) {
        try {
            return pacer.reserve(Long.MIN_VALUE, deadline, timing.attemptBudget().toNanos());
        } catch (UpstreamBusyException e) {
            return -e.retryAfterSeconds();
        }
    }

    /** The answer of a GET that was not sent for want of a pacing slot ({@code wait}: minus the seconds to wait). */
    public MusicBrainzAnswer busy(@Variable("mbWait") long wait) {
        return MusicBrainzAnswer.busy(Math.max(1, -wait));
    }

    /** Whether a 503 asked to wait a Retry-After short enough to wait for once. */
    public boolean retryDue(@Body MusicBrainzAnswer answer) {
        return answer.status() == 503 && answer.retryAfterSeconds() != null
               && Duration.ofSeconds(answer.retryAfterSeconds()).compareTo(timing.maxRetryAfter()) <= 0;
    }

    /** The wait (ms) before the retry: no earlier than the Retry-After, which also holds back every other GET. */
    public long reserveRetry(@Body MusicBrainzAnswer answer, @Variable("mbDeadline") long deadline) {
        Duration retryAfter = Duration.ofSeconds(answer.retryAfterSeconds());
        pacer.pause(retryAfter);
        try {
            return pacer.reserve(System.nanoTime() + retryAfter.toNanos(), deadline,
                    timing.attemptBudget().toNanos());
        } catch (UpstreamBusyException e) {
            return -e.retryAfterSeconds();
        }
    }

    // ------------------------------------------------------------------ answers

    /** One HTTP answer as a value; only the status, the body and Retry-After are read. */
    public MusicBrainzAnswer classify(@Header(Exchange.HTTP_RESPONSE_CODE) Integer status, @Body String body,
            @Header("Retry-After") String retryAfter) {
        int code = status == null ? 0 : status;
        if (code == 503) {
            boolean rateLimited = retryAfter != null
                                  || body != null && body.toLowerCase(Locale.ROOT).contains("rate limit");
            outcomes.accept(rateLimited ? "rate_limited" : "transient");
            return new MusicBrainzAnswer(code, null, rateLimited, seconds(retryAfter));
        }
        if (code != 200) {
            outcomes.accept(code == 404 ? "not_found" : code >= 500 || code == 0 ? "transient" : "error");
            return new MusicBrainzAnswer(code, null, false, null);
        }
        try {
            JsonNode tree = body == null ? null : json.readTree(body);
            boolean read = tree != null && !tree.isMissingNode();
            outcomes.accept(read ? "ok" : "transient");
            return new MusicBrainzAnswer(read ? 200 : 0, tree, false, null);
        } catch (JsonProcessingException e) {
            outcomes.accept("transient");
            return new MusicBrainzAnswer(0, null, false, null);
        }
    }

    /**
     * The answer a step reads. Values: 200, 404 and other 4xx, a rate limit (every GET is then held back) and a GET
     * not sent (busy); thrown: a 5xx or a body that is not JSON, the outages MusicBrainz's breaker counts.
     */
    public MusicBrainzAnswer settle(@Body MusicBrainzAnswer answer) {
        if (answer.isRateLimited()) {
            pacer.pause(answer.retryAfterSeconds() == null ? Duration.ofSeconds(1)
                    : Duration.ofSeconds(Math.min(answer.retryAfterSeconds(), 60)));
        }
        if (answer.isOutage()) {
            throw new MusicBrainzOutageException(answer.status());
        }
        return answer;
    }

    // ------------------------------------------------------------------ artist steps

    public MusicBrainzGet artistSearch(@Variable("musicbrainz") MusicBrainzRequest request) {
        return new MusicBrainzGet("artist", "query=" + encode("artist:\"" + luceneEscape(request.name()) + "\"")
                                            + "&limit=5&fmt=json");
    }

    /** The MBID a name search found for sure, or null (no confident match, or nothing readable). */
    public String confidentArtist(@Variable("mbSearch") MusicBrainzAnswer search,
            @Variable("musicbrainz") MusicBrainzRequest request) {
        if (!search.isOk()) {
            return null;
        }
        return mapper.confidentMatch(search.body(), request.name()).map(ArtistMatch::mbid).map(Mbid::valid)
                .orElse(null);
    }

    public MusicBrainzGet artistLookup(@Variable("mbArtist") String mbid) {
        return new MusicBrainzGet("artist/" + Mbid.valid(mbid), "inc=" + ARTIST_INC + "&fmt=json");
    }

    public Enrichment artist(@Variable("mbLookup") MusicBrainzAnswer lookup,
            @Variable("musicbrainz") MusicBrainzRequest request) {
        return lookup.isOk() ? Enrichment.of(mapper.artist(lookup.body())) : missing(lookup, request);
    }

    /** No lookup after the search: why (nothing there, refused, or no confident match). */
    public Enrichment noArtistMatch(@Variable("mbSearch") MusicBrainzAnswer search,
            @Variable("musicbrainz") MusicBrainzRequest request) {
        return search.isOk() ? Enrichment.none("MusicBrainz has no confident match for " + describe(request))
                : missing(search, request);
    }

    // ------------------------------------------------------------------ album steps

    public MusicBrainzGet releaseLookup(@Variable("musicbrainz") MusicBrainzRequest request) {
        return new MusicBrainzGet("release/" + request.mbid(), "inc=release-groups&fmt=json");
    }

    public Enrichment releaseGroupOfRelease(@Variable("mbLookup") MusicBrainzAnswer lookup,
            @Variable("musicbrainz") MusicBrainzRequest request) {
        if (!lookup.isOk()) {
            return missing(lookup, request);
        }
        JsonNode group = lookup.body().get("release-group");
        return group == null || !group.isObject()
                ? Enrichment.none("MusicBrainz has no release group for " + describe(request))
                : Enrichment.of(mapper.releaseGroup(group));
    }

    public MusicBrainzGet releaseGroupSearch(@Variable("musicbrainz") MusicBrainzRequest request) {
        return new MusicBrainzGet("release-group", "query=" + encode("releasegroup:\"" + luceneEscape(request.name())
                + "\" AND artist:\"" + luceneEscape(request.artist() == null ? "" : request.artist()) + "\"")
                + "&limit=5&fmt=json");
    }

    public Enrichment confidentReleaseGroup(@Variable("mbSearch") MusicBrainzAnswer search,
            @Variable("musicbrainz") MusicBrainzRequest request) {
        if (!search.isOk()) {
            return missing(search, request);
        }
        return mapper.confidentReleaseGroup(search.body(), request.name(), request.artist()).map(Enrichment::of)
                .orElseGet(() -> Enrichment.none("MusicBrainz has no confident match for " + describe(request)));
    }

    /**
     * Why there are no details: a 404 (remembered), a rate limit, no pacing slot in time, or a refused request (none of
     * the last three remembered: they pass, or may be this server's configuration).
     */
    private static Enrichment missing(MusicBrainzAnswer answer, MusicBrainzRequest request) {
        if (answer.isNotFound()) {
            return Enrichment.none("MusicBrainz has no entry for " + describe(request));
        }
        if (answer.isRateLimited()) {
            return Enrichment.unavailable("MusicBrainz is unavailable right now: it is rate-limiting this server"
                    + (answer.retryAfterSeconds() == null ? "" : " (try again in " + answer.retryAfterSeconds() + " s)")
                    + NO_DETAILS);
        }
        if (answer.isBusy()) {
            return Enrichment.unavailable("MusicBrainz is busy on this server (requests to it are paced, one at a "
                    + "time), so this answer has no MusicBrainz details; retry in " + answer.retryAfterSeconds()
                    + " s for them");
        }
        LOG.warn("MusicBrainz refused a request with HTTP {}", answer.status());
        return Enrichment.unavailable("MusicBrainz refused the request for " + describe(request) + " (HTTP "
                                      + answer.status() + ")" + NO_DETAILS);
    }

    // ------------------------------------------------------------------ failures

    /** The breaker fell back: its circuit is open, or MusicBrainz failed (5xx, no answer in time, unreachable). */
    public Enrichment unavailable(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        String why;
        // (Camel marks every fallback "short-circuited", and the state is OPEN already after the failure that opened
        // it: only a call the breaker did not permit says the breaker is open)
        if (failure == null || cause(failure, CallNotPermittedException.class) != null) {
            why = "its circuit breaker is open after repeated failures";
        } else if (cause(failure, MusicBrainzOutageException.class) instanceof MusicBrainzOutageException outage) {
            why = outage.status() == 200 ? "its answer was not JSON" : "HTTP " + outage.status();
        } else if (cause(failure, SocketTimeoutException.class) != null
                   || cause(failure, TimeoutException.class) != null) {
            why = "no answer in time";
            outcomes.accept("no_answer");
        } else if (cause(failure, IOException.class) != null) {
            why = "it cannot be reached";
            outcomes.accept("no_answer");
        } else {
            why = "unexpected failure";
        }
        LOG.debug("MusicBrainz enrichment skipped: {}", failure == null ? why : failure.toString());
        return Enrichment.unavailable("MusicBrainz is unavailable right now (" + why + ")" + NO_DETAILS);
    }

    /** Anything unexpected (the breaker handles every upstream failure): logged, skipped. */
    public Enrichment failed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        LOG.warn("MusicBrainz enrichment failed: {}", failure == null ? "unknown" : failure.toString());
        return Enrichment.unavailable("MusicBrainz details could not be read this time");
    }

    private static Throwable cause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return current;
            }
        }
        return null;
    }

    private static String describe(MusicBrainzRequest request) {
        String what = request.name() != null ? request.name() : request.mbid();
        return request.artist() == null ? what : what + " by " + request.artist();
    }

    private static Long seconds(String retryAfter) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return null;
        }
        try {
            return Math.max(0, Long.parseLong(retryAfter.strip()));
        } catch (NumberFormatException e) {
            return null; // an HTTP date: treated as no usable hint
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Escapes Lucene query syntax inside a quoted phrase. */
    static String luceneEscape(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
