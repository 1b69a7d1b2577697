package dev.lastfmmcp.mcp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the audit record of one exchange needs beyond the request: its calls and outcomes, a rejection, the latency. */
public class AuditTrail {

    private final long startNanos;
    private final List<McpCall> calls = Collections.synchronizedList(new ArrayList<>());
    private String rejection;
    private String label;
    private long latencyMs = -1;
    private long latencyNanos = -1;

    public AuditTrail(long startNanos) {
        this.startNanos = startNanos;
    }

    public List<McpCall> getCalls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public void addCall(McpCall call) {
        calls.add(call);
    }

    /** Why the request was turned away at the HTTP level, or null. */
    public String getRejection() {
        return rejection;
    }

    public void setRejection(String rejection) {
        this.rejection = rejection;
    }

    /** What the exchange was when it carried no JSON-RPC message (e.g. "stream" for a GET stream). */
    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public long getLatencyMs() {
        return latencyMs;
    }

    /** The latency in nanoseconds (metrics), -1 before {@link #finish}. */
    public long getLatencyNanos() {
        return latencyNanos;
    }

    public void finish(long nowNanos) {
        this.latencyNanos = Math.max(0, nowNanos - startNanos);
        this.latencyMs = latencyNanos / 1_000_000;
    }
}
