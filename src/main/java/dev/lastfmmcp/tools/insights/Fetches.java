package dev.lastfmmcp.tools.insights;

import java.util.List;
import java.util.Objects;

import dev.lastfmmcp.lastfm.LastfmRequest;

/** The outcomes of one fan-out, looked up by the request that produced them. */
public final class Fetches {

    private final List<Fetch> all;

    private Fetches(List<Fetch> all) {
        this.all = all;
    }

    /** The fan-out's result (a list of {@link Fetch}; anything else in it is ignored). */
    public static Fetches of(List<?> items) {
        return new Fetches(items == null ? List.of()
                : items.stream().filter(Fetch.class::isInstance).map(Fetch.class::cast).toList());
    }

    /** The outcome of {@code request}; a fan-out that lost it (it cannot) would be a bug. */
    public Fetch get(LastfmRequest request) {
        return all.stream().filter(fetch -> Objects.equals(fetch.request(), request)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no outcome for " + request));
    }

    public List<Fetch> all() {
        return all;
    }
}
