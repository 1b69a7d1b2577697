package dev.lastfmmcp.tools.writes;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.lastfmmcp.mcp.McpCall;

/**
 * The {@code write} part of a write call's audit record ({@link McpCall#setWrite}): how many items it was about, what
 * came of them ({@code written}, {@code ignored}, {@code partial}, {@code unknown}, {@code not written}), a scrobble
 * run's counts and the confirmation asked for. The user and the tool are the record's own fields; nothing here is a
 * name a client sent, a session key or a signature.
 */
final class WriteAudit {

    static final String NOT_WRITTEN = "not written";

    private WriteAudit() {
    }

    /** Before anything is sent: the item count, and "not written" until the write settles. */
    static void planned(McpCall call, int items) {
        if (call != null) {
            Map<String, Object> write = new LinkedHashMap<>();
            write.put("items", items);
            write.put("outcome", NOT_WRITTEN);
            call.setWrite(write);
        }
    }

    /** The write went through: {@code outcome} (written, or ignored by Last.fm). */
    static void settled(McpCall call, String outcome) {
        update(call, Map.of("outcome", outcome));
    }

    /** A scrobble run's end: its counts and the outcome they make. */
    static void scrobbled(McpCall call, Map<String, Object> totals) {
        int asked = (Integer) totals.get("asked");
        int accepted = (Integer) totals.get("accepted");
        int unknown = (Integer) totals.get("unknown");
        String outcome = asked > 0 && accepted == asked ? "written"
                : accepted > 0 ? "partial" : unknown > 0 ? "unknown" : NOT_WRITTEN;
        Map<String, Object> write = new LinkedHashMap<>(totals);
        write.remove("asked");
        write.put("outcome", outcome);
        update(call, write);
    }

    /** What came of asking the user to confirm (when the write asks at all). */
    static void confirmation(McpCall call, WriteConfirmations.Decision decision) {
        if (decision != WriteConfirmations.Decision.NOT_NEEDED) {
            update(call, Map.of("confirmation", decision.name().toLowerCase(Locale.ROOT)));
        }
    }

    private static void update(McpCall call, Map<String, Object> changes) {
        if (call == null) {
            return;
        }
        Map<String, Object> write = call.getWrite() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(call.getWrite());
        write.putAll(changes);
        call.setWrite(write);
    }
}
