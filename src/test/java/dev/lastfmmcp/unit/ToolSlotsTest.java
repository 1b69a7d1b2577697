package dev.lastfmmcp.unit;

import java.time.Instant;

import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.Session;
import dev.lastfmmcp.jsonrpc.ToolException;
import dev.lastfmmcp.tools.ToolSlots;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolSlotsTest {

    private static McpRequest in(String session) {
        McpRequest request = new McpRequest("c", 0, Instant.EPOCH, "POST", "/mcp");
        request.setSession(new Session(session, "2025-11-25", null, null, null, Instant.EPOCH, null, null));
        return request;
    }

    @Test
    void boundsRunsInAllAndPerSessionAndGivesSlotsBack() {
        ToolSlots slots = new ToolSlots(3, 2);
        ToolSlots.Slot a1 = slots.acquire(in("a"));
        slots.acquire(in("a"));
        assertThatThrownBy(() -> slots.acquire(in("a"))).isInstanceOf(ToolException.class)
                .hasMessageContaining("already runs 2 tool calls at once");
        ToolSlots.Slot b1 = slots.acquire(in("b"));
        assertThatThrownBy(() -> slots.acquire(in("c"))).isInstanceOf(ToolException.class)
                .hasMessageContaining("busy with 3 tool calls");
        assertThat(slots.running()).isEqualTo(3);
        slots.release(b1);
        // a refused run took nothing: the session's own count is still 2
        assertThatThrownBy(() -> slots.acquire(in("a"))).isInstanceOf(ToolException.class);
        slots.acquire(in("c"));
        slots.release(a1);
        slots.acquire(in("a"));
        slots.release((ToolSlots.Slot) null);
        assertThat(slots.running()).isEqualTo(3);
    }
}
