package dev.lastfmmcp.lastfm.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A tag: name and URL, with a count (uses or weight) where the method gives one, and reach/taggings in the global tag
 * chart.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tag(String name, String url, Long count, Long reach, Long taggings) {
}
