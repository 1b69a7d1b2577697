package dev.lastfmmcp.routes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.observe.ManagementServer;
import dev.lastfmmcp.support.ToolTestSupport;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service's meters on /observe/metrics: values move when calls happen, no label carries a user value, and the
 * README's meter table names exactly the meters the registry has (with their labels).
 */
@CamelMainTest(configurationClasses = AppConfiguration.class, properties = {"camel.server.port=0",
        "mcp.management.port=0", "lastfm.retry.initial-delay-ms=1", "lastfm.retry.max-delay-ms=2"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest extends ToolTestSupport {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-z_]+)(\\{(.*)\\})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Set<String> OURS = Set.of("mcp_", "lastfm_", "upstream_", "cache_", "musicbrainz_");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private String scrape() throws Exception {
        int port = context.getRegistry().lookupByNameAndType("managementServer", ManagementServer.class)
                .listeningPort();
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The value of one sample, by name and exact labels (sorted as Prometheus prints them); 0 when absent. */
    private double value(String name, String labels) throws Exception {
        Matcher m = SAMPLE.matcher(scrape());
        while (m.find()) {
            if (m.group(1).equals(name) && labels.equals(m.group(3) == null ? "" : m.group(3))) {
                return Double.parseDouble(m.group(4));
            }
        }
        return 0;
    }

    private void awaitValue(String name, String labels, double expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(value(name, labels))
                .as(name + "{" + labels + "}").isEqualTo(expected));
    }

    @Test
    void toolCallsRequestsCacheAndUpstreamMetersMoveWithCalls() throws Exception {
        lastfm("user.getInfo", "user.getInfo__TyphoonsNotABot.json");
        double requests = value("mcp_requests_seconds_count", "method=\"tools/call\",outcome=\"ok\"");
        double misses = value("lastfm_cache_lookups_total", "data_class=\"user\",result=\"miss\"");
        double hits = value("lastfm_cache_lookups_total", "data_class=\"user\",result=\"hit\"");
        double upstream = value("lastfm_requests_total", "method=\"user.getInfo\",outcome=\"ok\"");
        double tool = value("mcp_tool_calls_total", "outcome=\"ok\",tool=\"get_user_info\"");

        ok("get_user_info", "{\"username\":\"TyphoonsNotABot\"}");
        ok("get_user_info", "{\"username\":\"TyphoonsNotABot\"}");

        awaitValue("mcp_tool_calls_total", "outcome=\"ok\",tool=\"get_user_info\"", tool + 2);
        assertThat(value("mcp_requests_seconds_count", "method=\"tools/call\",outcome=\"ok\""))
                .isGreaterThanOrEqualTo(requests + 2);
        assertThat(value("lastfm_cache_lookups_total", "data_class=\"user\",result=\"miss\"")).isEqualTo(misses + 1);
        assertThat(value("lastfm_cache_lookups_total", "data_class=\"user\",result=\"hit\"")).isEqualTo(hits + 1);
        assertThat(value("lastfm_requests_total", "method=\"user.getInfo\",outcome=\"ok\"")).isEqualTo(upstream + 1);
        assertThat(value("lastfm_quota_budget", "")).isEqualTo(5);
        assertThat(value("lastfm_throttle_wait_seconds_count", "")).isGreaterThanOrEqualTo(1);
        assertThat(value("upstream_breaker_state", "state=\"closed\",upstream=\"lastfm\"")).isEqualTo(1);
        assertThat(value("upstream_breaker_state", "state=\"open\",upstream=\"lastfm\"")).isEqualTo(0);
    }

    @Test
    void transientFailuresCountAttemptsAndRetries() throws Exception {
        lastfm(500, "artist.getTopTracks", "{\"error\":11,\"message\":\"Service Offline\"}");
        double retries = value("lastfm_retries_total", "method=\"artist.getTopTracks\"");
        double transients = value("lastfm_requests_total", "method=\"artist.getTopTracks\",outcome=\"transient\"");
        double isError = value("mcp_tool_calls_total", "outcome=\"isError\",tool=\"get_artist_top_tracks\"");

        call("get_artist_top_tracks", "{\"artist\":\"Cher\"}");

        awaitValue("mcp_tool_calls_total", "outcome=\"isError\",tool=\"get_artist_top_tracks\"", isError + 1);
        assertThat(value("lastfm_retries_total", "method=\"artist.getTopTracks\"")).isEqualTo(retries + 2);
        assertThat(value("lastfm_requests_total", "method=\"artist.getTopTracks\",outcome=\"transient\""))
                .isEqualTo(transients + 3);
    }

    @Test
    void unknownToolsResourceTemplatesAndRejectionsAreLabelledWithoutClientValues() throws Exception {
        lastfm("user.getInfo", "user.getInfo__TyphoonsNotABot.json");
        double unknown = value("mcp_tool_calls_total", "outcome=\"error\",tool=\"unknown\"");
        double reads = value("mcp_resource_reads_total",
                "outcome=\"ok\",template=\"lastfm://user/{username}/profile\"");
        double rejections = value("mcp_http_rejections_total", "status=\"415\"");

        mcp().callTool(session(), "no_such_tool_for_user_Ünïcode", "{}");
        mcp().request(session(), 9, "resources/read", "{\"uri\":\"lastfm://user/TyphoonsNotABot/profile\"}");
        mcp().send("POST", "/mcp", "{}", Map.of("Content-Type", "text/plain", "Accept",
                "application/json, text/event-stream"));

        awaitValue("mcp_http_rejections_total", "status=\"415\"", rejections + 1);
        awaitValue("mcp_tool_calls_total", "outcome=\"error\",tool=\"unknown\"", unknown + 1);
        awaitValue("mcp_resource_reads_total", "outcome=\"ok\",template=\"lastfm://user/{username}/profile\"",
                reads + 1);
        String text = scrape();
        assertThat(text).doesNotContain("no_such_tool").doesNotContain("TyphoonsNotABot")
                .doesNotContain(dev.lastfmmcp.support.WireMockUpstreams.API_KEY);
    }

    @Test
    void theReadmeMeterTableNamesEveryMeterAndItsLabels() throws Exception {
        // make the lazily created label sets exist
        lastfm("user.getInfo", "user.getInfo__TyphoonsNotABot.json");
        ok("get_user_info", "{\"username\":\"TyphoonsNotABot\"}");
        mcp().send("POST", "/mcp", "{}", Map.of("Content-Type", "text/plain"));
        lastfm(500, "artist.getTopTracks", "{\"error\":11,\"message\":\"Service Offline\"}");
        call("get_artist_top_tracks", "{\"artist\":\"Cher\"}");
        mcp().request(session(), 9, "resources/read", "{\"uri\":\"lastfm://user/TyphoonsNotABot/profile\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> scrape().contains("mcp_http_rejections_total")
                                                           && scrape().contains("mcp_resource_reads_total"));

        Map<String, Set<String>> registered = new TreeMap<>();
        Matcher m = SAMPLE.matcher(scrape());
        while (m.find()) {
            String name = m.group(1).replaceAll("_(bucket|count|sum|max)$", "");
            if (OURS.stream().noneMatch(name::startsWith)) {
                continue;
            }
            Set<String> labels = registered.computeIfAbsent(name, k -> new TreeSet<>());
            if (m.group(3) != null) {
                Matcher label = LABEL.matcher(m.group(3));
                while (label.find()) {
                    if (!label.group(1).equals("le")) {
                        labels.add(label.group(1));
                    }
                }
            }
        }
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("### Meters"));
        Map<String, Set<String>> documented = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\| ([^|]*) \\|").matcher(section);
        while (row.find()) {
            Set<String> labels = new TreeSet<>();
            Matcher label = Pattern.compile("`([a-z_]+)`").matcher(row.group(2));
            while (label.find()) {
                labels.add(label.group(1));
            }
            documented.put(row.group(1), labels);
        }
        assertThat(documented).as("README meter table (name -> labels)").isEqualTo(registered);
    }
}
