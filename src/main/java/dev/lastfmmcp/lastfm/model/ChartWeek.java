package dev.lastfmmcp.lastfm.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One week a weekly chart is available for: {@code from} (inclusive) to {@code to}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChartWeek(Instant from, Instant to) {
}
