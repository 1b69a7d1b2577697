package dev.lastfmmcp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.lastfm.DataClass;
import dev.lastfmmcp.lastfm.LastfmCaches;
import dev.lastfmmcp.lastfm.LastfmCalls;
import dev.lastfmmcp.lastfm.LastfmErrors;
import dev.lastfmmcp.lastfm.LastfmNormalizer;
import dev.lastfmmcp.lastfm.LastfmRequest;
import dev.lastfmmcp.lastfm.LastfmResult;
import dev.lastfmmcp.lastfm.SingleFlight;
import dev.lastfmmcp.mcp.McpHttp;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.support.ResultMemo;
import dev.lastfmmcp.support.WireMockUpstreams;
import dev.lastfmmcp.tools.ToolArguments;
import dev.lastfmmcp.tools.ToolCatalogue;
import dev.lastfmmcp.tools.ToolDefinition;
import dev.lastfmmcp.tools.artists.ArtistTools;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The per-request budget of a cached {@code tools/call get_artist_info} (the call {@code sidebyside.sh} loads), piece
 * by piece and whole, in microseconds per operation (JMH, average time, one fork, -Xmx256m): reading the JSON-RPC
 * request, the correlation id, validating the arguments against the tool's input schema, rendering the result (Markdown
 * and structuredContent) from the cached Last.fm answer, writing the reply, and the whole request through the routes
 * ({@code direct:mcp-exchange}: session check, rate limit, dispatch, cache, audit wire-tap, metrics) minus only the
 * HTTP server. {@link #main} runs it and appends the table to {@code target/benchmark-report.txt}
 * ({@code scripts/benchmark.sh}); it is not a test.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class HotPathBenchmark {

    static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                               + "\"get_artist_info\",\"arguments\":{\"artist\":\"The Weeknd\"}}}";

    /** The pieces, without Camel: the beans the routes call, built as the application builds them. */
    @State(Scope.Benchmark)
    public static class Pieces {
        ObjectMapper mapper;
        JsonRpcCodec codec;
        ToolArguments arguments;
        ToolDefinition tool;
        JsonNode givenArguments;
        Map<String, Object> validArguments;
        ArtistTools artistTools;
        LastfmResult cached;
        McpSchema.CallToolResult result;
        JsonNode id;
        /** A codec that kept the result's JSON (a repeated call of a memoized result method). */
        JsonRpcCodec remembering;
        ResultMemo memo;
        java.lang.reflect.Method info;
        LastfmCalls lastfmCalls;
        LastfmRequest artistRequest;

        @Setup
        public void setUp() {
            mapper = AppConfiguration.objectMapper();
            codec = new JsonRpcCodec(mapper);
            arguments = new ToolArguments(mapper);
            tool = ToolCatalogue.load(mapper, 50, List.of()).get("get_artist_info");
            givenArguments = codec.parse(CALL).path("params").path("arguments");
            validArguments = arguments.check(tool, givenArguments);
            artistTools = new ArtistTools();
            cached = LastfmResult.fresh(new LastfmNormalizer().normalize("artist.getInfo",
                    Fixtures.lastfmJson("artist.getInfo__the-weeknd.json")));
            result = artistTools.info(validArguments, cached, null);
            id = codec.parse(CALL).get("id");
            remembering = new JsonRpcCodec(mapper);
            remembering.remember(result);
            memo = new ResultMemo(500, java.time.Duration.ofMinutes(10), remembering::remember);
            LastfmCaches caches = new LastfmCaches(Map.of(DataClass.RECENT, Duration.ofMinutes(5)),
                    Duration.ofMinutes(5), Duration.ofHours(24), 100);
            lastfmCalls = new LastfmCalls("feedfacecafebeef0123456789abcdef", "5ec7e75ec7e75ec7e75ec7e75ec7e700",
                    new LastfmErrors(mapper, Clock.systemUTC()), caches, Clock.systemUTC(),
                    new LastfmCalls.RetrySettings(2, Duration.ofMillis(100), Duration.ofSeconds(2),
                            Duration.ofSeconds(5), Duration.ofSeconds(10)), new SingleFlight(Duration.ofSeconds(5)));
            artistRequest = artistTools.infoRequest(validArguments);
            try {
                info = ArtistTools.class.getMethod("info", Map.class, LastfmResult.class,
                        dev.lastfmmcp.musicbrainz.Enrichment.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The application in this JVM against a WireMock Last.fm, a session open and the artist cached. */
    @State(Scope.Benchmark)
    public static class App {
        WireMockServer lastfm;
        Main main;
        ProducerTemplate template;
        String session;
        Path data;

        @Setup(Level.Trial)
        public void start() throws Exception {
            lastfm = WireMockUpstreams.start();
            lastfm.stubFor(any(urlPathEqualTo("/2.0/")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.lastfm("artist.getInfo__the-weeknd.json"))));
            data = Files.createTempDirectory("hotpath");
            main = new Main();
            main.configure().addConfiguration(AppConfiguration.class);
            WireMockUpstreams.properties(lastfm, null).forEach(main::addOverrideProperty);
            main.addOverrideProperty("camel.server.port", "0");
            main.addOverrideProperty("mcp.management.enabled", "false");
            main.addOverrideProperty("musicbrainz.enabled", "false");
            main.addOverrideProperty("mcp.data-dir", data.toString());
            main.addOverrideProperty("mcp.rate-limit.per-minute", "1000000000");
            main.addOverrideProperty("mcp.rate-limit.per-hour", "1000000000");
            Thread runner = new Thread(() -> {
                try {
                    main.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "camel-main");
            runner.setDaemon(true);
            runner.start();
            org.awaitility.Awaitility.await("the application's start").atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> main.getCamelContext() != null && main.getCamelContext().isStarted());
            CamelContext context = main.getCamelContext();
            template = context.createProducerTemplate();
            Exchange initialize = post(null, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
                    + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"jmh\","
                    + "\"version\":\"1\"}}}");
            session = initialize.getMessage().getHeader("Mcp-Session-Id", String.class);
            if (session == null) {
                throw new IllegalStateException("no session: " + text(initialize));
            }
            post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            String first = text(post(session, CALL));
            if (!first.contains("\"result\"") || first.contains("\"isError\":true")) {
                throw new IllegalStateException("the cached call is not a result: " + first);
            }
        }

        Exchange post(String sessionId, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            Exchange exchange = template.send("direct:mcp-exchange", e -> {
                Message m = e.getMessage();
                m.setHeader(Exchange.HTTP_METHOD, "POST");
                m.setHeader(Exchange.HTTP_PATH, "/mcp");
                m.setHeader(Exchange.HTTP_URI, "/mcp");
                m.setHeader("Host", "127.0.0.1:8080");
                m.setHeader("Content-Type", "application/json");
                m.setHeader("Accept", "application/json, text/event-stream");
                m.setHeader("Content-Length", String.valueOf(bytes.length));
                m.setHeader("MCP-Protocol-Version", "2025-06-18");
                if (sessionId != null) {
                    m.setHeader("Mcp-Session-Id", sessionId);
                }
                m.setBody(bytes);
            });
            if (exchange.getException() != null) {
                throw new IllegalStateException(exchange.getException());
            }
            return exchange;
        }

        static String text(Exchange exchange) {
            Object body = exchange.getMessage().getBody();
            if (body instanceof io.vertx.core.buffer.Buffer buffer) {
                return buffer.toString(StandardCharsets.UTF_8);
            }
            byte[] bytes = exchange.getMessage().getBody(byte[].class);
            return bytes == null ? String.valueOf(body) : new String(bytes, StandardCharsets.UTF_8);
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            main.stop();
            lastfm.stop();
        }
    }

    @Benchmark
    public Object readRequest(Pieces p) {
        return p.codec.classify(p.codec.parse(CALL));
    }

    @Benchmark
    public String correlationId() {
        return McpHttp.correlationId(null);
    }

    @Benchmark
    public Object validateArguments(Pieces p) {
        return p.arguments.check(p.tool, p.givenArguments);
    }

    @Benchmark
    public Object renderResult(Pieces p) {
        return p.artistTools.info(p.validArguments, p.cached, null);
    }

    @Benchmark
    public byte[] writeReply(Pieces p) {
        return p.codec.writeBytes(p.codec.result(p.id, p.result));
    }

    /** The Last.fm call's preparation (configuration checks, cache key) that every call makes, cached or not. */
    @Benchmark
    public Object prepareLastfmCall(Pieces p) {
        return p.lastfmCalls.prepare(p.artistRequest, null, null);
    }

    /** The result of a repeated call: its key (arguments and cached answer) and the lookup. */
    @Benchmark
    public Object memoizedResult(Pieces p) throws Exception {
        Object[] args = {p.validArguments, LastfmResult.fresh(p.cached.data()), null};
        return p.memo.get(p.memo.key(p.info, args), () -> p.artistTools.info(p.validArguments, p.cached, null));
    }

    /** The reply of a repeated call: the result's JSON was kept, and is copied into the response. */
    @Benchmark
    public byte[] writeRememberedReply(Pieces p) {
        return p.remembering.writeBytes(p.remembering.result(p.id, p.result));
    }

    @Benchmark
    @Warmup(iterations = 15, time = 2) // the JIT takes about 30 s to settle on the whole route path
    public Object wholeCachedCall(App app) {
        return app.post(app.session, CALL).getMessage().getBody();
    }

    @Benchmark
    @Warmup(iterations = 15, time = 2) // the JIT takes about 30 s to settle on the whole route path
    public Object wholePing(App app) {
        return app.post(app.session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}").getMessage().getBody();
    }

    @Benchmark
    @Warmup(iterations = 15, time = 2) // the JIT takes about 30 s to settle on the whole route path
    public Object wholeToolsList(App app) {
        return app.post(app.session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}").getMessage()
                .getBody();
    }

    /** Runs the benchmarks and appends their table to target/benchmark-report.txt. */
    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(HotPathBenchmark.class.getName() + "\\." + (args.length > 0 ? args[0] : ".*"))
                .shouldFailOnError(true).build()).run();
        List<String> lines = new ArrayList<>();
        lines.add("Hot path of a cached tools/call get_artist_info (JMH " + "1.37, " + Runtime.version() + ", "
                  + Runtime.getRuntime().availableProcessors() + " cores; us per operation, one thread)");
        lines.add(String.format(Locale.ROOT, "  %-22s %10s %10s", "piece", "us/op", "+/-"));
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            lines.add(String.format(Locale.ROOT, "  %-22s %10.2f %10.2f", name, result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreError()));
        }
        lines.forEach(System.out::println);
        Path report = Path.of("target", "benchmark-report.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
