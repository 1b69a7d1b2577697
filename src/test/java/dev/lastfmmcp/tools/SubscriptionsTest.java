package dev.lastfmmcp.tools;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.resources.Subscriptions;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.SseClient;
import dev.lastfmmcp.support.ToolTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** resources/subscribe on a user's recent tracks and profile: shared polling, updates on the GET stream. */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "mcp.subscriptions.poll-interval-ms=300",
                             "mcp.subscriptions.max-per-session=3", "mcp.subscriptions.max-watched=5"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriptionsTest extends ToolTestSupport {

    private static final String URI = "lastfm://user/frikandel_/recent";

    private Subscriptions subscriptions() {
        return context.getRegistry().lookupByNameAndType("subscriptions", Subscriptions.class);
    }

    private SseClient stream(String session) {
        return SseClient.open("GET", mcp().base() + "/mcp",
                Map.of("Accept", "text/event-stream", "Mcp-Session-Id", session), null);
    }

    private String recentWithNewScrobble() {
        return Fixtures.lastfm("user.getRecentTracks__frikandel_-limit1.json")
                .replace("\"uts\": \"1603188238\"", "\"uts\": \"1603199999\"")
                .replace("\"uts\":\"1603188238\"", "\"uts\":\"1603199999\"");
    }

    @Test
    void capabilitiesDeclareSubscribe() {
        JsonNode init = mcp().post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                                   + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":"
                                   + "\"t\",\"version\":\"1\"}}}", null).json();
        assertThat(init.at("/result/capabilities/resources/subscribe").asBoolean()).isTrue();
    }

    @Test
    void aNewScrobbleNotifiesEverySubscribedSessionOnItsStream() {
        lastfm("user.getRecentTracks", "user.getRecentTracks__frikandel_-limit1.json");
        String first = mcp().initialize("2025-11-25");
        String second = mcp().initialize("2025-11-25");
        try (SseClient a = stream(first); SseClient b = stream(second)) {
            assertThat(mcp().request(first, 1, "resources/subscribe", "{\"uri\":\"" + URI + "\"}").get("result"))
                    .isEmpty();
            mcp().request(second, 1, "resources/subscribe", "{\"uri\":\"" + URI + "\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> LASTFM.getAllServeEvents().size() >= 2);
            assertThat(a.messages()).as("nothing changed yet").isEmpty();

            lastfm("user.getRecentTracks", recentWithNewScrobble());
            SseClient.Event update = a.awaitMessage(e -> e.data().contains("notifications/resources/updated"));
            assertThat(update.data()).contains("\"uri\":\"" + URI + "\"");
            b.awaitMessage(e -> e.data().contains("notifications/resources/updated"));
            // one shared check per interval, not one per session
            assertThat(subscriptions().watched()).isEqualTo(1);
        }
        mcp().request(first, 2, "resources/unsubscribe", "{\"uri\":\"" + URI + "\"}");
        mcp().request(second, 2, "resources/unsubscribe", "{\"uri\":\"" + URI + "\"}");
        assertThat(subscriptions().watched()).isZero();
        int calls = LASTFM.getAllServeEvents().size();
        await().pollDelay(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3))
                .until(() -> LASTFM.getAllServeEvents().size() == calls);
    }

    @Test
    void polledPastTheCache() {
        lastfm("user.getRecentTracks", "user.getRecentTracks__frikandel_-limit1.json");
        String session = mcp().initialize("2025-11-25");
        mcp().request(session, 1, "resources/subscribe", "{\"uri\":\"" + URI + "\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> LASTFM.getAllServeEvents().size() >= 3);
        mcp().request(session, 2, "resources/unsubscribe", "{\"uri\":\"" + URI + "\"}");
    }

    @Test
    void aSessionThatEndsTakesItsSubscriptionsAndFailuresAreLogged() {
        lastfm("user.getInfo", "user.getInfo__TyphoonsNotABot.json");
        String session = mcp().initialize("2025-11-25");
        mcp().request(session, 1, "logging/setLevel", "{\"level\":\"warning\"}");
        try (SseClient stream = stream(session)) {
            assertThat(mcp().request(session, 2, "resources/subscribe",
                    "{\"uri\":\"lastfm://user/TyphoonsNotABot/profile\"}").get("result")).isEmpty();
            lastfm(404, "user.getInfo", "user.getInfo__unknown-user-error6.json");
            SseClient.Event log = stream.awaitMessage(e -> e.data().contains("notifications/message"));
            assertThat(log.data()).contains("\"level\":\"warning\"").contains("lastfm://user/TyphoonsNotABot/profile")
                    .contains("User not found");
        }
        mcp().send("DELETE", "/mcp", null, Map.of("Mcp-Session-Id", session));
        await().atMost(Duration.ofSeconds(5)).until(() -> subscriptions().watched() == 0);
    }

    @Test
    void aUserLastfmDoesNotKnowCannotBeWatched() {
        lastfm(404, "user.getInfo", "user.getInfo__unknown-user-error6.json");
        String session = mcp().initialize("2025-11-25");
        JsonNode error = mcp().request(session, 1, "resources/subscribe",
                "{\"uri\":\"lastfm://user/nobody_here/profile\"}");
        assertThat(error.at("/error/code").asInt()).isEqualTo(-32002);
        assertThat(error.at("/error/message").asText()).contains("lastfm://user/nobody_here/profile", "User not found");
        assertThat(subscriptions().watched()).isZero();
    }

    @Test
    void theFirstScrobbleAfterSubscribingIsNotified() {
        lastfm("user.getRecentTracks", "user.getRecentTracks__frikandel_-limit1.json");
        String session = mcp().initialize("2025-11-25");
        try (SseClient stream = stream(session)) {
            mcp().request(session, 1, "resources/subscribe", "{\"uri\":\"" + URI + "\"}");
            // the scrobble lands before the first poll: the baseline taken at subscribe time sees it as a change
            lastfm("user.getRecentTracks", recentWithNewScrobble());
            SseClient.Event update = stream.awaitMessage(e -> e.data().contains("notifications/resources/updated"));
            assertThat(update.data()).contains("\"uri\":\"" + URI + "\"");
        }
        mcp().request(session, 2, "resources/unsubscribe", "{\"uri\":\"" + URI + "\"}");
    }

    @Test
    void sessionsAndTheServerWatchABoundedNumberOfResources() {
        lastfm("user.getRecentTracks", "user.getRecentTracks__frikandel_-limit1.json");
        String first = mcp().initialize("2025-11-25");
        String second = mcp().initialize("2025-11-25");
        for (int i = 1; i <= 3; i++) {
            assertThat(mcp().request(first, i, "resources/subscribe", "{\"uri\":\"lastfm://user/u" + i + "/recent\"}")
                    .get("result")).isEmpty();
        }
        // subscribing again to the same resource is not one more
        assertThat(mcp().request(first, 4, "resources/subscribe", "{\"uri\":\"lastfm://user/u1/recent\"}")
                .get("result")).isEmpty();
        JsonNode perSession = mcp().request(first, 5, "resources/subscribe", "{\"uri\":\"lastfm://user/u4/recent\"}");
        assertThat(perSession.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(perSession.at("/error/message").asText()).contains("already watches 3 resources");

        mcp().request(second, 1, "resources/subscribe", "{\"uri\":\"lastfm://user/u4/recent\"}");
        mcp().request(second, 2, "resources/subscribe", "{\"uri\":\"lastfm://user/u5/recent\"}");
        JsonNode total = mcp().request(second, 3, "resources/subscribe", "{\"uri\":\"lastfm://user/u6/recent\"}");
        assertThat(total.at("/error/code").asInt()).isEqualTo(-32603);
        assertThat(total.at("/error/message").asText()).contains("most resources it may (5)");
        // an already watched resource costs nothing more
        assertThat(mcp().request(second, 4, "resources/subscribe", "{\"uri\":\"lastfm://user/u1/recent\"}")
                .get("result")).isEmpty();
        assertThat(subscriptions().watched()).isEqualTo(5);

        mcp().send("DELETE", "/mcp", null, Map.of("Mcp-Session-Id", first));
        mcp().send("DELETE", "/mcp", null, Map.of("Mcp-Session-Id", second));
        await().atMost(Duration.ofSeconds(5)).until(() -> subscriptions().watched() == 0);
    }

    @Test
    void onlyUserRecentAndProfileCanBeWatched() {
        String session = mcp().initialize("2025-11-25");
        JsonNode error = mcp().request(session, 1, "resources/subscribe", "{\"uri\":\"lastfm://artist/Cher\"}");
        assertThat(error.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(mcp().request(session, 2, "resources/subscribe", "{}").at("/error/code").asInt()).isEqualTo(-32602);
    }
}
