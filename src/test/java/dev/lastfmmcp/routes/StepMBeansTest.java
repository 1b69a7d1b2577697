package dev.lastfmmcp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.AppTestSupport;
import org.apache.camel.ManagementMBeansLevel;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

/**
 * By default (no Jolokia) routes have their MBeans and statistics but steps have none; {@link StepMBeansOnTest} (and JolokiaTest,
 * with Jolokia on) shows every step's statistics, the bean steps of {@code config.DirectBeans} among them.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class, useJmx = true, properties = {"camel.server.port=0",
        "mcp.management.port=0"})
class StepMBeansTest extends AppTestSupport {

    @Test
    void routesAreManagedAndStepsAreNot() throws Exception {
        mcp().send("GET", "/health", null, Map.of());
        assertThat(context.getManagementStrategy().getManagementAgent().getMBeansLevel())
                .isEqualTo(ManagementMBeansLevel.RoutesOnly);
        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        String prefix = "org.apache.camel:context=" + context.getManagementName();
        Set<ObjectName> routes = server.queryNames(new ObjectName(prefix + ",type=routes,*"), null);
        Set<ObjectName> steps = server.queryNames(new ObjectName(prefix + ",type=processors,*"), null);
        assertThat(routes).hasSizeGreaterThan(50);
        assertThat(steps).isEmpty();
        ObjectName health = server.queryNames(new ObjectName(prefix + ",type=routes,name=\"web-health\""), null)
                .iterator().next();
        assertThat((Long) server.getAttribute(health, "ExchangesTotal")).isGreaterThanOrEqualTo(1L);
    }

    /**
     * No event notifier wants an event per exchange or step: Camel then creates none (it creates one per send and asks
     * every notifier otherwise, about 4 % of a cached call).
     */
    @Test
    void noEventNotifierTakesExchangeOrStepEvents() {
        assertThat(context.getManagementStrategy().getEventNotifiers()).isNotEmpty().allSatisfy(notifier -> {
            assertThat(notifier.isIgnoreExchangeEvents()).as(notifier.getClass().getName()).isTrue();
            assertThat(notifier.isIgnoreStepEvents()).as(notifier.getClass().getName()).isTrue();
        });
    }
}
