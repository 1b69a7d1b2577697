package dev.lastfmmcp.tools.writes;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.lastfmmcp.jsonrpc.JsonRpcMessage;
import dev.lastfmmcp.lastfm.LastfmMeters;
import dev.lastfmmcp.mcp.McpCall;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The write part of a write call's audit record, and the scrobble counter by outcome. */
class WriteAuditTest {

    private static McpCall call() {
        return new McpCall(new JsonRpcMessage(JsonRpcMessage.Kind.REQUEST,
                com.fasterxml.jackson.databind.node.IntNode.valueOf(1), "tools/call", null));
    }

    private static Map<String, Object> totals(int asked, int accepted, int ignored, int unknown) {
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("asked", asked);
        totals.put("accepted", accepted);
        totals.put("ignored", ignored);
        totals.put("refused", asked - accepted - ignored - unknown);
        totals.put("duplicates", 0);
        totals.put("unknown", unknown);
        totals.put("notSent", 0);
        totals.put("batches", 1);
        return totals;
    }

    private static String outcome(Map<String, Object> totals) {
        McpCall call = call();
        WriteAudit.planned(call, (Integer) totals.get("asked"));
        WriteAudit.scrobbled(call, totals);
        return (String) call.getWrite().get("outcome");
    }

    @Test
    void aWriteIsNotWrittenUntilItSettles() {
        McpCall call = call();
        WriteAudit.planned(call, 1);
        assertThat(call.getWrite()).containsExactly(Map.entry("items", 1), Map.entry("outcome", "not written"));
        WriteAudit.settled(call, "written");
        assertThat(call.getWrite()).containsEntry("outcome", "written").containsEntry("items", 1);
        // no call (outside an MCP request): nothing to record, nothing fails
        WriteAudit.planned(null, 1);
        WriteAudit.settled(null, "written");
        WriteAudit.scrobbled(null, totals(1, 1, 0, 0));
    }

    @Test
    void aScrobbleRunsOutcomeFollowsItsCounts() {
        assertThat(outcome(totals(3, 3, 0, 0))).isEqualTo("written");
        assertThat(outcome(totals(3, 2, 1, 0))).isEqualTo("partial");
        assertThat(outcome(totals(3, 0, 0, 3))).isEqualTo("unknown");
        assertThat(outcome(totals(3, 0, 3, 0))).isEqualTo("not written");
        assertThat(outcome(totals(0, 0, 0, 0))).isEqualTo("not written");
        McpCall call = call();
        WriteAudit.planned(call, 3);
        WriteAudit.scrobbled(call, totals(3, 2, 1, 0));
        assertThat(call.getWrite()).containsEntry("items", 3).containsEntry("accepted", 2).containsEntry("ignored", 1)
                .containsEntry("batches", 1).doesNotContainKey("asked");
    }

    @Test
    void scrobblesAreCountedByOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LastfmMeters meters = new LastfmMeters(registry);
        // registered up front, every outcome, at 0
        for (String outcome : LastfmMeters.SCROBBLE_OUTCOMES) {
            assertThat(registry.get("lastfm.scrobbles").tag("outcome", outcome).counter().count()).isZero();
        }
        meters.scrobbles("accepted", 3);
        meters.scrobbles("ignored", 1);
        meters.scrobbles("unknown", 0);
        assertThat(registry.get("lastfm.scrobbles").tag("outcome", "accepted").counter().count()).isEqualTo(3);
        assertThat(registry.get("lastfm.scrobbles").tag("outcome", "ignored").counter().count()).isEqualTo(1);
        assertThat(registry.get("lastfm.scrobbles").tag("outcome", "unknown").counter().count()).isZero();
        assertThat(ScrobbleRun.Status.values()).hasSize(LastfmMeters.SCROBBLE_OUTCOMES.size() + 1);
        assertThatThrownBy(() -> meters.scrobbles("pending", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
