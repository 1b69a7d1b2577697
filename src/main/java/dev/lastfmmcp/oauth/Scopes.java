package dev.lastfmmcp.oauth;

import java.util.List;

/** The OAuth scopes of this server: reading Last.fm through the tools, and the write tools. */
public final class Scopes {

    public static final String READ = "lastfm:read";
    public static final String WRITE = "lastfm:write";
    public static final List<String> SUPPORTED = List.of(READ, WRITE);

    private Scopes() {
    }
}
