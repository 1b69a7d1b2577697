package dev.lastfmmcp.tools;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.edge.HttpServerCheck;
import dev.lastfmmcp.signin.SignIns;
import dev.lastfmmcp.support.RawMcp;
import dev.lastfmmcp.support.SignedForms;
import dev.lastfmmcp.support.ToolTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write tools against a Last.fm stand-in that answers only correctly signed form POSTs carrying the signed-in
 * user's session key (any other POST gets error 13, so a wrong signature fails the test).
 */
@CamelMainTest(configurationClasses = AppConfiguration.class,
               properties = {"camel.server.port=0", "lastfm.retry.initial-delay-ms=1", "lastfm.retry.max-delay-ms=5",
                             "lastfm.throttle.requests-per-second=100", "lastfm.breaker.minimum-calls=1000",
                             "lastfm.breaker.sliding-window-size=1000"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteToolsTest extends ToolTestSupport {

    static final String USER = "AliceListens";
    static final String SK = "d580d57f32848f5dcf574d1ce18d78b2";

    private RawMcp alice;
    private String aliceSession;

    @BeforeEach
    void signIn() {
        if (alice == null) {
            String id = context.getRegistry().lookupByNameAndType("signIns", SignIns.class)
                    .create(USER, SK, "session-url").id();
            alice = new RawMcp("http://127.0.0.1:" + HttpServerCheck.listeningPort(context), "/mcp?session_id=" + id);
            aliceSession = alice.initialize("2025-11-25");
        }
        LASTFM.stubFor(SignedForms.anyOtherPost());
    }

    private JsonNode asAlice(String tool, String args) {
        return call(alice, aliceSession, tool, args);
    }

    private java.util.List<Map<String, String>> posted(String method) {
        return LASTFM.findAll(postRequestedFor(urlPathEqualTo("/2.0/"))).stream().map(LoggedRequest::getBodyAsString)
                .map(SignedForms::parse).filter(p -> method.equals(p.get("method"))).toList();
    }

    // ---------------------------------------------------------------- love_track, unlove_track

    @Test
    void loveTrackPostsASignedFormWithTheSessionKeyAndSaysWhatChanged() {
        LASTFM.stubFor(SignedForms.write("track.love", SK).willReturn(SignedForms.json(200, "track.love__ok.json")));
        JsonNode result = asAlice("love_track", "{\"artist\":\"KITANO REM\",\"track\":\"RAINSICK\"}");
        assertThat(result.path("isError").asBoolean()).as(text(result)).isFalse();
        assertThat(text(result)).contains("Loved: RAINSICK by KITANO REM", USER, "get_loved_tracks");
        assertThat(result.at("/structuredContent/loved").asBoolean()).isTrue();
        assertThat(result.at("/structuredContent/username").asText()).isEqualTo(USER);
        Map<String, String> sent = posted("track.love").get(0);
        assertThat(sent).containsEntry("artist", "KITANO REM").containsEntry("track", "RAINSICK")
                .containsEntry("sk", SK).containsKey("api_sig");
        // the documented test vector: api_key + artist + method + sk + track + secret
        assertThat(SignedForms.signature(Map.of("api_key", "YOUR_API_KEY", "artist", "KITANO REM",
                "method", "track.love", "sk", "YOUR_SESSION_KEY", "track", "RAINSICK", "format", "json"),
                "YOUR_SECRET")).isEqualTo("800b8884b00c9343d1d425ed271e0f42");
        // never in the text or structured content
        assertThat(result.toString()).doesNotContain(SK).doesNotContain(sent.get("api_sig"));
    }

    @Test
    void aWriteIsNeverServedFromCacheOrSharedEachCallPosts() {
        LASTFM.stubFor(SignedForms.write("track.love", SK).willReturn(SignedForms.json(200, "track.love__ok.json")));
        asAlice("love_track", "{\"artist\":\"Cher\",\"track\":\"Believe\"}");
        asAlice("love_track", "{\"artist\":\"Cher\",\"track\":\"Believe\"}");
        assertThat(posted("track.love")).hasSize(2);
    }

    @Test
    void unloveTrackIsSignedToo() {
        LASTFM.stubFor(SignedForms.write("track.unlove", SK).willReturn(SignedForms.json(200, "{}")));
        JsonNode result = asAlice("unlove_track", "{\"artist\":\"Cher\",\"track\":\"Believe\"}");
        assertThat(result.path("isError").asBoolean()).as(text(result)).isFalse();
        assertThat(text(result)).contains("No longer loved: Believe by Cher", "love_track(");
        assertThat(result.at("/structuredContent/loved").asBoolean()).isFalse();
    }

    @Test
    void anonymousCallersAreToldToSignInAndNothingIsSent() {
        JsonNode result = error("love_track", "{\"artist\":\"Cher\",\"track\":\"Believe\"}");
        assertThat(text(result)).contains("signed in with Last.fm", "/login", "session_id", "lastfm_auth_status");
        assertThat(text(error("unlove_track", "{\"artist\":\"Cher\",\"track\":\"Believe\"}"))).contains("/login");
        assertThat(LASTFM.findAll(postRequestedFor(urlPathEqualTo("/2.0/")))).isEmpty();
    }

    @Test
    void aWrongSignatureIsAnErrorNotASuccess() {
        // the stand-in expects another session key: the server's POST falls to the error-13 stub
        LASTFM.stubFor(SignedForms.write("track.love", "another-key").willReturn(SignedForms.json(200, "{}")));
        JsonNode result = asAlice("love_track", "{\"artist\":\"Cher\",\"track\":\"Believe\"}");
        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(text(result)).contains("signature");
    }

    /** A sign-in of its own (error 9 ends it): the personal MCP client and its session. */
    private record SignedIn(String id, RawMcp client, String session) {
    }

    private SignedIn signInAs(String user, String sessionKey) {
        String id = context.getRegistry().lookupByNameAndType("signIns", SignIns.class)
                .create(user, sessionKey, "session-url").id();
        RawMcp client = new RawMcp("http://127.0.0.1:" + HttpServerCheck.listeningPort(context),
                "/mcp?session_id=" + id);
        return new SignedIn(id, client, client.initialize("2025-11-25"));
    }

    @Test
    void aSessionKeyLastfmRejectsMarksTheSignInInvalidAndTheNextRequestIs401NamingLogin() {
        String revoked = "0123456789abcdef0123456789abcdef";
        SignedIn bob = signInAs("BobListens", revoked);
        LASTFM.stubFor(SignedForms.write("track.love", revoked).willReturn(SignedForms.json(403,
                "error__9-invalid-session-key.json")));
        JsonNode result = call(bob.client(), bob.session(), "love_track", "{\"artist\":\"Cher\",\"track\":\"Believe\"}");
        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(text(result)).contains("Last.fm no longer accepts BobListens's sign-in (error 9",
                "marked the sign-in invalid", "Sign in again at http://127.0.0.1:", "/login",
                "new personal MCP URL").doesNotContain(revoked).doesNotContain(bob.id());
        assertThat(posted("track.love")).hasSize(1);

        // the stored sign-in no longer works: the next request on it is a 401 that says where to sign in again
        RawMcp.Reply next = bob.client().post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"love_track\",\"arguments\":{\"artist\":\"Cher\",\"track\":\"Believe\"}}}",
                bob.session());
        assertThat(next.status()).isEqualTo(401);
        assertThat(next.json().at("/error/message").asText()).contains("Last.fm no longer accepts", "/login")
                .doesNotContain(bob.id());
        assertThat(posted("track.love")).as("nothing more was sent with the rejected key").hasSize(1);
        assertThat(context.getRegistry().lookupByNameAndType("signIns", SignIns.class).find(bob.id())).isEmpty();
        // the other signed-in user is not touched
        LASTFM.stubFor(SignedForms.write("track.love", SK).willReturn(SignedForms.json(200, "track.love__ok.json")));
        assertThat(asAlice("love_track", "{\"artist\":\"Cher\",\"track\":\"Believe\"}").path("isError")
                .asBoolean()).isFalse();
    }

    @Test
    void aSessionKeyRejectedWhileScrobblingStopsTheRunAndEndsTheSignIn() {
        String revoked = "fedcba9876543210fedcba9876543210";
        SignedIn carol = signInAs("CarolListens", revoked);
        LASTFM.stubFor(SignedForms.write("track.scrobble", revoked).willReturn(SignedForms.json(403,
                "error__9-invalid-session-key.json")));
        JsonNode result = call(carol.client(), carol.session(), "scrobble_tracks",
                scrobbles(item("65daysofstatic", "Hole", now() - 60)));
        assertThat(result.at("/structuredContent/scrobbles/0/status").asText()).isEqualTo("not_sent");
        assertThat(text(result)).contains("Last.fm no longer accepts CarolListens's sign-in", "/login");
        assertThat(carol.client().post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}", carol.session())
                .status()).isEqualTo(401);
    }

    @Test
    void theAuditRecordsOfWritesCarryUserToolItemsAndOutcomeButNoKeyOrSignature() {
        LASTFM.stubFor(SignedForms.write("track.love", SK).willReturn(SignedForms.json(200, "track.love__ok.json")));
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK)
                .willReturn(SignedForms.json(200, "track.scrobble__accepted-two-unicode.json")));
        RawMcp.Reply love = alice.post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"love_track\",\"arguments\":{\"artist\":\"Cher\",\"track\":\"Believe\"}}}",
                aliceSession);
        long t = now() - 3600;
        RawMcp.Reply scrobble = alice.post("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"scrobble_tracks\",\"arguments\":" + scrobbles(item("65daysofstatic", "Hole", t),
                item("やくしまるえつこ", "X次元へようこそ", t + 300), item("Old", "Song", 1000)) + "}}", aliceSession);

        JsonNode loveRecord = auditRecord(love);
        assertThat(loveRecord.path("user").asText()).isEqualTo(USER);
        assertThat(loveRecord.path("name").asText()).isEqualTo("love_track");
        assertThat(loveRecord.path("outcome").asText()).isEqualTo("ok");
        assertThat(loveRecord.at("/write/items").asInt()).isEqualTo(1);
        assertThat(loveRecord.at("/write/outcome").asText()).isEqualTo("written");

        JsonNode scrobbleRecord = auditRecord(scrobble);
        assertThat(scrobbleRecord.path("user").asText()).isEqualTo(USER);
        assertThat(scrobbleRecord.path("name").asText()).isEqualTo("scrobble_tracks");
        assertThat(scrobbleRecord.at("/write/items").asInt()).isEqualTo(3);
        assertThat(scrobbleRecord.at("/write/accepted").asInt()).isEqualTo(2);
        assertThat(scrobbleRecord.at("/write/refused").asInt()).isEqualTo(1);
        assertThat(scrobbleRecord.at("/write/outcome").asText()).isEqualTo("partial");

        // never the session key or a signature, in any record
        java.util.List<String> signatures = LASTFM.findAll(postRequestedFor(urlPathEqualTo("/2.0/"))).stream()
                .map(r -> SignedForms.parse(r.getBodyAsString()).get("api_sig")).toList();
        assertThat(signatures).hasSize(2);
        for (String record : audit().values()) {
            assertThat(record).doesNotContain(SK).doesNotContain("api_sig");
            signatures.forEach(signature -> assertThat(record).doesNotContain(signature));
        }
    }

    private org.infinispan.Cache<String, String> audit() {
        return context.getRegistry().lookupByNameAndType("infinispanCacheManager",
                org.infinispan.manager.EmbeddedCacheManager.class).getCache(dev.lastfmmcp.config.InfinispanStores.AUDIT);
    }

    /** The audit record of the exchange whose reply carried this correlation id (written after the reply). */
    private JsonNode auditRecord(RawMcp.Reply reply) {
        String correlationId = reply.header("X-Correlation-Id");
        java.util.concurrent.atomic.AtomicReference<String> found = new java.util.concurrent.atomic.AtomicReference<>();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            audit().forEach((key, value) -> {
                if (key.endsWith("-" + correlationId)) {
                    found.set(value);
                }
            });
            return found.get() != null;
        });
        try {
            return RawMcp.JSON.readTree(found.get());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void identicalWritesAtTheSameTimeAreNeverSharedEachOneIsPosted() throws Exception {
        // a slow Last.fm: both calls are in flight together, as two identical reads would share one fetch
        LASTFM.stubFor(SignedForms.write("track.love", SK).willReturn(SignedForms.json(200, "track.love__ok.json")
                .withFixedDelay(700)));
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK).willReturn(SignedForms.json(200,
                "track.scrobble__accepted-single.json").withFixedDelay(700)));
        String scrobble = scrobbles(item("65daysofstatic", "Hole", now() - 60));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<JsonNode>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(pool.submit(() -> alice.callTool(aliceSession, "love_track",
                        "{\"artist\":\"Cher\",\"track\":\"Believe\"}")));
                calls.add(pool.submit(() -> alice.callTool(aliceSession, "scrobble_tracks", scrobble)));
            }
            for (java.util.concurrent.Future<JsonNode> call : calls) {
                JsonNode result = call.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(result.path("isError").asBoolean()).as(text(result)).isFalse();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(posted("track.love")).hasSize(2);
        assertThat(posted("track.scrobble")).as("the same scrobble twice is two scrobbles").hasSize(2);
    }

    @Test
    void scrobblingInvalidatesTheUsersCachedRecentTracks() {
        lastfm("user.getRecentTracks", "user.getRecentTracks__frikandel_-limit1.json", "user", USER);
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK)
                .willReturn(SignedForms.json(200, "track.scrobble__accepted-single.json")));
        String recent = "{\"username\":\"" + USER + "\",\"limit\":1}";
        ok("get_recent_tracks", recent);
        ok("get_recent_tracks", recent);
        assertThat(reads("user.getRecentTracks")).isEqualTo(1);

        asAlice("scrobble_tracks", scrobbles(item("65daysofstatic", "Hole", now() - 60)));

        ok("get_recent_tracks", recent);
        assertThat(reads("user.getRecentTracks")).as("recent tracks read again after the scrobble").isEqualTo(2);
    }

    @Test
    void scrobblesAreCountedByOutcome() {
        io.micrometer.core.instrument.MeterRegistry meters = context.getRegistry().lookupByNameAndType(
                org.apache.camel.component.micrometer.MicrometerConstants.METRICS_REGISTRY_NAME,
                io.micrometer.core.instrument.MeterRegistry.class);
        java.util.function.ToDoubleFunction<String> count = outcome -> meters.get("lastfm.scrobbles")
                .tag("outcome", outcome).counter().count();
        double accepted = count.applyAsDouble("accepted");
        double ignored = count.applyAsDouble("ignored");
        double refused = count.applyAsDouble("refused");
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK).inScenario("two").whenScenarioStateIs("Started")
                .willReturn(SignedForms.json(200, "track.scrobble__accepted-two-unicode.json")).willSetStateTo("one"));
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK).inScenario("two").whenScenarioStateIs("one")
                .willReturn(SignedForms.json(200, "track.scrobble__ignored-filter.json")));
        long t = now() - 3600;
        asAlice("scrobble_tracks", scrobbles(item("65daysofstatic", "Hole", t), item("やくしまるえつこ", "X次元へようこそ",
                t + 300), item("Old", "Song", 1000)));
        asAlice("scrobble_tracks", scrobbles(item("Various", "Again", t)));
        assertThat(count.applyAsDouble("accepted")).isEqualTo(accepted + 2);
        assertThat(count.applyAsDouble("ignored")).isEqualTo(ignored + 1);
        assertThat(count.applyAsDouble("refused")).isEqualTo(refused + 1);
    }

    @Test
    void loveTrackRetriesA503ThenSucceeds() {
        LASTFM.stubFor(SignedForms.write("track.love", SK).inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(SignedForms.json(503, "<html>Service Unavailable</html>")).willSetStateTo("up"));
        LASTFM.stubFor(SignedForms.write("track.love", SK).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(SignedForms.json(200, "{}")));
        JsonNode result = asAlice("love_track", "{\"artist\":\"Cher\",\"track\":\"Believe\"}");
        assertThat(result.path("isError").asBoolean()).as(text(result)).isFalse();
        assertThat(posted("track.love")).hasSize(2);
    }

    @Test
    void lovingATrackInvalidatesTheUsersCachedLovedTracksAndTrackInfo() {
        lastfm("user.getLovedTracks", "user.getLovedTracks__TyphoonsNotABot-limit1.json", "user", USER);
        lastfm("track.getInfo", "track.getInfo__linkin-park_one-step-closer_username-solelychloe.json", "username", USER);
        LASTFM.stubFor(SignedForms.write("track.love", SK).willReturn(SignedForms.json(200, "{}")));
        String loved = "{\"username\":\"" + USER + "\",\"limit\":1}";
        String info = "{\"artist\":\"Linkin Park\",\"track\":\"One Step Closer\",\"username\":\"" + USER + "\"}";
        ok("get_loved_tracks", loved);
        ok("get_loved_tracks", loved);
        ok("get_track_info", info);
        ok("get_track_info", info);
        assertThat(reads("user.getLovedTracks")).isEqualTo(1);
        assertThat(reads("track.getInfo")).isEqualTo(1);

        asAlice("love_track", "{\"artist\":\"Cher\",\"track\":\"Believe\"}");

        ok("get_loved_tracks", loved);
        ok("get_track_info", info);
        assertThat(reads("user.getLovedTracks")).as("loved tracks read again after the write").isEqualTo(2);
        assertThat(reads("track.getInfo")).as("track info with the username read again").isEqualTo(2);
        // and cached again from then on
        ok("get_loved_tracks", loved);
        assertThat(reads("user.getLovedTracks")).isEqualTo(2);
    }

    private int reads(String method) {
        return LASTFM.countRequestsMatching(getRequestedFor(urlPathEqualTo("/2.0/"))
                .withQueryParam("method", equalTo(method)).build()).getCount();
    }

    // ---------------------------------------------------------------- update_now_playing

    @Test
    void updateNowPlayingSendsTheOptionalFactsSignedAndShowsWhatLastfmShows() {
        LASTFM.stubFor(SignedForms.write("track.updateNowPlaying", SK)
                .willReturn(SignedForms.json(200, "track.updateNowPlaying__the-who_underture.json")));
        JsonNode result = asAlice("update_now_playing", "{\"artist\":\"The Who\",\"track\":\"Underture\","
                + "\"album\":\"Tommy\",\"duration\":609,\"trackNumber\":9}");
        assertThat(result.path("isError").asBoolean()).as(text(result)).isFalse();
        assertThat(text(result)).contains("Now playing: Underture by The Who", "Tommy", "get_recent_tracks(");
        assertThat(result.at("/structuredContent/nowPlaying").asBoolean()).isTrue();
        assertThat(result.at("/structuredContent/album").asText()).isEqualTo("Tommy");
        assertThat(posted("track.updateNowPlaying").get(0)).containsEntry("duration", "609")
                .containsEntry("trackNumber", "9").containsEntry("album", "Tommy").doesNotContainKey("albumArtist");
    }

    @Test
    void updateNowPlayingReportsLastfmsIgnoredCode() {
        LASTFM.stubFor(SignedForms.write("track.updateNowPlaying", SK).willReturn(SignedForms.json(200,
                "{\"nowplaying\":{\"track\":{\"#text\":\"Again\",\"corrected\":\"0\"},\"artist\":{\"#text\":"
                + "\"Various\",\"corrected\":\"0\"},\"ignoredMessage\":{\"#text\":\"Artist name failed filter: "
                + "Various\",\"code\":\"1\"}}}")));
        JsonNode result = asAlice("update_now_playing", "{\"artist\":\"Various\",\"track\":\"Again\"}");
        assertThat(result.path("isError").asBoolean()).isFalse();
        assertThat(text(result)).contains("Ignored by Last.fm", "Artist name failed filter: Various (code 1)");
        assertThat(result.at("/structuredContent/nowPlaying").asBoolean()).isFalse();
        assertThat(result.at("/structuredContent/ignored/code").asInt()).isEqualTo(1);
    }

    @Test
    void updateNowPlayingNeedsASignInAndValidArguments() {
        assertThat(text(error("update_now_playing", "{\"artist\":\"The Who\",\"track\":\"Underture\"}")))
                .contains("/login");
        assertThat(text(call(alice, aliceSession, "update_now_playing",
                "{\"artist\":\"The Who\",\"track\":\"Underture\",\"duration\":0}"))).contains("duration");
        assertThat(LASTFM.findAll(postRequestedFor(urlPathEqualTo("/2.0/")))).isEmpty();
    }

    // ---------------------------------------------------------------- scrobble_tracks

    private static long now() {
        return java.time.Instant.now().getEpochSecond();
    }

    private static String item(String artist, String track, Object timestamp) {
        return "{\"artist\":\"" + artist + "\",\"track\":\"" + track + "\",\"timestamp\":"
               + (timestamp instanceof String t ? "\"" + t + "\"" : timestamp) + "}";
    }

    private static String scrobbles(String... items) {
        return "{\"scrobbles\":[" + String.join(",", items) + "]}";
    }

    /** Last.fm's answer for n accepted scrobbles, as an array (several) with @attr counts. */
    private static String acceptedAnswer(int n) {
        StringBuilder echoes = new StringBuilder();
        for (int i = 0; i < n; i++) {
            echoes.append(i == 0 ? "" : ",").append("{\"track\":{\"#text\":\"T").append(i)
                    .append("\",\"corrected\":\"0\"},\"artist\":{\"#text\":\"A\",\"corrected\":\"0\"},"
                            + "\"timestamp\":\"1\",\"ignoredMessage\":{\"#text\":\"\",\"code\":\"0\"}}");
        }
        return "{\"scrobbles\":{\"scrobble\":[" + echoes + "],\"@attr\":{\"accepted\":\"" + n
               + "\",\"ignored\":\"0\"}}}";
    }

    @Test
    void oneScrobbleIsSignedAndItsSingleObjectAnswerIsRead() {
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK)
                .willReturn(SignedForms.json(200, "track.scrobble__accepted-single.json")));
        String iso = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(2)).minusHours(1)
                .withNano(0).toString();
        JsonNode result = asAlice("scrobble_tracks", scrobbles("{\"artist\":\"65daysofstatic\",\"track\":\"Hole\","
                + "\"album\":\"The Fall of Math\",\"timestamp\":\"" + iso + "\",\"duration\":222}"));
        assertThat(result.path("isError").asBoolean()).as(text(result)).isFalse();
        assertThat(text(result)).contains("Scrobbled 1 of 1 track", "**Hole** by 65daysofstatic", "accepted",
                "get_recent_tracks(");
        assertThat(result.at("/structuredContent/totals/accepted").asInt()).isEqualTo(1);
        assertThat(result.at("/structuredContent/scrobbles/0/status").asText()).isEqualTo("accepted");
        Map<String, String> sent = posted("track.scrobble").get(0);
        assertThat(sent).containsEntry("artist[0]", "65daysofstatic").containsEntry("track[0]", "Hole")
                .containsEntry("album[0]", "The Fall of Math").containsEntry("duration[0]", "222")
                .containsEntry("timestamp[0]", String.valueOf(java.time.OffsetDateTime.parse(iso).toEpochSecond()));
    }

    @Test
    void severalScrobblesReadTheArrayAnswerWithUnicodeNames() {
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK)
                .willReturn(SignedForms.json(200, "track.scrobble__accepted-two-unicode.json")));
        long t = now() - 3600;
        JsonNode result = asAlice("scrobble_tracks", scrobbles(item("65daysofstatic", "Hole", t),
                item("やくしまるえつこ", "X次元へようこそ", t + 300)));
        assertThat(result.path("isError").asBoolean()).as(text(result)).isFalse();
        assertThat(result.at("/structuredContent/totals/accepted").asInt()).isEqualTo(2);
        assertThat(text(result)).contains("X次元へようこそ");
        assertThat(posted("track.scrobble").get(0)).containsEntry("artist[1]", "やくしまるえつこ")
                .containsEntry("timestamp[1]", String.valueOf(t + 300));
    }

    @Test
    void anIgnoredScrobbleCarriesLastfmsCodeAndText() {
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK)
                .willReturn(SignedForms.json(200, "track.scrobble__ignored-filter.json")));
        JsonNode result = asAlice("scrobble_tracks", scrobbles(item("Various", "Again", now() - 60)));
        assertThat(result.path("isError").asBoolean()).as(text(result)).isFalse();
        assertThat(result.at("/structuredContent/scrobbles/0/status").asText()).isEqualTo("ignored");
        assertThat(result.at("/structuredContent/scrobbles/0/code").asInt()).isEqualTo(1);
        assertThat(result.at("/structuredContent/totals/ignored").asInt()).isEqualTo(1);
        assertThat(text(result)).contains("Scrobbled 0 of 1 track", "Artist name failed filter: Various (code 1)");
    }

    @Test
    void itemsLastfmWouldIgnoreAndDuplicatesAreRefusedBeforeAnythingIsSent() {
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK).willReturn(SignedForms.json(200,
                "track.scrobble__accepted-single.json")));
        long t = now() - 600;
        JsonNode result = asAlice("scrobble_tracks", scrobbles(
                item("65daysofstatic", "Hole", t),
                item("Old", "Song", now() - 15 * 86400),
                item("Future", "Song", now() + 2 * 86400),
                item("Bad", "Time", "yesterday"),
                item("65DAYSOFSTATIC", "hole", t)));
        assertThat(result.path("isError").asBoolean()).as(text(result)).isFalse();
        JsonNode items = result.at("/structuredContent/scrobbles");
        assertThat(items.get(0).get("status").asText()).isEqualTo("accepted");
        assertThat(items.get(1).get("status").asText()).isEqualTo("refused");
        assertThat(items.get(1).get("message").asText()).contains("more than 14 days ago");
        assertThat(items.get(2).get("message").asText()).contains("more than a day ahead");
        assertThat(items.get(3).get("message").asText()).contains("neither Unix seconds nor an ISO-8601");
        assertThat(items.get(4).get("status").asText()).isEqualTo("duplicate");
        assertThat(result.at("/structuredContent/totals/refused").asInt()).isEqualTo(3);
        // only the one good item went out
        Map<String, String> sent = posted("track.scrobble").get(0);
        assertThat(sent).containsKey("artist[0]").doesNotContainKey("artist[1]");
    }

    @Test
    void nothingSendableMeansNoRequest() {
        JsonNode result = asAlice("scrobble_tracks", scrobbles(item("Old", "Song", 1000)));
        assertThat(result.at("/structuredContent/totals/batches").asInt()).isZero();
        assertThat(posted("track.scrobble")).isEmpty();
    }

    @Test
    void aHundredAndTwentyScrobblesGoOutInThreeOrderedBatchesOf50And20() {
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK).inScenario("batches").whenScenarioStateIs("Started")
                .willReturn(SignedForms.json(200, acceptedAnswer(50))).willSetStateTo("second"));
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK).inScenario("batches").whenScenarioStateIs("second")
                .willReturn(SignedForms.json(200, acceptedAnswer(50))).willSetStateTo("third"));
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK).inScenario("batches").whenScenarioStateIs("third")
                .willReturn(SignedForms.json(200, acceptedAnswer(20))));
        long start = now() - 120 * 240;
        String[] items = new String[120];
        for (int i = 0; i < 120; i++) {
            items[i] = item("Artist " + i, "Track " + i, start + i * 240L);
        }
        JsonNode result = asAlice("scrobble_tracks", scrobbles(items));
        assertThat(result.path("isError").asBoolean()).as(text(result)).isFalse();
        assertThat(result.at("/structuredContent/totals/accepted").asInt()).isEqualTo(120);
        assertThat(result.at("/structuredContent/totals/batches").asInt()).isEqualTo(3);
        java.util.List<Map<String, String>> sent = posted("track.scrobble");
        assertThat(sent).hasSize(3);
        assertThat(sent.get(0)).containsEntry("artist[0]", "Artist 0").containsEntry("artist[49]", "Artist 49")
                .doesNotContainKey("artist[50]");
        assertThat(sent.get(1)).containsEntry("artist[0]", "Artist 50").containsEntry("artist[49]", "Artist 99");
        assertThat(sent.get(2)).containsEntry("artist[0]", "Artist 100").containsEntry("artist[19]", "Artist 119")
                .doesNotContainKey("artist[20]");
    }

    @Test
    void aScrobbleBatchThatGot503IsRetriedAndRecordedOnce() {
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK).inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(SignedForms.json(503, "<html>Service Unavailable</html>")).willSetStateTo("up"));
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(SignedForms.json(200, "track.scrobble__accepted-single.json")));
        JsonNode result = asAlice("scrobble_tracks", scrobbles(item("65daysofstatic", "Hole", now() - 60)));
        assertThat(result.at("/structuredContent/totals/accepted").asInt()).as(text(result)).isEqualTo(1);
        assertThat(posted("track.scrobble")).hasSize(2);
    }

    @Test
    void aBatchWhoseAnswerWasLostIsNotResentItsItemsAreUnknownAndLaterBatchesAreNotSent() {
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE)));
        String[] items = new String[60];
        for (int i = 0; i < 60; i++) {
            items[i] = item("Artist " + i, "Track " + i, now() - 7200 + i * 60L);
        }
        JsonNode result = asAlice("scrobble_tracks", scrobbles(items));
        assertThat(result.path("isError").asBoolean()).as(text(result)).isFalse();
        assertThat(posted("track.scrobble")).as("sent once, never blindly again").hasSize(1);
        assertThat(result.at("/structuredContent/totals/unknown").asInt()).isEqualTo(50);
        assertThat(result.at("/structuredContent/totals/notSent").asInt()).isEqualTo(10);
        assertThat(result.at("/structuredContent/scrobbles/0/status").asText()).isEqualTo("unknown");
        assertThat(result.at("/structuredContent/scrobbles/59/status").asText()).isEqualTo("not_sent");
        assertThat(text(result)).contains("check the user's recent tracks before sending them again");
    }

    @Test
    void errorEightAfterSendingIsUnknownNotRetried() {
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK).willReturn(SignedForms.json(500,
                "{\"error\":8,\"message\":\"Operation failed - Most likely the backend service failed.\"}")));
        JsonNode result = asAlice("scrobble_tracks", scrobbles(item("65daysofstatic", "Hole", now() - 60)));
        assertThat(posted("track.scrobble")).hasSize(1);
        assertThat(result.at("/structuredContent/scrobbles/0/status").asText()).isEqualTo("unknown");
    }

    @Test
    void aRejectedSessionKeyStopsTheScrobblesAsNotSent() {
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK)
                .willReturn(SignedForms.json(403, "track.scrobble__bad-auth-error4.json")));
        JsonNode result = asAlice("scrobble_tracks", scrobbles(item("65daysofstatic", "Hole", now() - 60)));
        assertThat(result.at("/structuredContent/scrobbles/0/status").asText()).isEqualTo("not_sent");
        assertThat(text(result)).contains("sign in to Last.fm again");
    }

    @Test
    void scrobbleArgumentsAreCheckedAndAnonymousCallersSentToSignIn() {
        assertThat(text(error("scrobble_tracks", scrobbles(item("A", "B", now()))))).contains("/login");
        String[] many = new String[201];
        java.util.Arrays.fill(many, item("A", "B", now()));
        assertThat(text(call(alice, aliceSession, "scrobble_tracks", scrobbles(many)))).contains("scrobbles");
        assertThat(text(call(alice, aliceSession, "scrobble_tracks", scrobbles())).toLowerCase()).contains("scrobbles");
        JsonNode missing = call(alice, aliceSession, "scrobble_tracks",
                "{\"scrobbles\":[{\"artist\":\"A\",\"timestamp\":1}]}");
        assertThat(missing.path("isError").asBoolean()).isTrue();
        assertThat(text(missing)).contains("track");
        assertThat(posted("track.scrobble")).isEmpty();
    }

    // ---------------------------------------------------------------- scrobble_album

    @Test
    void scrobbleAlbumCountsTheStartTimesBackFromFinishedAtWithTheTracklistsLengths() {
        lastfm("album.getInfo", "album.getInfo__metallica_metallica_lang-de.json");
        LASTFM.stubFor(SignedForms.write("track.scrobble", SK).willReturn(SignedForms.json(200, acceptedAnswer(12))));
        long end = now() - 600;
        JsonNode result = asAlice("scrobble_album", "{\"artist\":\"Metallica\",\"album\":\"Metallica\","
                + "\"finishedAt\":" + end + "}");
        assertThat(result.path("isError").asBoolean()).as(text(result)).isFalse();
        assertThat(result.at("/structuredContent/totals/accepted").asInt()).isEqualTo(12);
        assertThat(text(result)).contains("Scrobbled 12 of 12 tracks", "12 tracks played back to back");
        Map<String, String> sent = posted("track.scrobble").get(0);
        int[] lengths = {382, 324, 227, 386, 402, 239, 241, 341, 256, 305, 407, 231};
        long start = end - java.util.Arrays.stream(lengths).sum();
        assertThat(sent).containsEntry("timestamp[0]", String.valueOf(start))
                .containsEntry("timestamp[1]", String.valueOf(start + 382))
                .containsEntry("timestamp[11]", String.valueOf(end - 231))
                .containsEntry("trackNumber[0]", "1").containsEntry("trackNumber[11]", "12")
                .containsEntry("duration[0]", "382").containsEntry("album[0]", "Metallica")
                .containsEntry("albumArtist[0]", "Metallica");
    }

    @Test
    void scrobbleAlbumNeedsASignInBeforeReadingAnything() {
        assertThat(text(error("scrobble_album", "{\"artist\":\"Metallica\",\"album\":\"Metallica\"}")))
                .contains("/login");
        assertThat(reads("album.getInfo")).isZero();
    }

    @Test
    void anAlbumWithoutATracklistIsAnError() {
        lastfm("album.getInfo", "{\"album\":{\"name\":\"Empty\",\"artist\":\"Nobody\",\"tracks\":{\"track\":[]}}}");
        JsonNode result = asAlice("scrobble_album", "{\"artist\":\"Nobody\",\"album\":\"Empty\"}");
        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(text(result)).contains("no tracklist", "scrobble_tracks");
        assertThat(posted("track.scrobble")).isEmpty();
    }
}
