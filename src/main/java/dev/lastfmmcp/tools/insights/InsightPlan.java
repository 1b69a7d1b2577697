package dev.lastfmmcp.tools.insights;

import java.util.ArrayList;
import java.util.List;

import dev.lastfmmcp.lastfm.LastfmException;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.tools.ToolOutput;

/**
 * What every multi-step insight call keeps between its phases, whatever it computes: how many Last.fm requests its
 * phases sent, the answers it read (so a stale one marks the result stale), and the parts it had to skip.
 */
public abstract class InsightPlan {

    private final List<String> skipped = new ArrayList<>();
    private final List<LastfmResult> results = new ArrayList<>();
    private int requests;

    /** Counts a phase's requests and hands them on. */
    protected final List<LastfmRequest> send(List<LastfmRequest> phase) {
        requests += phase.size();
        return phase;
    }

    /** Keeps a successful answer for the stale check; returns the fetch for reading. */
    protected final Fetch keep(Fetch fetch) {
        if (fetch.ok()) {
            results.add(fetch.result());
        }
        return fetch;
    }

    /** Notes a part of the answer that could not be computed (shown to the reader and in {@code skipped}). */
    protected final void skip(String note) {
        skipped.add(note);
    }

    /** A failure's message as the end of a sentence. */
    static String reason(LastfmException failure) {
        String message = failure.getMessage();
        return message.endsWith(".") ? message : message + ".";
    }

    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    public List<LastfmResult> results() {
        return List.copyOf(results);
    }

    /** Requests sent to the Last.fm client so far (cache hits included). */
    public int requests() {
        return requests;
    }

    /** The most requests one call can make with this plan's settings and arguments. */
    public abstract int requestBound();

    /** The output of the call: stale when any answer read was stale, with the request counts and skipped parts. */
    ToolOutput output() {
        return ToolOutput.create().from(results.toArray(new LastfmResult[0]))
                .put("skipped", skipped())
                .put("lastfmRequests", requests)
                .put("lastfmRequestBound", requestBound());
    }

    /** The closing lines of the text: what was skipped, and the Last.fm requests made. */
    void footer(ToolOutput out) {
        out.blank();
        for (String note : skipped) {
            out.line("_Skipped: " + note + "_");
        }
        out.line("_Last.fm requests: " + requests + " (at most " + requestBound() + " for this tool; repeats are "
                 + "answered from the cache)._");
    }
}
