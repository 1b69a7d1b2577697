package dev.lastfmmcp.routes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.observe.ManagementServer;
import dev.lastfmmcp.support.AppTestSupport;
import org.apache.camel.ServiceStatus;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jolokia on the management port: a route's ExchangesTotal read over HTTP; the policy allows route operations and the
 * read-only dumps Hawtio's route diagram calls, nothing else that runs or writes.
 */
@CamelMainTest(configurationClasses = AppConfiguration.class, useJmx = true, properties = {"camel.server.port=0",
        "mcp.management.port=0", "mcp.jolokia.enabled=true", "lastfm.api-key=" + JolokiaTest.API_KEY,
        "lastfm.shared-secret=" + JolokiaTest.SHARED_SECRET})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JolokiaTest extends AppTestSupport {

    static final String API_KEY = "0badc0ffee0badc0ffee0badc0ffee42";
    static final String SHARED_SECRET = "5ecre75ecre75ecre75ecre75ecre742";
    // HTTP/1.1: the JDK client's h2c upgrade on a large answer (the route statistics, ~0.5 MB) once got GOAWAY
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode jolokia(String request) throws Exception {
        int port = context.getRegistry().lookupByNameAndType("managementServer", ManagementServer.class)
                .listeningPort();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/observe/jolokia/"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private String routeMBean(String routeId) throws Exception {
        JsonNode found = jolokia("{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,name=\\\"" + routeId
                                 + "\\\",*\"}");
        assertThat(found.get("status").asInt()).as(found.toString()).isEqualTo(200);
        return found.get("value").get(0).asText();
    }

    @Test
    void aRoutesExchangesTotalIsReadOverHttp() throws Exception {
        mcp().send("GET", "/health", null, Map.of());
        mcp().send("GET", "/health", null, Map.of());
        String mbean = routeMBean("web-health");
        JsonNode read = jolokia("{\"type\":\"read\",\"mbean\":" + JSON.writeValueAsString(mbean)
                                + ",\"attribute\":\"ExchangesTotal\"}");
        assertThat(read.get("status").asInt()).as(read.toString()).isEqualTo(200);
        assertThat(read.get("value").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void routeOperationsAreAllowedAndNothingElseWrites() throws Exception {
        String mbean = JSON.writeValueAsString(routeMBean("web-landing"));
        JsonNode stop = jolokia("{\"type\":\"exec\",\"mbean\":" + mbean + ",\"operation\":\"stop()\"}");
        assertThat(stop.get("status").asInt()).as(stop.toString()).isEqualTo(200);
        assertThat(context.getRouteController().getRouteStatus("web-landing")).isEqualTo(ServiceStatus.Stopped);
        JsonNode start = jolokia("{\"type\":\"exec\",\"mbean\":" + mbean + ",\"operation\":\"start()\"}");
        assertThat(start.get("status").asInt()).as(start.toString()).isEqualTo(200);
        assertThat(context.getRouteController().getRouteStatus("web-landing")).isEqualTo(ServiceStatus.Started);

        JsonNode remove = jolokia("{\"type\":\"exec\",\"mbean\":" + mbean + ",\"operation\":\"remove()\"}");
        assertThat(remove.get("status").asInt()).as(remove.toString()).isEqualTo(403);
        JsonNode write = jolokia("{\"type\":\"write\",\"mbean\":" + mbean
                                 + ",\"attribute\":\"Description\",\"value\":\"x\"}");
        assertThat(write.get("status").asInt()).as(write.toString()).isEqualTo(403);
        JsonNode gc = jolokia("{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\",\"operation\":\"gc()\"}");
        assertThat(gc.get("status").asInt()).as(gc.toString()).isEqualTo(403);
    }

    @Test
    void hawtiosRouteDiagramDumpsAreReadableWithoutSecrets() throws Exception {
        mcp().send("GET", "/health", null, Map.of());
        String contextMBean = JSON.writeValueAsString("org.apache.camel:context=" + context.getManagementName()
                                                      + ",type=context,name=\"" + context.getName() + "\"");
        JsonNode routes = jolokia("{\"type\":\"exec\",\"mbean\":" + contextMBean
                                  + ",\"operation\":\"dumpRoutesAsXml()\"}");
        assertThat(routes.get("status").asInt()).as(routes.toString()).isEqualTo(200);
        assertThat(routes.get("value").asText()).contains("<route id=\"web-health\"", "<route id=\"mcp-exchange\"")
                .doesNotContain(API_KEY, SHARED_SECRET);
        JsonNode stats = jolokia("{\"type\":\"exec\",\"mbean\":" + contextMBean
                                 + ",\"operation\":\"dumpRoutesStatsAsXml\",\"arguments\":[true,true]}");
        assertThat(stats.get("status").asInt()).as(stats.toString()).isEqualTo(200);
        assertThat(stats.get("value").asText()).contains("<routeStat id=\"web-health\"", "<processorStat");
        String route = JSON.writeValueAsString(routeMBean("web-health"));
        JsonNode routeStats = jolokia("{\"type\":\"exec\",\"mbean\":" + route
                                      + ",\"operation\":\"dumpRouteStatsAsXml\",\"arguments\":[true,true]}");
        assertThat(routeStats.get("status").asInt()).as(routeStats.toString()).isEqualTo(200);
        assertThat(routeStats.get("value").asText()).contains("exchangesTotal=");

        // the variants that resolve placeholders could show a configured secret: refused
        JsonNode resolved = jolokia("{\"type\":\"exec\",\"mbean\":" + contextMBean
                                    + ",\"operation\":\"dumpRoutesAsXml(boolean)\",\"arguments\":[true]}");
        assertThat(resolved.get("status").asInt()).as(resolved.toString()).isEqualTo(403);
        JsonNode resolvedRoute = jolokia("{\"type\":\"exec\",\"mbean\":" + route
                                         + ",\"operation\":\"dumpRouteAsXml(boolean)\",\"arguments\":[true]}");
        assertThat(resolvedRoute.get("status").asInt()).as(resolvedRoute.toString()).isEqualTo(403);
        JsonNode update = jolokia("{\"type\":\"exec\",\"mbean\":" + contextMBean
                                  + ",\"operation\":\"addOrUpdateRoutesFromXml(java.lang.String)\","
                                  + "\"arguments\":[\"<routes/>\"]}");
        assertThat(update.get("status").asInt()).as(update.toString()).isEqualTo(403);
    }
}
