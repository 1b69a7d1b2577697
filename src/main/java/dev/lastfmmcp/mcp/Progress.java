package dev.lastfmmcp.mcp;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;

/**
 * {@code notifications/progress} for multi-step tools. A report goes out only when the request carries a
 * {@code _meta.progressToken} and its reply is a stream that can carry it; progress only ever increases.
 */
public class Progress {

    private final JsonRpcCodec codec;

    public Progress(JsonRpcCodec codec) {
        this.codec = codec;
    }

    /**
     * Reports {@code progress} (of {@code total}, when known) with a message a person can read, e.g. "Finding
     * artists similar to your top 10". Ignored without a token or a stream, or when not larger than the last report.
     */
    public void report(McpRequest request, McpCall call, double progress, Double total, String message) {
        if (request == null || call == null) {
            return;
        }
        JsonNode token = call.getMessage().progressToken();
        ProgressSink sink = request.getProgressSink();
        if (token == null || sink == null) {
            return;
        }
        // steps of a fan-out report from several threads: the check and the send are one step, so a larger value
        // can never overtake a smaller one on the stream
        synchronized (call) {
            if (call.advanceProgress(progress)) {
                sink.send(notification(token, progress, total, message));
            }
        }
    }

    private JsonNode notification(JsonNode token, double progress, Double total, String message) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("progressToken", token);
        params.put("progress", progress);
        if (total != null) {
            params.put("total", total);
        }
        if (message != null) {
            params.put("message", message);
        }
        return codec.notification("notifications/progress", params);
    }
}
