package dev.lastfmmcp.tools;

/** What the server knows about its upstreams, without the secrets themselves. */
public record UpstreamSettings(String lastfmApiUrl, boolean lastfmApiKeyConfigured, boolean lastfmSharedSecretConfigured,
        String musicbrainzApiUrl, boolean musicbrainzEnabled) {
}
