package dev.lastfmmcp.tools.insights;

import java.util.ArrayList;
import java.util.List;

import dev.lastfmmcp.lastfm.LastfmException;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;

/**
 * The steps of {@code direct:insights-fetch-all} that compute: each split part's outcome as a {@link Fetch}, and the
 * aggregation of the parts into one {@code List<Fetch>} (the route's result). An exception that is not a Last.fm
 * outcome (a bug) is kept on the result, so it still fails the tool.
 */
public class FanOut implements AggregationStrategy {

    public Fetch succeeded(@Variable("lastfm") LastfmRequest request, @Variable("answer") LastfmResult answer) {
        return Fetch.succeeded(request, answer);
    }

    public Fetch failed(@Variable("lastfm") LastfmRequest request,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) LastfmException failure) {
        return Fetch.failed(request, failure);
    }

    @Override
    public Exchange aggregate(Exchange gathered, Exchange part) {
        // the splitter calls this one part at a time, also when the parts run in parallel
        Exchange result = gathered == null ? part : gathered;
        List<Fetch> fetches = gathered == null ? new ArrayList<>() : fetches(gathered);
        if (part.getException() != null) {
            result.setException(part.getException());
        } else if (part.getMessage().getBody() instanceof Fetch fetch) {
            fetches.add(fetch);
        }
        result.getMessage().setBody(fetches);
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Fetch> fetches(Exchange gathered) {
        return (List<Fetch>) gathered.getMessage().getBody(List.class);
    }
}
