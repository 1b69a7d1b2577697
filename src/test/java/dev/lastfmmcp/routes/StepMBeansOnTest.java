package dev.lastfmmcp.routes;

import static org.assertj.core.api.Assertions.assertThat;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.support.AppTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

/** MCP_JMX_STEP_STATISTICS=true: every step of a route has its MBean, the bean steps of config.DirectBeans too. */
@CamelMainTest(configurationClasses = AppConfiguration.class, useJmx = true, properties = {"camel.server.port=0",
        "mcp.management.port=0", "mcp.jmx.step-statistics=true"})
class StepMBeansOnTest extends AppTestSupport {

    @Test
    void everyStepOfAnMcpRequestIsManagedBeanStepsIncluded() throws Exception {
        String session = session();
        mcp().post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}", session);
        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        String prefix = "org.apache.camel:context=" + context.getManagementName() + ",type=processors,*";
        long beanSteps = 0;
        long counted = 0;
        for (ObjectName step : server.queryNames(new ObjectName(prefix), null)) {
            if ("mcp-exchange".equals(server.getAttribute(step, "RouteId"))
                && "bean".equals(server.getAttribute(step, "ProcessorName"))) {
                beanSteps++;
                if ((Long) server.getAttribute(step, "ExchangesTotal") > 0) {
                    counted++;
                }
            }
        }
        assertThat(beanSteps).as("bean steps of mcp-exchange with an MBean").isGreaterThanOrEqualTo(5);
        assertThat(counted).as("bean steps of mcp-exchange that counted the requests").isGreaterThanOrEqualTo(3);
    }
}
