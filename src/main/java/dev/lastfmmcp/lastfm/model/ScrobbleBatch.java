package dev.lastfmmcp.lastfm.model;

import java.util.List;

/**
 * The answer to one track.scrobble batch: the echoed scrobbles in the order they were sent (Last.fm sends an object for
 * one and an array for several) and its {@code @attr} counts.
 */
public record ScrobbleBatch(List<Scrobbled> scrobbles, int accepted, int ignored) {

    public ScrobbleBatch {
        scrobbles = scrobbles == null ? List.of() : List.copyOf(scrobbles);
    }
}
