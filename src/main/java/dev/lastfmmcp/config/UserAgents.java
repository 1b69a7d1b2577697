package dev.lastfmmcp.config;

import dev.lastfmmcp.mcp.ServerIdentity;

/**
 * The User-Agent headers this server sends upstream: Last.fm asks for an identifiable one; MusicBrainz requires
 * application name, version and a contact.
 */
public class UserAgents {

    private final String lastfm;
    private final String musicbrainz;

    public UserAgents(ServerIdentity identity, String musicbrainzContact) {
        this.lastfm = identity.name() + "/" + identity.version() + " (" + identity.websiteUrl() + ")";
        String contact = musicbrainzContact == null || musicbrainzContact.isBlank()
                ? identity.websiteUrl() : musicbrainzContact.trim();
        this.musicbrainz = identity.name() + "/" + identity.version() + " ( " + contact + " )";
    }

    public String lastfm() {
        return lastfm;
    }

    public String musicbrainz() {
        return musicbrainz;
    }
}
