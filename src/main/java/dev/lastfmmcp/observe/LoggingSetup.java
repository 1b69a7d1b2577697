package dev.lastfmmcp.observe;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * The server's logging, set up in code (found by logback through {@code META-INF/services}): parsing an XML
 * configuration took about a tenth of the main thread's start-up. {@code LOG_LEVEL} sets the root level (default
 * {@code INFO}); {@code LOG_FORMAT=json} writes one JSON object per line (logstash encoder: {@code @timestamp},
 * {@code level}, {@code logger_name}, {@code thread_name}, {@code message}, {@code stack_trace}, and the
 * {@link LogContext} keys as fields), {@code text} (default) the {@link #TEXT_PATTERN}. Each is read as logback reads a
 * variable: the logger context's property, then a system property, then the environment.
 *
 * <p>A file named by {@code -Dlogback.configurationFile} replaces all of this (logback's own configurators then read
 * it). {@link #QUIET} loggers never go below their level, whatever {@code LOG_LEVEL} says.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public class LoggingSetup extends ContextAwareBase implements Configurator {

    /**
     * An exchange's line: {@code [cid=… route=… mcp=… tool=… session=… user=…]} ({@link LogContextConverter}); the
     * message's control characters become a space, so a client-supplied string cannot start a forged line.
     */
    public static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{0}%exchange - "
                                              + "%replace(%msg){'[\\p{Cntrl}\\u2028\\u2029]+', ' '}%n%ex";

    /**
     * Loggers kept at a level whatever {@code LOG_LEVEL} says. At DEBUG the first three print secrets (the property
     * parser every resolved value, the shared secret and the admin token among them; the HTTP client and producer
     * every request line, with api_key, sk and api_sig): WholeRunLogsTest runs the server at DEBUG and greps its
     * output for every secret. The others are start-up noise: Camel's scrape-endpoint note (ours is the management
     * server), Infinispan's note that it has no Micrometer registry, "Autowired property: cacheContainer", and
     * Camel's endpoint summary (it says 0.0.0.0 and leaves out GET /mcp and /sse; StartupReport's ready line says
     * where the server listens and what it serves).
     */
    public static final Map<String, Level> QUIET = Map.ofEntries(
            Map.entry("org.apache.camel.component.properties", Level.WARN),
            Map.entry("org.apache.hc.client5", Level.WARN),
            Map.entry("org.apache.camel.component.http.HttpProducer", Level.WARN),
            Map.entry("org.infinispan", Level.WARN),
            Map.entry("org.jgroups", Level.WARN),
            Map.entry("io.netty", Level.WARN),
            Map.entry("io.vertx", Level.WARN),
            Map.entry("org.apache.camel.component.micrometer.prometheus.MicrometerPrometheus", Level.WARN),
            Map.entry("org.infinispan.metrics.impl.MetricsComponentFactory", Level.ERROR),
            Map.entry("org.apache.camel.support.LifecycleStrategySupport", Level.WARN),
            Map.entry("org.apache.camel.component.platform.http.main.MainHttpServerUtil", Level.WARN));

    /** The formats of {@code LOG_FORMAT}. */
    public static final List<String> FORMATS = List.of("text", "json");

    @Override
    public ExecutionStatus configure(LoggerContext logging) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        setUp(logging);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets up the console appender and the levels on this logger context. */
    public static void setUp(LoggerContext logging) {
        logging.getStatusManager().add(new NopStatusListener());
        String given = variable(logging, "LOG_FORMAT", "text").toLowerCase(Locale.ROOT);
        String format = FORMATS.contains(given) ? given : "text";
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(logging);
        console.setName(format);
        console.setEncoder("json".equals(format) ? json(logging) : text(logging));
        console.start();
        Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
        String level = variable(logging, "LOG_LEVEL", "INFO");
        Level rootLevel = Level.toLevel(level, null);
        root.setLevel(rootLevel == null ? Level.INFO : rootLevel);
        root.addAppender(console);
        QUIET.forEach((name, quiet) -> logging.getLogger(name).setLevel(quiet));
        if (!format.equals(given)) {
            logging.getLogger(LoggingSetup.class).warn("LOG_FORMAT must be one of {}; writing text", FORMATS);
        }
        if (rootLevel == null) {
            logging.getLogger(LoggingSetup.class).warn("LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF;"
                                                       + " logging at INFO");
        }
    }

    private static Encoder<ILoggingEvent> text(LoggerContext logging) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(logging);
        layout.getInstanceConverterMap().put("exchange", LogContextConverter::new);
        layout.setPattern(TEXT_PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(logging);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> json(LoggerContext logging) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(logging);
        encoder.setIncludeCallerData(false);
        encoder.start();
        return encoder;
    }

    private static String variable(LoggerContext logging, String name, String otherwise) {
        String value = logging.getProperty(name);
        if (value == null) {
            value = System.getProperty(name);
        }
        if (value == null) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? otherwise : value.trim();
    }
}
