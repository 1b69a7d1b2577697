package dev.lastfmmcp.mcp;

import java.util.Locale;

/** RFC 5424 severities as MCP names them, least severe first. */
public enum LogLevel {
    DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level for an MCP level name, or null when it is not one. */
    public static LogLevel fromWire(String name) {
        if (name == null) {
            return null;
        }
        for (LogLevel level : values()) {
            if (level.wireName().equals(name)) {
                return level;
            }
        }
        return null;
    }
}
