package dev.lastfmmcp.unit;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.audit.AuditRecords;
import dev.lastfmmcp.support.Fingerprint;
import dev.lastfmmcp.audit.Redactor;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.Session;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditRecordsTest {

    private final ObjectMapper mapper = AppConfiguration.objectMapper();
    private final JsonRpcCodec codec = new JsonRpcCodec(mapper);
    private final AuditRecords records = new AuditRecords(mapper, new Redactor(20));

    private McpRequest request(String... messages) {
        McpRequest request = new McpRequest("corr-1", 0, Instant.parse("2026-11-21T10:00:00Z"), "POST", "/mcp");
        java.util.List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String message : messages) {
            JsonNode node = codec.parse(message);
            nodes.add(node);
            request.audit().addCall(new McpCall(codec.classify(node)));
        }
        request.setMessages(nodes, messages.length > 1);
        return request;
    }

    @Test
    void theSessionHashComesFromTheSharedFingerprintMemo() throws Exception {
        dev.lastfmmcp.support.FingerprintMemo shared = new dev.lastfmmcp.support.FingerprintMemo(10);
        String known = shared.of("sid-9");
        AuditRecords withShared = new AuditRecords(mapper, new Redactor(20), 16_384, shared);
        McpRequest request = request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
        request.bind(new Session("sid-9", "2025-11-25", "c", "1", null, Instant.EPOCH, null, null), "2025-11-25");
        request.reply().setStatus(200);
        request.audit().finish(1_000_000);

        JsonNode record = mapper.readTree(withShared.build(request));
        assertThat(record.get("sessionHash").asText()).isEqualTo(known).isEqualTo(Fingerprint.of("sid-9"));
        // the memo already held it: the record added nothing
        assertThat(shared.size()).isEqualTo(1);
    }

    @Test
    void recordsTheCallWithSecretsRedactedAndLongValuesCut() throws Exception {
        McpRequest request = request("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{"
                                     + "\"name\":\"get_recent_tracks\",\"arguments\":{\"username\":\"rj\","
                                     + "\"api_key\":\"k-123\",\"sk\":\"s-456\",\"token\":\"t\",\"shared_secret\":\"x\","
                                     + "\"note\":\"" + "a".repeat(50) + "\"},\"_meta\":{\"progressToken\":\"p1\"}}}");
        request.audit().getCalls().get(0).setName("get_recent_tracks");
        request.audit().getCalls().get(0).setOutcome("isError");
        request.bind(new Session("sid-1", "2025-11-25", "c", "1", null, Instant.EPOCH, null, null), "2025-11-25");
        request.reply().setStatus(200);
        request.audit().finish(5_000_000);

        JsonNode record = mapper.readTree(records.build(request));
        assertThat(record.get("timestamp").asText()).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(record.get("correlationId").asText()).isEqualTo("corr-1");
        assertThat(record.get("sessionHash").asText()).isEqualTo(Fingerprint.of("sid-1"));
        assertThat(record.has("sessionId")).isFalse();
        assertThat(record.get("user").asText()).isEqualTo("anonymous");
        assertThat(record.get("method").asText()).isEqualTo("tools/call");
        assertThat(record.get("name").asText()).isEqualTo("get_recent_tracks");
        assertThat(record.get("outcome").asText()).isEqualTo("isError");
        assertThat(record.get("status").asInt()).isEqualTo(200);
        assertThat(record.get("latencyMs").asLong()).isEqualTo(5);
        JsonNode args = record.at("/params/arguments");
        assertThat(args.get("username").asText()).isEqualTo("rj");
        for (String secret : new String[] {"api_key", "sk", "token", "shared_secret"}) {
            assertThat(args.get(secret).asText()).isEqualTo(Redactor.REDACTED);
        }
        assertThat(args.get("note").asText()).startsWith("a".repeat(20) + "…(+30 chars)");
        assertThat(record.at("/params/_meta/progressToken").asText()).isEqualTo("p1");
        assertThat(record.toString()).doesNotContain("k-123", "s-456");
        // arrival first (keys sort by it), then a part that keeps records of one millisecond and one correlation id
        // (a client's constant X-Request-Id) apart, then the correlation id
        String key = records.key(request);
        assertThat(key).startsWith("1795255200000-").endsWith("-corr-1").isNotEqualTo(records.key(request));
        assertThat(new AuditRecords(new ObjectMapper(), new Redactor(20)).key(request)).isNotEqualTo(key);
    }

    /** An OAuth caller: the record names the user, the sign-in's fingerprint, the client id and the scopes. */
    @Test
    void recordsTheOAuthClientAndScopes() throws Exception {
        McpRequest request = request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        request.setCaller(dev.lastfmmcp.mcp.Caller.oauth(new dev.lastfmmcp.signin.SignIn("AliceListens", "session-key",
                "oauth", Instant.EPOCH, Instant.EPOCH, "0123456789abcdef"), "Inspector", "client-7",
                java.util.Set.of("lastfm:write", "lastfm:read")));
        request.reply().setStatus(200);
        JsonNode record = mapper.readTree(records.build(request));
        assertThat(record.get("user").asText()).isEqualTo("AliceListens");
        assertThat(record.get("signInHash").asText()).isEqualTo("0123456789abcdef");
        assertThat(record.get("oauthClient").asText()).isEqualTo("client-7");
        assertThat(record.get("scopes")).extracting(JsonNode::asText).containsExactly("lastfm:read", "lastfm:write");
        assertThat(record.toString()).doesNotContain("session-key");

        McpRequest anonymous = request("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");
        JsonNode plain = mapper.readTree(records.build(anonymous));
        assertThat(plain.has("oauthClient")).isFalse();
        assertThat(plain.has("scopes")).isFalse();
    }

    @Test
    void recordsRejectionsAndBatches() throws Exception {
        McpRequest rejected = new McpRequest("corr-2", 0, Instant.EPOCH, "POST", "/mcp");
        rejected.reply().setStatus(403);
        rejected.audit().setRejection("Forbidden: origin http://evil.example is not allowed");
        JsonNode record = mapper.readTree(records.build(rejected));
        assertThat(record.get("outcome").asText()).isEqualTo("rejected:403");
        assertThat(record.get("status").asInt()).isEqualTo(403);
        assertThat(record.get("reason").asText()).startsWith("Forbidden");

        McpRequest batch = request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}");
        batch.audit().getCalls().get(1).setOutcome("error:-32601");
        JsonNode batchRecord = mapper.readTree(records.build(batch));
        assertThat(batchRecord.get("method").asText()).isEqualTo("batch");
        assertThat(batchRecord.get("outcome").asText()).isEqualTo("partial");
        assertThat(batchRecord.get("calls")).hasSize(2);
        assertThat(batchRecord.at("/calls/1/outcome").asText()).isEqualTo("error:-32601");
    }

    @Test
    void boundsObjectsWithManyMembersLongKeysAndWholeRecords() throws Exception {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            members.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        String longKey = "x".repeat(10_000);
        McpRequest request = request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                                     + "\"capabilities\":{" + members + "},\"" + longKey + "\":1}}");
        JsonNode record = mapper.readTree(records.build(request));
        JsonNode capabilities = record.at("/params/capabilities");
        assertThat(capabilities.size()).isEqualTo(51);
        assertThat(capabilities.get(Redactor.MORE_MEMBERS).asText()).isEqualTo("4950 more members");
        record.at("/params").fieldNames().forEachRemaining(key -> assertThat(key.length()).isLessThanOrEqualTo(65));

        AuditRecords small = new AuditRecords(mapper, new Redactor(200), 2_000);
        StringBuilder wide = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            wide.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"").append("v".repeat(150)).append("\"");
        }
        McpRequest big = request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{"
                                 + "\"name\":\"ping\",\"arguments\":{" + wide + "}}}");
        String json = small.build(big);
        assertThat(json.length()).isLessThanOrEqualTo(2_000);
        JsonNode bigRecord = mapper.readTree(json);
        assertThat(bigRecord.has("params")).isFalse();
        assertThat(bigRecord.get("paramsOmitted").asText()).contains("at most 2000");
        assertThat(bigRecord.get("method").asText()).isEqualTo("tools/call");
    }

    @Test
    void listsAtMostAHundredCallsOfABatch() throws Exception {
        String[] calls = new String[150];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"ping\"}";
        }
        JsonNode record = mapper.readTree(records.build(request(calls)));
        assertThat(record.get("calls")).hasSize(100);
        assertThat(record.get("moreCalls").asInt()).isEqualTo(50);
    }
}
