package dev.lastfmmcp.routes;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.musicbrainz.Enrichment;
import dev.lastfmmcp.musicbrainz.MusicBrainzRequest;
import dev.lastfmmcp.support.UpstreamTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** MUSICBRAINZ_ENABLED=false: no call at all, a note instead. */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "musicbrainz.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MusicBrainzDisabledTest extends UpstreamTestSupport {


    @Test
    void switchedOffMeansNoCall() {
        Enrichment enrichment = context.createProducerTemplate().send("direct:musicbrainz-lookup",
                e -> e.setVariable("musicbrainz", MusicBrainzRequest.artist(null, "Björk")))
                .getMessage().getBody(Enrichment.class);
        assertThat(enrichment.isFound()).isFalse();
        assertThat(enrichment.note()).contains("switched off");
        assertThat(MUSICBRAINZ.getAllServeEvents()).isEmpty();
    }
}
