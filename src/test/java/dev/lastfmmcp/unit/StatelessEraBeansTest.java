package dev.lastfmmcp.unit;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.jsonrpc.JsonRpcMessage;
import dev.lastfmmcp.jsonrpc.McpHttpException;
import dev.lastfmmcp.lastfm.DataClass;
import dev.lastfmmcp.lastfm.LastfmCall;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.LogLevel;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpReplies;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.ServerIdentity;
import dev.lastfmmcp.mcp.StatelessEra;
import dev.lastfmmcp.stateless.StatelessResults;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stateless era's beans without a CamelContext: which era a request is, the intake checks, the stamps. */
class StatelessEraBeansTest {

    private static final ObjectMapper JSON = AppConfiguration.objectMapper();
    private static final String META = "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                                       + "\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{}},"
                                       + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"c\",\"version\":\"2\"}";

    private final StatelessEra era = new StatelessEra(JSON, "Use server_info.", 4096);

    private static McpRequest request(String json) throws Exception {
        McpRequest request = new McpRequest("c-1", 0, Instant.EPOCH, "POST", "/mcp");
        JsonNode node = JSON.readTree(json);
        List<JsonNode> messages = new java.util.ArrayList<>();
        if (node.isArray()) {
            node.forEach(messages::add);
        } else {
            messages.add(node);
        }
        request.setMessages(messages, node.isArray());
        return request;
    }

    private static String message(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    @Test
    void theOpeningRequestDecidesTheEra() throws Exception {
        String modern = message("tools/list", "{\"_meta\":" + META + "}}");
        assertThat(era.era(request(modern), null, "2026-07-28")).isEqualTo("stateless");
        // the _meta alone decides (an unknown version is then refused with -32022, not a session error)
        assertThat(era.era(request(modern), null, null)).isEqualTo("stateless");
        // the header alone too, unless it is initialize
        assertThat(era.era(request(message("tools/list", "{}")), null, "2026-07-28")).isEqualTo("stateless");
        assertThat(era.era(request(message("initialize", "{}")), null, "2026-07-28")).isEqualTo("session");
        // a session's request stays in its era, whatever it carries
        assertThat(era.era(request(modern), "s-1", "2026-07-28")).isEqualTo("session");
        assertThat(era.era(request(message("tools/list", "{}")), null, "2025-11-25")).isEqualTo("session");
        assertThat(era.era(request("[" + modern + "]"), null, "2026-07-28")).isEqualTo("session");
        McpRequest legacy = new McpRequest("c-2", 0, Instant.EPOCH, "POST", "/messages", McpRequest.LEGACY_SSE, null);
        legacy.setMessages(List.of(JSON.readTree(modern)), false);
        assertThat(era.era(legacy, null, "2026-07-28")).isEqualTo("session");
    }

    @Test
    void admitBindsTheMetaOfAConformantRequest() throws Exception {
        McpRequest request = request(message("tools/call", "{\"name\":\"Motörhead\",\"_meta\":" + META
                + ",\"io.modelcontextprotocol/logLevel\":\"info\"}}"));
        era.admit(request, "2026-07-28", "tools/call", "=?base64?TW90w7ZyaGVhZA==?=");
        assertThat(request.isStateless()).isTrue();
        assertThat(request.getProtocolVersion()).isEqualTo("2026-07-28");
        assertThat(request.getStateless().declares("elicitation")).isTrue();
        assertThat(request.getStateless().declares("sampling")).isFalse();
        assertThat(request.getStateless().clientName()).isEqualTo("c");
        assertThat(request.getStateless().logLevel()).isEqualTo(LogLevel.INFO);
    }

    @Test
    void admitRefusesWithTheRevisionsCodes() throws Exception {
        assertRefused(message("tools/list", "{}"), "2026-07-28", "tools/list", null, -32602);
        assertRefused(message("tools/list", "{\"_meta\":{\"io.modelcontextprotocol/clientCapabilities\":{}}}"),
                "2026-07-28", "tools/list", null, -32602);
        assertRefused(message("tools/list", "{\"_meta\":" + META + ",\"io.modelcontextprotocol/logLevel\":\"loud\"}}"),
                "2026-07-28", "tools/list", null, -32602);
        assertRefused(message("tools/list", "{\"_meta\":" + META + "}}"), null, "tools/list", null, -32020);
        assertRefused(message("tools/list", "{\"_meta\":" + META + "}}"), "2026-07-28", null, null, -32020);
        assertRefused(message("tools/call", "{\"name\":\"ping\",\"_meta\":" + META + "}}"), "2026-07-28",
                "tools/call", null, -32020);
        assertRefused(message("resources/read", "{\"uri\":\"lastfm://artist/Cher\",\"_meta\":" + META + "}}"),
                "2026-07-28", "resources/read", "lastfm://artist/Sonny", -32020);
        assertRefused(message("tools/call", "{\"name\":\"ping\",\"_meta\":" + META + "}}"), "2026-07-28",
                "tools/call", "=?base64?not base64!?=", -32020);
        String old = message("tools/list", "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2025-11-25\","
                                           + "\"io.modelcontextprotocol/clientCapabilities\":{}}}");
        McpHttpException unsupported = assertRefused(old, "2025-11-25", "tools/list", null, -32022);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) unsupported.data();
        assertThat(data).containsEntry("requested", "2025-11-25");
        assertThat(data.get("supported").toString()).contains("2026-07-28");
    }

    private McpHttpException assertRefused(String message, String version, String method, String name, int code)
            throws Exception {
        McpRequest request = request(message);
        try {
            era.admit(request, version, method, name);
        } catch (McpHttpException refused) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).as(message).isEqualTo(code);
            assertThat(request.isStateless()).isFalse();
            return refused;
        }
        throw new AssertionError("admitted: " + message);
    }

    @Test
    void discoverListsEveryVersionTheStatelessOneFirst() {
        Map<String, Object> discover = era.discover();
        assertThat((List<?>) discover.get("supportedVersions")).first().isEqualTo("2026-07-28");
        assertThat(discover.get("instructions")).isEqualTo("Use server_info.");
        JsonNode capabilities = JSON.valueToTree(discover.get("capabilities"));
        // subscriptions/listen serves resource subscriptions
        assertThat(capabilities.at("/resources/subscribe").asBoolean()).isTrue();
    }

    private static Map<DataClass, Duration> ttls() {
        Map<DataClass, Duration> ttls = new EnumMap<>(DataClass.class);
        ttls.put(DataClass.RECENT, Duration.ofMinutes(5));
        ttls.put(DataClass.USER, Duration.ofHours(6));
        ttls.put(DataClass.REFERENCE, Duration.ofHours(24));
        ttls.put(DataClass.SIMILAR, Duration.ofDays(7));
        return ttls;
    }

    private static McpCall call(String method) {
        return new McpCall(new JsonRpcMessage(JsonRpcMessage.Kind.REQUEST, JSON.getNodeFactory().numberNode(1),
                method, null));
    }

    @Test
    void stampsResultTypeServerInfoAndCacheHints() throws Exception {
        StatelessResults results = new StatelessResults(JSON, new ServerIdentity("lastfm-mcp", "t", "9.9", "d",
                null), ttls());
        McpRequest request = request(message("tools/list", "{}"));
        ObjectNode list = results.stamp(new McpSchema.ListToolsResult(List.of(), null), call("tools/list"), request);
        assertThat(list.get("resultType").asText()).isEqualTo("complete");
        assertThat(list.get("ttlMs").asLong()).isEqualTo(86_400_000L);
        assertThat(list.get("cacheScope").asText()).isEqualTo("public");
        assertThat(list.at("/_meta/io.modelcontextprotocol~1serverInfo/version").asText()).isEqualTo("9.9");

        // a read is as fresh as its shortest-lived answer, and private when it was the caller's own data
        McpRequest read = request(message("resources/read", "{}"));
        results.served(read, new LastfmCall(LastfmRequest.of("artist.getSimilar", "artist", "Cher"),
                DataClass.SIMILAR, "k1", () -> "q"));
        results.served(read, new LastfmCall(LastfmRequest.of("user.getRecentTracks", "user", "rj")
                .withSessionKey("sk"), DataClass.RECENT, "k2", () -> "q"));
        ObjectNode contents = results.stamp(Map.of("contents", List.of()), call("resources/read"), read);
        assertThat(contents.get("ttlMs").asLong()).isEqualTo(300_000L);
        assertThat(contents.get("cacheScope").asText()).isEqualTo("private");

        McpRequest otherUser = request(message("resources/read", "{}"));
        results.served(otherUser, new LastfmCall(LastfmRequest.of("user.getInfo", "user", "rj"), DataClass.USER,
                "k3", () -> "q"));
        assertThat(results.stamp(Map.of(), call("resources/read"), otherUser).get("cacheScope").asText())
                .isEqualTo("public");

        // the resource list of a signed-in caller is theirs
        McpRequest signedIn = request(message("resources/list", "{}"));
        signedIn.setCaller(Caller.lastfmUser("rj"));
        ObjectNode mine = results.stamp(Map.of("resources", List.of()), call("resources/list"), signedIn);
        assertThat(mine.get("cacheScope").asText()).isEqualTo("private");
        assertThat(mine.get("ttlMs").asLong()).isEqualTo(21_600_000L);

        // a tool result carries no hints, keeps an isError outcome, and a handler's own resultType stays
        McpCall toolCall = call("tools/call");
        ObjectNode failed = results.stamp(McpSchema.CallToolResult.builder().addTextContent("no").isError(true)
                .build(), toolCall, request);
        assertThat(failed.has("ttlMs")).isFalse();
        assertThat(toolCall.getOutcome()).isEqualTo("isError");
        ObjectNode input = results.stamp(Map.of("resultType", "input_required", "requestState", "x"),
                call("tools/call"), request);
        assertThat(input.get("resultType").asText()).isEqualTo("input_required");
        // outside an MCP request (the subscription poller) nothing is recorded
        results.served(null, new LastfmCall(LastfmRequest.of("user.getInfo"), DataClass.USER, "k", () -> "q"));
    }

    @Test
    void statelessStatusesFollowTheErrorCode() throws Exception {
        McpReplies replies = new McpReplies(new JsonRpcCodec(JSON), (session, message) -> true);
        McpRequest request = request(message("tools/list", "{}"));
        request.reply().setMode(dev.lastfmmcp.mcp.ReplyMode.JSON);
        assertThat(replies.statelessKind(request, error(-32601))).isEqualTo("NOT_FOUND");
        assertThat(replies.statelessKind(request, error(-32020))).isEqualTo("REFUSED");
        assertThat(replies.statelessKind(request, error(-32021))).isEqualTo("REFUSED");
        assertThat(replies.statelessKind(request, error(-32022))).isEqualTo("REFUSED");
        assertThat(replies.statelessKind(request, error(-32602))).isEqualTo("JSON");
        assertThat(replies.statelessKind(request, error(-32600))).isEqualTo("INVALID");
        assertThat(replies.statelessKind(request, null)).isEqualTo("NONE");
    }

    private static JsonNode error(int code) throws Exception {
        return JSON.readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":" + code + ",\"message\":\"m\"}}");
    }
}
