package dev.lastfmmcp.observe;

import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.support.FingerprintMemo;
import org.slf4j.MDC;

/**
 * What every log line of an exchange carries (SLF4J MDC): the correlation id, the MCP method and tool, the route the
 * thread is in, and fingerprints of the session id and the user (never the values themselves). Set when an exchange
 * enters a route and restored when it leaves, on the thread that runs it ({@link RouteLogContext} calls
 * {@link #enter} and {@link #leave}); nothing travels in message headers, so nothing leaks into an outbound call.
 *
 * <p>It runs on every route entry, so it does as little as it can: only this class writes these keys, a nested
 * entry of the same exchange writes the route id (and what changed) and allocates nothing, and leaving removes only
 * the keys it put (logback's map entries, about 32 bytes each, are the only allocation of an exchange).
 *
 * <p>Values a client chose (a tool or method name) are cut to {@value #MAX_VALUE} characters with control
 * characters replaced, so they cannot forge a log line in the text format (the JSON format escapes anyway).
 */
public final class LogContext {

    public static final String CORRELATION_ID = "correlationId";
    public static final String ROUTE_ID = "routeId";
    public static final String MCP_METHOD = "mcpMethod";
    public static final String TOOL = "mcpTool";
    public static final String SESSION_HASH = "sessionHash";
    public static final String USER_HASH = "userHash";

    /** The keys in the order the text format shows them. */
    static final String[] KEYS = {CORRELATION_ID, ROUTE_ID, MCP_METHOD, TOOL, SESSION_HASH, USER_HASH};
    private static final int CORRELATION = 0;
    private static final int ROUTE = 1;
    private static final int METHOD = 2;
    private static final int TOOL_NAME = 3;
    private static final int SESSION = 4;
    private static final int USER = 5;

    static final int MAX_VALUE = 64;
    /** Fingerprints of session ids and user names seen lately (a SHA-256 per route entry would cost). */
    private final FingerprintMemo fingerprints;
    private volatile boolean enabled = true;

    /** With a memo of its own. */
    public LogContext() {
        this(new FingerprintMemo(FingerprintMemo.DEFAULT_MAX_ENTRIES));
    }

    /** @param fingerprints the fingerprints memo, shared with whatever else fingerprints the same sessions */
    public LogContext(FingerprintMemo fingerprints) {
        this.fingerprints = fingerprints;
    }

    /** Off: routes set no keys (the benchmark compares the cost of both). */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** What this thread's MDC holds now, so a route entry of the same exchange writes only what changed. */
    private static final class State {
        String routeId;
        McpRequest request;
        String sessionId;
        Caller caller;
        McpCall call;
        /** The call is a tools/call, and the tool name shown (set on the call once the catalogue knows the tool). */
        boolean toolsCall;
        String toolName;
        String correlationId;
        /** The keys put on the MDC (bit i: {@code KEYS[i]}), so leaving removes only those. */
        int keys;

        void reset() {
            routeId = null;
            request = null;
            sessionId = null;
            caller = null;
            call = null;
            toolsCall = false;
            toolName = null;
            correlationId = null;
        }

        void put(int key, String value) {
            MDC.put(KEYS[key], value);
            keys |= 1 << key;
        }

        void remove(int key) {
            if ((keys & (1 << key)) != 0) {
                MDC.remove(KEYS[key]);
                keys &= ~(1 << key);
            }
        }

        void putOrRemove(int key, String value) {
            if (value == null) {
                remove(key);
            } else {
                put(key, value);
            }
        }

        /** Removes every key this context put on the thread's MDC, and forgets the exchange. */
        void clear() {
            for (int key = 0; keys != 0 && key < KEYS.length; key++) {
                remove(key);
            }
            reset();
        }
    }

    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    /**
     * The exchange enters route {@code routeId}: its keys are set on this thread (only those that changed since the
     * route it comes from).
     *
     * @param correlationId the request's id when it has no MCP request context (a web page, OAuth), else null
     * @return the route id this thread was in before (null: none, the exchange's first route on this thread)
     */
    public String enter(String routeId, McpRequest request, McpCall call, String correlationId) {
        State state = STATE.get();
        String previous = state.routeId;
        if (previous == null) {
            // the exchange's first route on this thread: normally nothing is left (the last exit cleared it)
            state.clear();
        }
        state.routeId = routeId;
        state.put(ROUTE, routeId);
        if (request != null) {
            if (request != state.request) {
                state.request = request;
                state.sessionId = null;
                state.caller = null;
                state.put(CORRELATION, request.getCorrelationId());
                state.remove(SESSION);
                state.remove(USER);
            }
            String sessionId = request.getSessionId();
            if (sessionId != null && !sessionId.equals(state.sessionId)) {
                state.sessionId = sessionId;
                state.put(SESSION, fingerprint(sessionId));
            }
            Caller caller = request.getCaller();
            if (caller != state.caller) {
                state.caller = caller;
                state.putOrRemove(USER, caller.isAnonymous() ? null : fingerprint(caller.name()));
            }
        } else if (correlationId != null && !correlationId.equals(state.correlationId)) {
            state.correlationId = correlationId;
            state.put(CORRELATION, clean(correlationId));
        }
        if (call != null) {
            if (call != state.call) {
                state.call = call;
                state.putOrRemove(METHOD, clean(call.getMethod()));
                state.toolsCall = "tools/call".equals(call.getMethod());
                state.toolName = null;
                state.remove(TOOL_NAME);
            }
            // the name is set once the catalogue has resolved the tool, after the call's first routes
            String toolName = state.toolsCall ? call.getName() : null;
            if (toolName != state.toolName) {
                state.toolName = toolName;
                state.putOrRemove(TOOL_NAME, clean(toolName));
            }
        }
        return previous;
    }

    /** The exchange leaves a route: back to the route it came from, or nothing when it was the first. */
    public void leave(String previousRouteId) {
        State state = STATE.get();
        if (previousRouteId == null) {
            state.clear();
        } else {
            state.routeId = previousRouteId;
            state.put(ROUTE, previousRouteId);
        }
    }

    String fingerprint(String value) {
        return fingerprints.of(value);
    }

    /** A client-chosen value fit for a log line: at most {@value #MAX_VALUE} characters, no control characters. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        int length = Math.min(value.length(), MAX_VALUE);
        StringBuilder out = null;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean bad = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (bad && out == null) {
                out = new StringBuilder(length).append(value, 0, i);
            }
            if (out != null) {
                out.append(bad ? '?' : c);
            }
        }
        if (out != null) {
            return length < value.length() ? out.append('…').toString() : out.toString();
        }
        return length < value.length() ? value.substring(0, length) + '…' : value;
    }
}
