package dev.lastfmmcp.observe;

import java.util.Map;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %exchange} in the text log format: {@code  [cid=… route=… mcp=… tool=… session=… user=…]} with the
 * {@link LogContext} keys the event has, or nothing for a line outside an exchange. Values are cleaned again (no
 * control characters), whoever put them.
 */
public class LogContextConverter extends ClassicConverter {

    private static final Map<String, String> LABELS = Map.of(LogContext.CORRELATION_ID, "cid",
            LogContext.ROUTE_ID, "route", LogContext.MCP_METHOD, "mcp", LogContext.TOOL, "tool",
            LogContext.SESSION_HASH, "session", LogContext.USER_HASH, "user");

    @Override
    public String convert(ILoggingEvent event) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc == null || mdc.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String key : LogContext.KEYS) {
            String value = mdc.get(key);
            if (value != null) {
                out.append(out.length() == 0 ? " [" : " ").append(LABELS.get(key)).append('=')
                        .append(LogContext.clean(value));
            }
        }
        return out.length() == 0 ? "" : out.append(']').toString();
    }
}
