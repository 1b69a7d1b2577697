package dev.lastfmmcp.web;

import java.time.Duration;

import dev.lastfmmcp.config.AppConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sign-in steps without a CamelContext: configuration, cookies, query parsing, escaping. */
class SignInFlowUnitTest {

    private static SignInFlow flow(String apiKey, boolean secret, String base) {
        return new SignInFlow(new SignInFlow.Settings(apiKey, secret, "https://www.last.fm/api/auth/",
                Duration.ofMinutes(10)), () -> base, null, null, new SignInPages("Last.fm MCP Server"),
                AppConfiguration.objectMapper());
    }

    @Test
    void withoutAnApiKeyAndSharedSecretLoginIsA503PageThatSaysWhatToSet() {
        for (SignInFlow unconfigured : new SignInFlow[] {flow("", true, "http://h"), flow("key", false, "http://h")}) {
            WebPage page = unconfigured.login();
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("LASTFM_API_KEY", "LASTFM_SHARED_SECRET", "Sign-in is not configured");
            assertThat(unconfigured.isConfigured()).isFalse();
        }
    }

    @Test
    void onHttpsTheStateCookieIsSecure() {
        WebPage page = flow("key", true, "https://lastfm-mcp.example").login();
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.headers().get("Location")).startsWith("https://www.last.fm/api/auth/?api_key=key&cb="
                + "https%3A%2F%2Flastfm-mcp.example%2Fcallback%3Fstate%3D");
        assertThat(page.headers().get("Set-Cookie")).endsWith("; Secure");
        assertThat(flow("key", true, "http://127.0.0.1:8080").login().headers().get("Set-Cookie"))
                .doesNotContain("Secure");
    }

    @Test
    void aCallbackBeforeAnyCheckRefusesBadTokens() {
        SignInFlow flow = flow("key", true, "http://h");
        assertThatThrownBy(() -> flow.sessionRequest("state=AAAAAAAAAAAAAAAAAAAAAA&token=" + "a".repeat(65),
                SignInFlow.STATE_COOKIE + "=AAAAAAAAAAAAAAAAAAAAAA"))
                .isInstanceOfSatisfying(SignInRefusedException.class, e -> {
                    assertThat(e.page().status()).isEqualTo(400);
                    assertThat(e.page().body()).contains("Nothing was sent to Last.fm");
                });
        assertThatThrownBy(() -> flow.sessionRequest("state=AAAAAAAAAAAAAAAAAAAAAA", null))
                .isInstanceOfSatisfying(SignInRefusedException.class,
                        e -> assertThat(e.page().body()).contains("did not send a sign-in token"));
    }

    @Test
    void cookiesAndFieldsAreReadStrictly() {
        assertThat(SignInFlow.cookie("a=1; " + SignInFlow.STATE_COOKIE + "=xyz; b=2")).isEqualTo("xyz");
        assertThat(SignInFlow.cookie("a=1")).isNull();
        assertThat(SignInFlow.cookie(null)).isNull();
        assertThat(SignInFlow.query("token=a%20b&token=second&bad=%zz&flag")).containsEntry("token", "a b")
                .containsEntry("flag", "").doesNotContainKey("bad");
    }

    @Test
    void theSuccessPageEscapesTheUsername() {
        String html = new SignInPages("T").signedIn("<b>x</b>", "http://h/mcp?session_id=abc", "http://h/logout",
                "abc", Duration.ofDays(30), java.time.Instant.EPOCH);
        assertThat(html).contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>").contains("30 days");
    }
}
