package dev.lastfmmcp.unit;

import java.util.List;

import dev.lastfmmcp.jsonrpc.McpHttpException;
import dev.lastfmmcp.mcp.HttpGuard;
import dev.lastfmmcp.mcp.ReplyMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configuration and header values at their edges: blank list items, bracketed hosts, empty headers. */
class HttpGuardCornerCasesTest {

    @Test
    void blankItemsInTheListsAreIgnored() {
        HttpGuard guard = new HttpGuard(List.of(" ", "https://app.example.com/"), List.of(" ", "Mcp.Example.org"), false);
        assertThat(guard.isAllowedOrigin("https://app.example.com")).isTrue();
        assertThatCode(() -> guard.checkHost("mcp.example.org")).doesNotThrowAnyException();
        assertThatCode(() -> guard.checkHost("app.example.com")).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.checkHost("other.example.org")).isInstanceOf(McpHttpException.class);
        // only blank hosts listed: the host is not checked on a non-loopback bind
        HttpGuard blanks = new HttpGuard(List.of(), List.of(" "), false);
        assertThatCode(() -> blanks.checkHost("anything.example")).doesNotThrowAnyException();
    }

    @Test
    void anyOriginAllowsEveryOriginAndEmptyHeadersPass() {
        HttpGuard any = new HttpGuard(List.of("*"), List.of(), true);
        assertThat(any.isAllowedOrigin("not even a url")).isTrue();
        HttpGuard loopback = new HttpGuard(List.of(), List.of(), true);
        assertThatCode(() -> loopback.checkOrigin("")).doesNotThrowAnyException();
        assertThatCode(() -> loopback.checkHost("")).doesNotThrowAnyException();
        assertThatCode(() -> loopback.checkHost(null)).doesNotThrowAnyException();
        assertThat(loopback.isAllowedOrigin("mailto:someone@example.com")).isFalse();
    }

    @Test
    void bracketedAndUnusualHostsAreReducedToTheirHost() {
        HttpGuard loopback = new HttpGuard(List.of("http://[2001:db8::1]:8080"), List.of(), true);
        assertThatCode(() -> loopback.checkHost("[::1]")).doesNotThrowAnyException();
        assertThatCode(() -> loopback.checkHost("[2001:db8::1]:8080")).doesNotThrowAnyException();
        assertThatCode(() -> loopback.checkHost("[2001:db8::1]")).doesNotThrowAnyException();
        assertThatThrownBy(() -> loopback.checkHost("[2001:db8::2")).isInstanceOf(McpHttpException.class);
        assertThatThrownBy(() -> loopback.checkHost("::ffff:10.0.0.1")).isInstanceOf(McpHttpException.class);
        assertThat(HttpGuard.isLoopbackAddress(null)).isFalse();
        assertThat(HttpGuard.isLoopbackAddress("127.0.1.1")).isTrue();
    }

    @Test
    void blankAcceptIsJsonAndApplicationWildcardCounts() {
        HttpGuard open = new HttpGuard(List.of(), List.of(), false);
        assertThat(open.checkAccept("  ")).isEqualTo(ReplyMode.JSON);
        assertThat(open.checkAccept("application/*")).isEqualTo(ReplyMode.JSON);
        assertThat(HttpGuard.acceptsEventStream(null)).isFalse();
        assertThat(HttpGuard.list(null)).isEmpty();
        assertThat(HttpGuard.list(" a , ,b ")).containsExactly("a", "b");
    }
}
