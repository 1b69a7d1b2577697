package dev.lastfmmcp.observe;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lastfmmcp.jsonrpc.JsonRpcCodec;
import dev.lastfmmcp.mcp.Caller;
import dev.lastfmmcp.mcp.McpCall;
import dev.lastfmmcp.mcp.McpRequest;
import dev.lastfmmcp.mcp.Session;
import dev.lastfmmcp.support.Fingerprint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/** The log context of an exchange (MDC keys per route entry) and the text format's rendering of it. */
class LogContextTest {

    private final JsonRpcCodec codec = new JsonRpcCodec(new ObjectMapper());
    private final LogContext context = new LogContext();

    @AfterEach
    void clearMdc() {
        context.leave(null);
        MDC.clear();
    }

    private McpCall call(String json) {
        return new McpCall(codec.classify(codec.parse(json)));
    }

    private static McpRequest signedInRequest() {
        McpRequest request = new McpRequest("req-1", System.nanoTime(), Instant.now(), "POST", "/mcp");
        request.bind(new Session("session-secret-1", "2025-11-25", "t", "1", Map.of(), Instant.now(), null, null),
                "2025-11-25");
        request.setCaller(Caller.lastfmUser("AliceListens"));
        return request;
    }

    @Test
    void aRouteEntrySetsTheExchangeKeysAndTheOutermostExitClearsThem() {
        McpRequest request = signedInRequest();
        McpCall call = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                            + "\"get_top_artists\"}}");
        call.setName("get_top_artists");
        String outer = context.enter("mcp-exchange", request, null, null);
        assertThat(outer).isNull();
        assertThat(MDC.get(LogContext.CORRELATION_ID)).isEqualTo("req-1");
        assertThat(MDC.get(LogContext.ROUTE_ID)).isEqualTo("mcp-exchange");
        assertThat(MDC.get(LogContext.SESSION_HASH)).isEqualTo(Fingerprint.of("session-secret-1"));
        assertThat(MDC.get(LogContext.USER_HASH)).isEqualTo(Fingerprint.of("AliceListens"));
        assertThat(MDC.get(LogContext.MCP_METHOD)).isNull();

        String inner = context.enter("tool-get_top_artists", request, call, null);
        assertThat(inner).isEqualTo("mcp-exchange");
        assertThat(MDC.get(LogContext.MCP_METHOD)).isEqualTo("tools/call");
        assertThat(MDC.get(LogContext.TOOL)).isEqualTo("get_top_artists");
        assertThat(MDC.get(LogContext.ROUTE_ID)).isEqualTo("tool-get_top_artists");

        // a tool that reads the caller's session later (initialize binds it mid-exchange) shows on the next entry
        request.bind(new Session("session-secret-2", "2025-11-25", "t", "1", Map.of(), Instant.now(), null, null),
                "2025-11-25");
        context.leave(context.enter("lastfm-call", request, call, null));
        assertThat(MDC.get(LogContext.SESSION_HASH)).isEqualTo(Fingerprint.of("session-secret-2"));
        context.leave(inner);
        assertThat(MDC.get(LogContext.ROUTE_ID)).isEqualTo("mcp-exchange");
        assertThat(MDC.get(LogContext.TOOL)).as("still this exchange's tool").isEqualTo("get_top_artists");
        context.leave(outer);
        for (String key : LogContext.KEYS) {
            assertThat(MDC.get(key)).as(key).isNull();
        }
    }

    /** mcp-dispatch sees the call before the catalogue resolves its tool: the name shows from the next entry on. */
    @Test
    void aToolNameResolvedAfterTheFirstEntryShowsOnTheNextOne() {
        McpRequest request = signedInRequest();
        McpCall call = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                            + "\"get_recent_tracks\"}}");
        String outer = context.enter("mcp-exchange", request, null, null);
        String dispatch = context.enter("mcp-dispatch", request, call, null);
        assertThat(MDC.get(LogContext.MCP_METHOD)).isEqualTo("tools/call");
        assertThat(MDC.get(LogContext.TOOL)).as("not resolved yet").isNull();
        call.setName("get_recent_tracks");
        String tool = context.enter("tool-get_recent_tracks", request, call, null);
        assertThat(MDC.get(LogContext.TOOL)).isEqualTo("get_recent_tracks");
        context.leave(tool);
        assertThat(MDC.get(LogContext.TOOL)).as("still this exchange's tool").isEqualTo("get_recent_tracks");
        context.leave(dispatch);
        // another message of the same exchange (a batch item): its own method, no tool
        context.leave(context.enter("mcp-dispatch", request, call("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":"
                + "\"tools/list\"}"), null));
        assertThat(MDC.get(LogContext.MCP_METHOD)).isEqualTo("tools/list");
        assertThat(MDC.get(LogContext.TOOL)).isNull();
        context.leave(outer);
    }

    @Test
    void anAnonymousRequestHasNoUserAndAWebExchangeTakesItsCorrelationHeader() {
        McpRequest anonymous = new McpRequest("req-2", System.nanoTime(), Instant.now(), "POST", "/mcp");
        context.enter("mcp-exchange", anonymous,
                call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"), null);
        assertThat(MDC.get(LogContext.USER_HASH)).isNull();
        assertThat(MDC.get(LogContext.SESSION_HASH)).isNull();
        assertThat(MDC.get(LogContext.MCP_METHOD)).isEqualTo("ping");
        assertThat(MDC.get(LogContext.TOOL)).as("only tools/call names a tool").isNull();
        context.leave(null);

        // a page of the sign-in or OAuth routes: no request context, the edge's correlation header (and nothing of
        // the exchange before it on this thread)
        context.enter("web-login", null, null, "web-7\nforged");
        assertThat(MDC.get(LogContext.CORRELATION_ID)).isEqualTo("web-7?forged");
        assertThat(MDC.get(LogContext.MCP_METHOD)).isNull();
        context.leave(null);
        context.enter("web-page", null, null, null);
        assertThat(MDC.get(LogContext.CORRELATION_ID)).isNull();
        context.leave(null);
    }

    @Test
    void fingerprintsAreMemoisedAndBounded() {
        String first = context.fingerprint("s-0");
        assertThat(context.fingerprint("s-0")).isSameAs(first);
        for (int i = 1; i <= 20_001; i++) {
            context.fingerprint("s-" + i);
        }
        assertThat(context.fingerprint("s-0")).isEqualTo(first);
        assertThat(context.fingerprint(null)).isNull();
    }

    @Test
    void clientValuesAreCutAndLoseControlCharacters() {
        assertThat(LogContext.clean(null)).isNull();
        assertThat(LogContext.clean("get_top_artists")).isEqualTo("get_top_artists");
        assertThat(LogContext.clean("a\r\nb\u2028c\u0000")).isEqualTo("a??b?c?");
        assertThat(LogContext.clean("x".repeat(100))).isEqualTo("x".repeat(64) + "…");
        assertThat(LogContext.clean("\n" + "y".repeat(100))).isEqualTo("?" + "y".repeat(63) + "…");
    }

    @Test
    void theTextFormatShowsTheContextAndNeverStartsALineFromClientText() throws Exception {
        String written = loggedWith(Map.of("LOG_FORMAT", "text"), logging -> {
            Logger logger = logging.getLogger("dev.lastfmmcp.test");
            logger.info("outside any exchange");
            context.enter("mcp-exchange", signedInRequest(), call("{\"jsonrpc\":\"2.0\",\"method\":"
                    + "\"notifications/x\\n12:00:00.000 ERROR [main] Forged - admin logged in\"}"), null);
            logger.warn("notification {}", MDC.get(LogContext.MCP_METHOD) + " and \n12:00:00.000 ERROR forged");
            context.leave(null);
        });
        String[] lines = written.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("INFO ").endsWith("] test - outside any exchange");
        assertThat(lines[1]).contains(" WARN ").contains("] test [cid=req-1 route=mcp-exchange mcp=notifications/x?12:00:00"
                                      + ".000 ERROR [main] Forged - admin logged … session="
                                      + Fingerprint.of("session-secret-1") + " user="
                                      + Fingerprint.of("AliceListens") + "] - notification ");
        assertThat(lines[1]).doesNotContain("AliceListens").doesNotContain("session-secret-1");
    }

    /** A LOG_FORMAT or LOG_LEVEL it does not know: text at INFO, and a line that says which values it takes. */
    @Test
    void unknownFormatOrLevelWritesTextAtInfoAndSaysSo() {
        String text = loggedWith(Map.of("LOG_FORMAT", "xml", "LOG_LEVEL", "LOUD"), logging -> {
            logging.getLogger("dev.lastfmmcp.test").debug("not shown");
            logging.getLogger("dev.lastfmmcp.test").info("shown");
            assertThat(logging.getLogger(Logger.ROOT_LOGGER_NAME).getLevel())
                    .isEqualTo(ch.qos.logback.classic.Level.INFO);
            assertThat(logging.getLogger("org.apache.hc.client5").getLevel())
                    .isEqualTo(ch.qos.logback.classic.Level.WARN);
        });
        assertThat(text).contains("WARN  [main] LoggingSetup - LOG_FORMAT must be one of [text, json]; writing text")
                .contains("LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF; logging at INFO")
                .contains("] test - shown").doesNotContain("not shown");
    }

    /**
     * What the server's logging set-up ({@link LoggingSetup}, with these logger-context properties) writes to the
     * console while {@code run} logs; {@code run} sees the set-up before the context stops.
     */
    private static String loggedWith(Map<String, String> properties, Consumer<LoggerContext> run) {
        LoggerContext logging = new LoggerContext();
        properties.forEach(logging::putProperty);
        logging.setMDCAdapter(MDC.getMDCAdapter());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            LoggingSetup.setUp(logging);
            run.accept(logging);
        } finally {
            System.setOut(original);
            logging.stop();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theConverterCleansWhatOthersPut() {
        LogContextConverter converter = new LogContextConverter();
        ch.qos.logback.classic.spi.LoggingEvent event = new ch.qos.logback.classic.spi.LoggingEvent();
        event.setMDCPropertyMap(Map.of("other", "x"));
        assertThat(converter.convert(event)).isEmpty();
        event = new ch.qos.logback.classic.spi.LoggingEvent();
        event.setMDCPropertyMap(Map.of(LogContext.ROUTE_ID, "r\n1"));
        assertThat(converter.convert(event)).isEqualTo(" [route=r?1]");
        event = new ch.qos.logback.classic.spi.LoggingEvent();
        event.setMDCPropertyMap(Map.of());
        assertThat(converter.convert(event)).isEmpty();
    }

    /**
     * The hook runs on every route entry: a nested entry and exit of the same exchange (nothing changed but the route)
     * allocates nothing; a whole exchange allocates only the MDC entries of its keys (logback's map nodes).
     */
    @Test
    void nestedEntriesAllocateNothingAndAWholeExchangeLittle() {
        McpRequest request = signedInRequest();
        McpCall call = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                            + "\"get_top_artists\"}}");
        call.setName("get_top_artists");
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        int rounds = 20_000;
        long nested = Long.MAX_VALUE;
        long exchanges = Long.MAX_VALUE;
        // the least of a few tries: the first ones also count the JIT's warm-up
        for (int attempt = 0; attempt < 5; attempt++) {
            String outer = context.enter("mcp-exchange", request, null, null);
            context.leave(context.enter("tool-get_top_artists", request, call, null));
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < rounds; i++) {
                context.leave(context.enter("lastfm-call", request, call, null));
            }
            nested = Math.min(nested, threads.getThreadAllocatedBytes(thread) - before);
            context.leave(outer);
            before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < rounds; i++) {
                String first = context.enter("mcp-exchange", request, null, null);
                context.leave(context.enter("tool-get_top_artists", request, call, null));
                context.leave(first);
            }
            exchanges = Math.min(exchanges, threads.getThreadAllocatedBytes(thread) - before);
        }
        System.out.printf("nested %d B per %d, exchanges %d B per %d%n", nested, rounds, exchanges, rounds);
        assertThat(nested).as("bytes allocated by %d nested entries", rounds).isLessThan(1_000);
        assertThat(exchanges / rounds).as("bytes allocated per exchange").isLessThan(400);
    }
}
