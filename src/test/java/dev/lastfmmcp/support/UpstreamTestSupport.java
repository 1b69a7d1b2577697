package dev.lastfmmcp.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base for tests of the real app (annotate the subclass with {@code @CamelMainTest} and PER_CLASS) against WireMock
 * Last.fm and MusicBrainz on free loopback ports, started before the class boots the app and stopped after it, so no
 * test reaches the internet.
 */
public abstract class UpstreamTestSupport extends AppTestSupport {

    // per test class (classes share one JVM)
    protected static WireMockServer LASTFM;
    protected static WireMockServer MUSICBRAINZ;

    @BeforeAll
    void startUpstreams() {
        LASTFM = WireMockUpstreams.start();
        MUSICBRAINZ = startMusicBrainz();
        WireMockUpstreams.useFor(LASTFM, MUSICBRAINZ);
    }

    /** The MusicBrainz stand-in; a class may start it with WireMock extensions (e.g. a strict rate limiter). */
    protected WireMockServer startMusicBrainz() {
        return WireMockUpstreams.start();
    }

    @AfterAll
    void stopUpstreams() {
        LASTFM.stop();
        MUSICBRAINZ.stop();
        WireMockUpstreams.clear();
    }
}
