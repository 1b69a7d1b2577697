package dev.lastfmmcp.unit;

import java.util.List;

import dev.lastfmmcp.jsonrpc.McpHttpException;
import dev.lastfmmcp.mcp.HttpGuard;
import dev.lastfmmcp.mcp.ReplyMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpGuardTest {

    private final HttpGuard loopback = new HttpGuard(List.of("https://app.example.com"), List.of(), true);
    private final HttpGuard open = new HttpGuard(List.of(), List.of(), false);

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost", "http://localhost:6274", "https://127.0.0.1:8080", "http://[::1]:3000",
            "https://app.example.com", "https://APP.example.com/"})
    void allowsLocalhostAndListedOrigins(String origin) {
        assertThatCode(() -> loopback.checkOrigin(origin)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example.com", "null", "https://app.example.com:8443", "file://localhost",
            "http://localhost.evil.com", "not a url"})
    void rejectsOtherOriginsWith403(String origin) {
        assertThatThrownBy(() -> loopback.checkOrigin(origin))
                .isInstanceOfSatisfying(McpHttpException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void requestsWithoutOriginPassAndStarAllowsAll() {
        assertThatCode(() -> loopback.checkOrigin(null)).doesNotThrowAnyException();
        HttpGuard any = new HttpGuard(List.of("*"), List.of(), true);
        assertThatCode(() -> any.checkOrigin("http://anything.example")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:8080", "127.0.0.1:8080", "[::1]:8080", "app.example.com"})
    void loopbackBoundServerAcceptsLocalHosts(String host) {
        assertThatCode(() -> loopback.checkHost(host)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example.com", "evil.example.com:8080", "192.168.1.10:8080"})
    void loopbackBoundServerRejectsForeignHosts(String host) {
        assertThatThrownBy(() -> loopback.checkHost(host))
                .isInstanceOfSatisfying(McpHttpException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void hostIsNotCheckedWhenBoundToAllInterfacesUnlessHostsAreListed() {
        assertThatCode(() -> open.checkHost("mcp.example.org")).doesNotThrowAnyException();
        HttpGuard listed = new HttpGuard(List.of(), List.of("mcp.example.org"), false);
        assertThatCode(() -> listed.checkHost("mcp.example.org:443")).doesNotThrowAnyException();
        assertThatThrownBy(() -> listed.checkHost("evil.example.com")).isInstanceOf(McpHttpException.class);
    }

    @Test
    void contentTypeMustBeJson() {
        assertThatCode(() -> open.checkContentType("application/json")).doesNotThrowAnyException();
        assertThatCode(() -> open.checkContentType("Application/JSON; charset=utf-8")).doesNotThrowAnyException();
        for (String bad : new String[] {null, "text/plain", "application/x-www-form-urlencoded", "application/jsonx"}) {
            assertThatThrownBy(() -> open.checkContentType(bad))
                    .isInstanceOfSatisfying(McpHttpException.class, e -> assertThat(e.status()).isEqualTo(415));
        }
    }

    @Test
    void acceptDecidesTheReplyMode() {
        assertThat(open.checkAccept("application/json, text/event-stream")).isEqualTo(ReplyMode.JSON);
        assertThat(open.checkAccept("application/json;q=0.9,text/event-stream;q=1")).isEqualTo(ReplyMode.JSON);
        assertThat(open.checkAccept("*/*")).isEqualTo(ReplyMode.JSON);
        assertThat(open.checkAccept(null)).isEqualTo(ReplyMode.JSON);
        assertThat(open.checkAccept("text/event-stream")).isEqualTo(ReplyMode.SSE);
        assertThatThrownBy(() -> open.checkAccept("text/html"))
                .isInstanceOfSatisfying(McpHttpException.class, e -> assertThat(e.status()).isEqualTo(406));
        assertThat(HttpGuard.acceptsEventStream("application/json, text/event-stream")).isTrue();
        assertThat(HttpGuard.acceptsEventStream("application/json")).isFalse();
    }

    @Test
    void recognisesLoopbackBindAddresses() {
        assertThat(HttpGuard.isLoopbackAddress("127.0.0.1")).isTrue();
        assertThat(HttpGuard.isLoopbackAddress("localhost")).isTrue();
        assertThat(HttpGuard.isLoopbackAddress("::1")).isTrue();
        assertThat(HttpGuard.isLoopbackAddress("0.0.0.0")).isFalse();
    }
}
