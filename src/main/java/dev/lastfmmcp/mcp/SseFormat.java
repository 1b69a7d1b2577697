package dev.lastfmmcp.mcp;

/** Server-Sent Events framing as MCP uses it: {@code event: message}, one JSON-RPC message per event. */
public final class SseFormat {

    private SseFormat() {
    }

    /** 2025-11-25: an event with an id and empty data first, so a client can resume from it. */
    public static String primingEvent(String id) {
        return "id: " + id + "\ndata: \n\n";
    }

    /** The priming event with the reconnection delay a client polling after a closed stream waits. */
    public static String primingEvent(String id, long retryMillis) {
        return "id: " + id + "\nretry: " + retryMillis + "\ndata: \n\n";
    }

    public static String messageEvent(String id, String json) {
        StringBuilder event = new StringBuilder();
        if (id != null) {
            event.append("id: ").append(id).append('\n');
        }
        event.append("event: message\n");
        for (String line : json.split("\n", -1)) {
            event.append("data: ").append(line).append('\n');
        }
        return event.append('\n').toString();
    }

    public static String comment(String text) {
        return ": " + text + "\n\n";
    }
}
