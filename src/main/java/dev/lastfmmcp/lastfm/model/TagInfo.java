package dev.lastfmmcp.lastfm.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A tag (tag.getInfo): how often it was used ({@code total}), by how many people ({@code reach}), and its wiki.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TagInfo(String name, Long total, Long reach, Wiki wiki) {
}
