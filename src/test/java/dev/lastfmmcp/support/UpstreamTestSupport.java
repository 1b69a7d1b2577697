package dev.lastfmmcp.support;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base for tests of the real app (annotate the subclass with {@code @CamelMainTest} and PER_CLASS) against WireMock
 * Last.fm and MusicBrainz on free loopback ports, started before the class boots the app and stopped after it, so no
 * test reaches the internet.
 *
 * <p>The stand-ins' URLs reach the app as override properties of its properties component, the same mechanism as
 * {@code @CamelMainTest(properties = ...)}, added at run time because the ports are known only once WireMock runs:
 * the {@link Configure} hook adds a configuration that sets them on the properties component before
 * {@code AppConfiguration} and the routes read them. A key the class sets in its own {@code properties} wins. No JVM
 * system property is set, so nothing leaks into the next test class.
 */
public abstract class UpstreamTestSupport extends AppTestSupport {

    // per test class (classes share one JVM)
    protected static WireMockServer LASTFM;
    protected static WireMockServer MUSICBRAINZ;

    @BeforeAll
    void startUpstreams() {
        LASTFM = WireMockUpstreams.start();
        MUSICBRAINZ = startMusicBrainz();
    }

    /** The MusicBrainz stand-in; a class may start it with WireMock extensions (e.g. a strict rate limiter). */
    protected WireMockServer startMusicBrainz() {
        return WireMockUpstreams.start();
    }

    @Configure
    protected void pointTheAppAtTheStandIns(MainConfigurationProperties configuration) {
        Set<String> own = ownProperties();
        // added before init, so it runs ahead of the annotation's AppConfiguration (which reads the key and URLs)
        configuration.addConfiguration(new CamelConfiguration() {
            @Override
            public void configure(CamelContext context) {
                WireMockUpstreams.properties(LASTFM, MUSICBRAINZ).forEach((key, value) -> {
                    if (!own.contains(key)) {
                        context.getPropertiesComponent().addOverrideProperty(key, value);
                    }
                });
            }
        });
    }

    /** The keys the class sets in its own {@code @CamelMainTest(properties = ...)}. */
    private Set<String> ownProperties() {
        CamelMainTest test = getClass().getAnnotation(CamelMainTest.class);
        return test == null ? Set.of() : Arrays.stream(test.properties())
                .map(p -> p.substring(0, Math.max(p.indexOf('='), 0)).trim())
                .collect(Collectors.toSet());
    }

    @AfterAll
    void stopUpstreams() {
        LASTFM.stop();
        MUSICBRAINZ.stop();
    }
}
