package dev.lastfmmcp.lastfm.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a Last.fm list: 1-based page number, page size, page count and total item count.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page(int page, int perPage, int totalPages, long total) {
}
