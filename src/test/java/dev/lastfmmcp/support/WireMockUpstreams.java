package dev.lastfmmcp.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;

/**
 * Last.fm and MusicBrainz stand-ins on free loopback ports, started before a test class boots the app; the app finds
 * them through the {@code lastfm.api-url} and {@code musicbrainz.api-url} system properties, which override
 * {@code application.properties}.
 */
public final class WireMockUpstreams {

    public static final String API_KEY = "test-api-key-0123456789";
    public static final String SHARED_SECRET = "test-shared-secret-9876543210";

    private WireMockUpstreams() {
    }

    public static WireMockServer start(Extension... extensions) {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1").containerThreads(60).jettyAcceptors(2).extensions(extensions));
        server.start();
        return server;
    }

    /** Points the app at the stand-ins (call before the app boots). */
    public static void useFor(WireMockServer lastfm, WireMockServer musicbrainz) {
        System.setProperty("lastfm.api-url", "http://127.0.0.1:" + lastfm.port() + "/2.0/");
        System.setProperty("lastfm.api-key", API_KEY);
        System.setProperty("lastfm.shared-secret", SHARED_SECRET);
        if (musicbrainz != null) {
            System.setProperty("musicbrainz.api-url", "http://127.0.0.1:" + musicbrainz.port() + "/ws/2/");
        }
    }

    public static void clear() {
        for (String key : new String[] {"lastfm.api-url", "lastfm.api-key", "lastfm.shared-secret",
                "musicbrainz.api-url"}) {
            System.clearProperty(key);
        }
    }
}
