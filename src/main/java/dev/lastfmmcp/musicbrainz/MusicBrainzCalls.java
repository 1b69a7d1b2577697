package dev.lastfmmcp.musicbrainz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The computing steps of {@code direct:musicbrainz-lookup}. Nothing here ever fails the calling tool. */
public class MusicBrainzCalls {

    private static final Logger LOG = LoggerFactory.getLogger(MusicBrainzCalls.class);

    private final boolean enabled;
    private final MusicBrainzMapper mapper;
    private final ObjectMapper json;

    public MusicBrainzCalls(boolean enabled, MusicBrainzMapper mapper, ObjectMapper json) {
        this.enabled = enabled;
        this.mapper = mapper;
        this.json = json;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public MusicBrainzPlan plan(@Variable("musicbrainz") MusicBrainzRequest request) {
        return new MusicBrainzPlan(request, mapper);
    }

    public Enrichment disabled() {
        return Enrichment.none("MusicBrainz enrichment is switched off on this server");
    }

    /** One answer: JSON for 200, null for 404 (nothing there); anything else is thrown (the breaker counts it). */
    public JsonNode classify(@Header(Exchange.HTTP_RESPONSE_CODE) Integer status, @Body String body) {
        int code = status == null ? 0 : status;
        if (code == 404) {
            return null;
        }
        if (code != 200) {
            throw new IllegalStateException("MusicBrainz answered HTTP " + code);
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("MusicBrainz answered with something that is not JSON");
        }
    }

    public void advance(@Variable("mbPlan") MusicBrainzPlan plan, @Body JsonNode answer) {
        plan.advance(answer);
    }

    /** The breaker fell back: no enrichment this time, and nothing cached. */
    public Enrichment unavailable(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.debug("MusicBrainz enrichment skipped: {}", cause == null ? "timeout or open breaker" : cause.toString());
        return Enrichment.unavailable("MusicBrainz is unavailable right now, so this answer has no MusicBrainz "
                                      + "details");
    }

    /** Anything unexpected: logged, skipped. */
    public Enrichment failed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        LOG.warn("MusicBrainz enrichment failed: {}", failure.toString());
        return Enrichment.unavailable("MusicBrainz details could not be read this time");
    }
}
