package dev.lastfmmcp.musicbrainz;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.upstream.Pacer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MBIDs are UUIDs before they reach a MusicBrainz path; anything else is no MBID (issue 11.10). */
class MbidTest {

    @Test
    void aUuidIsKeptInCanonicalForm() {
        assertThat(Mbid.valid("17b53d9f-5c63-4a09-a593-dde4608e0db9")).isEqualTo("17b53d9f-5c63-4a09-a593-dde4608e0db9");
        assertThat(Mbid.valid(" 17B53D9F-5C63-4A09-A593-DDE4608E0DB9 ")).isEqualTo("17b53d9f-5c63-4a09-a593-dde4608e0db9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../2.0/x", "@evil.example/x", "", "   ", "rel-1",
            "17b53d9f-5c63-4a09-a593-dde4608e0db9/../../x", "17b53d9f-5c63-4a09-a593-dde4608e0db9?inc=x",
            "17b53d9f5c634a09a593dde4608e0db9", "17b53d9f-5c63-4a09-a593-dde4608e0dbz",
            "17b53d9f-5c63-4a09-a593-dde4608e0db9\u0000", "http://evil.example/17b53d9f-5c63-4a09-a593-dde4608e0db9",
            "17b53d9f5-c63-4a09-a593-dde4608e0db9", "17b53d9f-5c63-4a09-a593-dde4608e0db-", "-7b53d9f-5c63-4a09-a593-dde4608e0db9",
            "17b53d9f-5c63-4a09-a593-dde4608e0d\u0663\u0669", "17b53d9f-5c63-4a09-a593-dde4608e0dbG",
            "17b53d9f_5c63_4a09_a593_dde4608e0db9", "17b53d9f-5c63-4a09-a593-dde4608e0db90"})
    void anythingElseIsNoMbid(String value) {
        assertThat(Mbid.valid(value)).isNull();
        assertThat(MusicBrainzRequest.artist(value, "Someone").mbid()).isNull();
        assertThat(MusicBrainzRequest.album(value, "Album", "Someone").mbid()).isNull();
    }

    @Test
    void nullIsNoMbid() {
        assertThat(Mbid.valid(null)).isNull();
    }

    @Test
    void withoutAValidMbidTheArtistIsSearchedByNameAndAnEvilSearchResultIsNotLookedUp() throws Exception {
        ObjectMapper json = new ObjectMapper();
        MusicBrainzCalls calls = new MusicBrainzCalls(true, new MusicBrainzMapper(), json,
                Pacer.oneEvery(Duration.ofMillis(1100), 4, Duration.ofSeconds(4)),
                new MusicBrainzCalls.Timing(Duration.ofSeconds(8), Duration.ofSeconds(3), Duration.ofSeconds(2)));
        MusicBrainzRequest request = MusicBrainzRequest.artist("../../2.0/x", "Evil");
        assertThat(calls.artistSearch(request).path()).isEqualTo("artist");
        MusicBrainzAnswer search = new MusicBrainzAnswer(200, json.readTree("{\"artists\":[{\"id\":\"../../2.0/x\","
                + "\"name\":\"Evil\",\"score\":100}]}"), false, null);
        assertThat(calls.confidentArtist(search, request)).isNull();
        assertThat(calls.noArtistMatch(search, request).note()).contains("no confident match for Evil");
    }

    @Test
    void theEnrichmentTimeBoundsAreCheckedAtStart() {
        assertThatThrownBy(() -> new MusicBrainzCalls.Timing(Duration.ofSeconds(3), Duration.ofSeconds(3),
                Duration.ofSeconds(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("musicbrainz.http.response-timeout-ms").hasMessageContaining("musicbrainz.timeout-ms");
    }
}
