package dev.lastfmmcp.config;

import java.util.Locale;

import org.apache.camel.ManagementMBeansLevel;

/**
 * Whether Camel registers an MBean for every step of every route ({@code mcp.jmx.step-statistics}). Hawtio's route
 * diagram reads each step's counts and times from them; each request then also updates them at every step, about a
 * fifth of a cached {@code tools/call}'s CPU, and the start registers about 1,700 more MBeans. Routes keep their own
 * MBeans and statistics either way.
 */
public final class StepStatistics {

    private StepStatistics() {
    }

    /**
     * The MBeans level for a setting of {@code auto} (steps when Jolokia is on, the way Hawtio reads JMX), {@code true}
     * or {@code false}.
     *
     * @throws IllegalArgumentException for any other value, naming the setting
     */
    public static ManagementMBeansLevel mbeansLevel(String setting, boolean jolokiaEnabled) {
        String value = setting == null ? "auto" : setting.strip().toLowerCase(Locale.ROOT);
        boolean steps = switch (value) {
            case "auto", "" -> jolokiaEnabled;
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("mcp.jmx.step-statistics (MCP_JMX_STEP_STATISTICS) must be "
                    + "auto, true or false, not '" + setting + "'");
        };
        return steps ? ManagementMBeansLevel.Default : ManagementMBeansLevel.RoutesOnly;
    }
}
