package dev.lastfmmcp.upstream;

/**
 * The User-Agent headers this server sends upstream: Last.fm asks for an identifiable one; MusicBrainz requires
 * application name, version and a contact (MUSICBRAINZ_CONTACT, else MCP_PROJECT_URL; without either, none).
 */
public class UserAgents {

    private final String lastfm;
    private final String musicbrainz;

    /** @param name, version, websiteUrl what this server is (no URL: none is sent); the contact defaults to it */
    public UserAgents(String name, String version, String websiteUrl, String musicbrainzContact) {
        String product = name + "/" + version;
        String projectUrl = websiteUrl == null ? "" : websiteUrl.trim();
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
