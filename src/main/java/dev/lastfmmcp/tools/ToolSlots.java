package dev.lastfmmcp.tools;

import dev.lastfmmcp.jsonrpc.ToolException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import dev.lastfmmcp.mcp.McpRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;

/**
 * A bulkhead for tool runs (tools/call and resources/read): at most {@code maxConcurrent} at once, and at most
 * {@code maxPerSession} of one session. Tool runs hold an HTTP worker thread while they wait for Last.fm, so with
 * fewer slots than workers, ping, initialize, the lists and {@code /health} always find a free one. A run beyond
 * either bound fails at once with a sentence saying to retry, instead of queueing behind the others.
 */
public class ToolSlots {

    /** A taken slot; give it back with {@link #release}. */
    public record Slot(String sessionId) {
    }

    private final Semaphore slots;
    private final int maxConcurrent;
    private final int maxPerSession;
    private final Map<String, Integer> bySession = new ConcurrentHashMap<>();

    public ToolSlots(int maxConcurrent, int maxPerSession) {
        this.slots = new Semaphore(maxConcurrent);
        this.maxConcurrent = maxConcurrent;
        this.maxPerSession = maxPerSession;
    }

    public Slot acquire(@Variable("mcp") McpRequest request) {
        String session = request.getSessionId() == null ? "" : request.getSessionId();
        boolean[] admitted = {false};
        bySession.compute(session, (k, n) -> {
            int running = n == null ? 0 : n;
            if (running >= maxPerSession) {
                return n;
            }
            admitted[0] = true;
            return running + 1;
        });
        if (!admitted[0]) {
            throw new ToolException("This session already runs " + maxPerSession + " tool calls at once, the most it "
                                    + "may; wait for one to finish and retry.");
        }
        if (!slots.tryAcquire()) {
            leave(session);
            throw new ToolException("The server is busy with " + maxConcurrent + " tool calls; retry in a few "
                                    + "seconds.");
        }
        return new Slot(session);
    }

    /** Gives back the slot in variable {@code slot}, if one was taken, and forgets it. */
    public void releaseSlot(Exchange exchange) {
        Object slot = exchange.removeVariable("slot");
        if (slot instanceof Slot taken) {
            release(taken);
        }
    }

    public void release(Slot slot) {
        if (slot != null) {
            slots.release();
            leave(slot.sessionId());
        }
    }

    /** Runs going on now. */
    public int running() {
        return maxConcurrent - slots.availablePermits();
    }

    private void leave(String session) {
        bySession.computeIfPresent(session, (k, n) -> n <= 1 ? null : n - 1);
    }
}
