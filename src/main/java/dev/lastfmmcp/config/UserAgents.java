package dev.lastfmmcp.config;

import dev.lastfmmcp.mcp.ServerIdentity;

/**
 * The User-Agent headers this server sends upstream: Last.fm asks for an identifiable one; MusicBrainz requires
 * application name, version and a contact (MUSICBRAINZ_CONTACT, else MCP_PROJECT_URL; without either, none).
 */
public class UserAgents {

    private final String lastfm;
    private final String musicbrainz;

    public UserAgents(ServerIdentity identity, String musicbrainzContact) {
        String product = identity.name() + "/" + identity.version();
        String projectUrl = identity.websiteUrl() == null ? "" : identity.websiteUrl().trim();
        this.lastfm = projectUrl.isEmpty() ? product : product + " (" + projectUrl + ")";
        String contact = musicbrainzContact == null || musicbrainzContact.isBlank()
                ? projectUrl : musicbrainzContact.trim();
        this.musicbrainz = contact.isEmpty() ? product : product + " ( " + contact + " )";
    }

    public String lastfm() {
        return lastfm;
    }

    public String musicbrainz() {
        return musicbrainz;
    }
}
