package dev.lastfmmcp.completion;

import dev.lastfmmcp.mcp.ArgumentSpec;
import java.util.List;

import dev.lastfmmcp.lastfm.LastfmRequest;

/**
 * One completion/complete request as the route carries it (exchange variable {@code completion}): the argument, the
 * typed prefix, and where the values come from: a Last.fm request ({@code lastfm}, through {@code direct:lastfm-call}),
 * or values known here ({@code local}). With {@code filter}, Last.fm's list is narrowed to the prefix here (lists such
 * as the top tags); without it, Last.fm's search already matched the prefix.
 */
public record CompletionQuery(ArgumentSpec argument, String prefix, LastfmRequest lastfm, boolean filter,
        List<String> local) {

    public CompletionQuery {
        local = local == null ? List.of() : List.copyOf(local);
    }

    public static CompletionQuery fromLastfm(ArgumentSpec argument, String prefix, LastfmRequest request,
            boolean filter) {
        return new CompletionQuery(argument, prefix, request, filter, List.of());
    }

    public static CompletionQuery fromValues(ArgumentSpec argument, String prefix, List<String> values) {
        return new CompletionQuery(argument, prefix, null, true, values);
    }

    /** Whether the values come from Last.fm. */
    public boolean needsLastfm() {
        return lastfm != null;
    }
}
