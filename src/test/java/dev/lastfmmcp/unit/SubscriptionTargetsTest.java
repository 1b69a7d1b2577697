package dev.lastfmmcp.unit;

import dev.lastfmmcp.jsonrpc.JsonRpcException;
import dev.lastfmmcp.resources.Subscriptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which URIs resources/subscribe takes: matched and decoded like resources/read. */
class SubscriptionTargetsTest {

    @Test
    void recentAndProfileOfAUser() {
        assertThat(Subscriptions.parse("lastfm://user/rj/recent"))
                .isEqualTo(new Subscriptions.Target("lastfm://user/rj/recent", "rj", "recent"));
        assertThat(Subscriptions.parse("lastfm://user/rj/profile"))
                .isEqualTo(new Subscriptions.Target("lastfm://user/rj/profile", "rj", "profile"));
    }

    @Test
    void theNameIsPercentDecodedAndThePlusKept() {
        Subscriptions.Target target = Subscriptions.parse("lastfm://user/J%C3%B6rg_b+c/recent");
        assertThat(target.username()).isEqualTo("Jörg_b+c");
        assertThat(target.uri()).as("notifications name the URI as subscribed")
                .isEqualTo("lastfm://user/J%C3%B6rg_b+c/recent");
    }

    @Test
    void theSchemeIsCaseInsensitiveAndAFragmentIsDropped() {
        assertThat(Subscriptions.parse("LASTFM://user/rj/profile#top").uri()).isEqualTo("lastfm://user/rj/profile");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lastfm://user/%ZZ/recent", "lastfm://user/a%0Ab/recent", "lastfm://user/%20/profile"})
    void brokenEscapesBlankOrUnsafeNamesAreInvalidParams(String uri) {
        assertThatThrownBy(() -> Subscriptions.parse(uri)).isInstanceOf(JsonRpcException.class)
                .satisfies(e -> assertThat(((JsonRpcException) e).code()).isEqualTo(-32602))
                .hasMessageStartingWith("Invalid resource URI " + uri);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lastfm://artist/Cher", "lastfm://user/rj/loved", "lastfm://user/rj/recent?limit=1",
            "lastfm://user//recent", "lastfm://user/rj/recent/", "https://user/rj/recent", "not a uri"})
    void otherUrisAreInvalidParamsNamingWhatCanBeWatched(String uri) {
        assertThatThrownBy(() -> Subscriptions.parse(uri)).isInstanceOf(JsonRpcException.class)
                .satisfies(e -> assertThat(((JsonRpcException) e).code()).isEqualTo(-32602))
                .hasMessage("Subscriptions are available for lastfm://user/{username}/recent and "
                            + "lastfm://user/{username}/profile, not " + uri);
    }

    @Test
    void aUriOver2048CharactersIsInvalidParamsWithoutBeingRepeated() {
        String uri = "lastfm://user/" + "a".repeat(2_100) + "/recent";
        assertThatThrownBy(() -> Subscriptions.parse(uri)).isInstanceOf(JsonRpcException.class)
                .satisfies(e -> assertThat(((JsonRpcException) e).code()).isEqualTo(-32602))
                .hasMessage("The resource URI is 2,121 characters long; at most 2,048 are accepted");
    }

    @Test
    void aMissingUriIsInvalidParams() {
        assertThatThrownBy(() -> Subscriptions.parse(null)).isInstanceOf(JsonRpcException.class)
                .hasMessage("resources/subscribe needs params.uri");
    }

    @Test
    void pollsYieldWhileInteractiveCallsWaitAndStopWithTheLastWatcher() {
        java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
        Subscriptions subscriptions = new Subscriptions(null, null, null, new Subscriptions.Limits(10, 10),
                waiting::get);
        dev.lastfmmcp.mcp.McpRequest request = new dev.lastfmmcp.mcp.McpRequest("c", 0, java.time.Instant.EPOCH,
                "POST", "/mcp");
        request.setSession(new dev.lastfmmcp.mcp.Session("s1", "2025-11-25", null, null, null,
                java.time.Instant.EPOCH, null, null));
        Subscriptions.Target target = Subscriptions.parse("lastfm://user/rj/recent");
        subscriptions.subscribe(request, target);
        assertThat(subscriptions.shouldCheck(target)).isTrue();
        waiting.set(2);
        assertThat(subscriptions.shouldCheck(target)).as("interactive calls are waiting for the budget").isFalse();
        waiting.set(0);
        subscriptions.sessionEnded("s1");
        assertThat(subscriptions.shouldCheck(target)).as("its last watcher left during the round").isFalse();
    }
}
