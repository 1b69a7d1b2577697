package dev.lastfmmcp.support;

import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;

/**
 * Last.fm and MusicBrainz stand-ins on free loopback ports, started before a test class boots the app; the app finds
 * them through the {@code lastfm.api-url} and {@code musicbrainz.api-url} properties, which the test class gives to
 * the app as override properties of camel-test-main-junit5 (see {@link UpstreamTestSupport}).
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

    /** The properties that point the app at the stand-ins (musicbrainz may be null: left as configured). */
    public static Map<String, String> properties(WireMockServer lastfm, WireMockServer musicbrainz) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("lastfm.api-url", "http://127.0.0.1:" + lastfm.port() + "/2.0/");
        properties.put("lastfm.api-key", API_KEY);
        properties.put("lastfm.shared-secret", SHARED_SECRET);
        if (musicbrainz != null) {
            properties.put("musicbrainz.api-url", "http://127.0.0.1:" + musicbrainz.port() + "/ws/2/");
        }
        return properties;
    }
}
