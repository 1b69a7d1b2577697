package dev.lastfmmcp.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lastfmmcp.config.StepStatistics;
import org.apache.camel.ManagementMBeansLevel;
import org.junit.jupiter.api.Test;

/** mcp.jmx.step-statistics: per-step MBeans when Jolokia is on (auto), always (true) or never (false). */
class StepStatisticsTest {

    @Test
    void autoFollowsJolokia() {
        assertThat(StepStatistics.mbeansLevel("auto", true)).isEqualTo(ManagementMBeansLevel.Default);
        assertThat(StepStatistics.mbeansLevel("auto", false)).isEqualTo(ManagementMBeansLevel.RoutesOnly);
        assertThat(StepStatistics.mbeansLevel(" AUTO ", false)).isEqualTo(ManagementMBeansLevel.RoutesOnly);
        assertThat(StepStatistics.mbeansLevel("", true)).isEqualTo(ManagementMBeansLevel.Default);
        assertThat(StepStatistics.mbeansLevel(null, false)).isEqualTo(ManagementMBeansLevel.RoutesOnly);
    }

    @Test
    void trueAndFalseDecideWhateverJolokiaIs() {
        assertThat(StepStatistics.mbeansLevel("true", false)).isEqualTo(ManagementMBeansLevel.Default);
        assertThat(StepStatistics.mbeansLevel("false", true)).isEqualTo(ManagementMBeansLevel.RoutesOnly);
    }

    @Test
    void anythingElseNamesTheSetting() {
        assertThatThrownBy(() -> StepStatistics.mbeansLevel("yes", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MCP_JMX_STEP_STATISTICS").hasMessageContaining("'yes'");
    }
}
