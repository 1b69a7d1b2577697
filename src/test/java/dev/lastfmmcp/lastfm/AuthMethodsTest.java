package dev.lastfmmcp.lastfm;

import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.lastfm.model.AuthToken;
import dev.lastfmmcp.lastfm.model.Session;
import org.junit.jupiter.api.Test;

import static dev.lastfmmcp.support.Fixtures.json;
import static dev.lastfmmcp.support.Fixtures.lastfmJson;
import static org.assertj.core.api.Assertions.assertThat;

class AuthMethodsTest {

    private final LastfmNormalizer normalizer = new LastfmNormalizer();

    @Test
    void token() {
        AuthToken token = (AuthToken) normalizer.normalize("auth.getToken", lastfmJson("auth.getToken__ok.json"));

        assertThat(token.token()).isEqualTo("cf45fe5a3e3cebe168480a086d7fe481");
        assertThat(token.toString()).doesNotContain("cf45fe5a3e3cebe168480a086d7fe481");
    }

    @Test
    void sessionWithANumericSubscriberFlag() {
        Session session = (Session) normalizer.normalize("auth.getSession", lastfmJson("auth.getSession__ok.json"));

        assertThat(session).isEqualTo(new Session("MyLastFMUsername", "d580d57f32848f5dcf574d1ce18d78b2", false));
        assertThat(session.toString()).contains("MyLastFMUsername").doesNotContain("d580d57f32848f5dcf574d1ce18d78b2");
    }

    @Test
    void sessionWithAStringSubscriberFlag() {
        // hand-written: auth.getMobileSession-style "subscriber":"1" (lastfm-api.md §2.2)
        Session session = (Session) normalizer.normalize("auth.getSession",
                json("{\"session\":{\"name\":\"u\",\"key\":\"k\",\"subscriber\":\"1\"}}"));

        assertThat(session.subscriber()).isTrue();
    }
}
