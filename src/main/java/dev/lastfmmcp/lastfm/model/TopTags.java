package dev.lastfmmcp.lastfm.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Tags of a user or an artist, or the global tag chart (with its page).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TopTags(String user, String artist, Page page, List<Tag> tags) {

    public TopTags {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
