package dev.lastfmmcp.upstream;

/**
 * The User-Agent headers this server sends upstream: Last.fm asks for an identifiable one; MusicBrainz requires
 * application name, version and a contact.
 */
public class UserAgents {

    private final String lastfm;
    private final String musicbrainz;

    /** @param name, version, websiteUrl what this server is; the contact defaults to the website */
    public UserAgents(String name, String version, String websiteUrl, String musicbrainzContact) {
        this.lastfm = name + "/" + version + " (" + websiteUrl + ")";
        String contact = musicbrainzContact == null || musicbrainzContact.isBlank()
                ? websiteUrl : musicbrainzContact.trim();
        this.musicbrainz = name + "/" + version + " ( " + contact + " )";
    }

    public String lastfm() {
        return lastfm;
    }

    public String musicbrainz() {
        return musicbrainz;
    }
}
