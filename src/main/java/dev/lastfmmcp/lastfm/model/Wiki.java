package dev.lastfmmcp.lastfm.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A bio or wiki as plain text (no HTML, no "Read more" link, no licence notice) and when it was published.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Wiki(String summary, String content, Instant published) {
}
