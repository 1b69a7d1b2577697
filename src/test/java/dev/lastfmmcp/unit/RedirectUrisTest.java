package dev.lastfmmcp.unit;

import dev.lastfmmcp.oauth.RedirectUris;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RedirectUrisTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://claude.ai/api/mcp/auth_callback", "http://127.0.0.1:6276/oauth/callback",
            "http://localhost/cb", "http://[::1]:33418/", "com.example.app:/oauth2redirect", "cursor://anysphere/cb",
            "https://app.example/cb?x=1"})
    void registrable(String uri) {
        assertThat(RedirectUris.problem(uri)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://example.com/cb|loopback host",
        "https://app.example/cb#frag|fragment",
        "https://user:pw@app.example/cb|user information",
        "javascript:alert(1)|not allowed",
        "data:text/html,hi|not allowed",
        "file:///etc/passwd|not allowed",
        "/relative/cb|absolute",
        "https:///nohost|host",
        "http://127.0.0.1.evil.example/cb|loopback host",
        "ht tp://x|not a valid URI"})
    void refused(String uri, String reason) {
        assertThat(RedirectUris.problem(uri)).contains(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://app.example/cb|https://app.example/cb|true",
        "https://app.example/cb|https://app.example/cb/|false",
        "https://app.example/cb|https://app.example:8443/cb|false",
        "http://127.0.0.1/cb|http://127.0.0.1:51234/cb|true",
        "http://127.0.0.1:6276/cb|http://127.0.0.1:9999/cb|true",
        "http://127.0.0.1/cb|http://127.0.0.1:51234/other|false",
        "http://127.0.0.1/cb|http://localhost:51234/cb|false",
        "http://127.0.0.1/cb?a=1|http://127.0.0.1:5/cb?a=2|false",
        "http://127.0.0.1/cb|http://127.0.0.1:5/cb#x|false"})
    void exactMatchExceptTheLoopbackPort(String registered, String requested, boolean matches) {
        assertThat(RedirectUris.matches(registered, requested)).isEqualTo(matches);
    }

    @org.junit.jupiter.api.Test
    void emptyAndLongAreRefused() {
        assertThat(RedirectUris.problem("")).contains("empty");
        assertThat(RedirectUris.problem(null)).contains("empty");
        assertThat(RedirectUris.problem("https://a.example/" + "x".repeat(2000))).contains("longer");
    }
}
