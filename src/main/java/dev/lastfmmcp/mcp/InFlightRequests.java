package dev.lastfmmcp.mcp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Variable;

/**
 * The requests being handled, by session and request id, so {@code notifications/cancelled} can reach them.
 * Cancelling an unknown or finished request does nothing.
 */
public class InFlightRequests {

    private final Map<String, McpCall> calls = new ConcurrentHashMap<>();

    public void started(McpRequest request, McpCall call) {
        if (call.isRequest() && request.getSessionId() != null) {
            calls.put(key(request.getSessionId(), call.getMessage().idText()), call);
        }
    }

    public void finished(McpRequest request, McpCall call) {
        if (call != null && call.isRequest() && request.getSessionId() != null) {
            calls.remove(key(request.getSessionId(), call.getMessage().idText()), call);
        }
    }

    /** notifications/cancelled {requestId, reason?} from the same session. */
    public void cancel(@Variable("mcp") McpRequest request, @Variable("call") McpCall notification) {
        JsonNode requestId = notification.getParams() == null ? null : notification.getParams().get("requestId");
        if (requestId == null || request.getSessionId() == null
            || !(requestId.isTextual() || requestId.isIntegralNumber())) {
            return;
        }
        McpCall target = calls.get(key(request.getSessionId(),
                requestId.isTextual() ? requestId.textValue() : requestId.toString()));
        if (target != null && !"initialize".equals(target.getMethod())) {
            target.cancel();
        }
    }

    public int size() {
        return calls.size();
    }

    private static String key(String sessionId, String requestId) {
        return sessionId + "\u0000" + requestId;
    }
}
