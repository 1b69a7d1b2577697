package dev.lastfmmcp.lastfm;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LastfmQueryTest {

    @ParameterizedTest
    @ValueSource(strings = {"Simon & Garfunkel", "AC/DC", "Florence + the Machine", "Sigur Rós", "坂本龍一",
            "Hell's Bells", "100% #1 hits", "a=b&c=d"})
    void everyValueSurvivesTheQueryString(String name) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("method", "artist.getInfo");
        params.put("artist", name);
        String query = LastfmQuery.encode(params);
        assertThat(query).doesNotContain(" ");
        String[] pairs = query.split("&");
        assertThat(pairs).hasSize(2);
        assertThat(URLDecoder.decode(pairs[1].substring("artist=".length()), StandardCharsets.UTF_8)).isEqualTo(name);
    }
}
