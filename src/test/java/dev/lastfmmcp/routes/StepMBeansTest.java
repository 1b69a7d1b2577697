package dev.lastfmmcp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanFeatureInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.observe.SharedMBeanInfo;
import dev.lastfmmcp.support.AppTestSupport;
import org.apache.camel.ManagementMBeansLevel;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.management.DefaultManagementMBeanAssembler;
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
     * Each managed class's MBeanInfo is built once ({@code observe.SharedMBeanInfo}) and yet every MBean is its own:
     * the same attributes and operations as Camel's own assembler gives, and each route's statistics its own.
     */
    @Test
    void mbeanInfoIsBuiltOncePerClassAndValuesStayPerRoute() throws Exception {
        SharedMBeanInfo shared = (SharedMBeanInfo) context.getCamelContextExtension().getManagementMBeanAssembler();
        assertThat(shared.assembled()).isGreaterThan(100);
        assertThat(shared.built()).isLessThan(shared.assembled() / 2);

        mcp().send("GET", "/health", null, Map.of());
        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        String prefix = "org.apache.camel:context=" + context.getManagementName() + ",type=routes,name=";
        ObjectName health = new ObjectName(prefix + "\"web-health\"");
        ObjectName unused = new ObjectName(prefix + "\"tool-get_artist_info\"");
        assertThat((Long) server.getAttribute(health, "ExchangesTotal")).isGreaterThanOrEqualTo(1L);
        assertThat((Long) server.getAttribute(unused, "ExchangesTotal")).isZero();
        assertThat(server.getAttribute(health, "RouteId")).isEqualTo("web-health");
        assertThat(server.getAttribute(unused, "RouteId")).isEqualTo("tool-get_artist_info");

        DefaultManagementMBeanAssembler camels = new DefaultManagementMBeanAssembler(context);
        camels.start();
        var objects = context.getManagementStrategy().getManagementObjectStrategy();
        assertSameInfo(server, camels, health, objects.getManagedObjectForRoute(context, context.getRoute("web-health")));
        // an endpoint with annotations of its own: its MBean calls the endpoint, the standard attributes in a mixin
        org.apache.camel.Endpoint endpoint = context.getEndpoints().stream()
                .filter(e -> e.getClass().isAnnotationPresent(ManagedResource.class)).findFirst().orElseThrow();
        ObjectName endpointName = context.getManagementStrategy().getManagementObjectNameStrategy()
                .getObjectNameForEndpoint(endpoint);
        assertSameInfo(server, camels, endpointName, objects.getManagedObjectForEndpoint(context, endpoint));
        assertThat(server.getAttribute(endpointName, "EndpointUri")).isEqualTo(endpoint.getEndpointUri());
    }

    private static void assertSameInfo(MBeanServer server, DefaultManagementMBeanAssembler camels, ObjectName name,
                                       Object managed) throws Exception {
        MBeanInfo expected = camels.assemble(server, managed, name).getMBeanInfo();
        MBeanInfo actual = server.getMBeanInfo(name);
        assertThat(names(actual.getAttributes())).isEqualTo(names(expected.getAttributes())).hasSizeGreaterThan(3);
        assertThat(names(actual.getOperations())).isEqualTo(names(expected.getOperations()));
        assertThat(actual.getClassName()).isEqualTo(expected.getClassName());
        assertThat(actual.getDescription()).isEqualTo(expected.getDescription());
    }

    private static List<String> names(MBeanFeatureInfo[] features) {
        return Arrays.stream(features).map(f -> f.getName() + ":" + f.getDescription()).sorted().toList();
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
