package dev.lastfmmcp.lastfm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.lastfm.model.AuthToken;
import dev.lastfmmcp.lastfm.model.Session;

import static dev.lastfmmcp.lastfm.LastfmJson.flag;
import static dev.lastfmmcp.lastfm.LastfmJson.text;

/** The auth.* methods of the desktop and web sign-in flows: getToken and getSession. */
final class AuthMapper {

    private AuthMapper() {
    }

    static AuthToken token(JsonNode body) {
        return new AuthToken(text(body.path("token")));
    }

    /** auth.getSession; {@code subscriber} comes as the number 0 or the string "0". */
    static Session session(JsonNode body) {
        JsonNode session = body.path("session");
        return new Session(text(session.path("name")), text(session.path("key")),
                Boolean.TRUE.equals(flag(session.path("subscriber"))));
    }
}
