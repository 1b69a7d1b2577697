package dev.lastfmmcp.lastfm.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A page of a user's friends.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Friends(String user, Page page, List<UserInfo> users) {

    public Friends {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
