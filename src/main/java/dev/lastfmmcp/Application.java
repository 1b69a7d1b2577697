package dev.lastfmmcp;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.config.InfinispanStores;
import dev.lastfmmcp.config.StartupReport;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the Last.fm MCP server: Camel Main with the YAML routes and the beans of {@link AppConfiguration}. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        avoidUnsafeWarnings();
        // logging first, on this thread: a logger asked for while logback initialises (the Infinispan start-up thread
        // below) makes SLF4J queue the calls and print "replayed" warnings
        Logger log = LoggerFactory.getLogger(Application.class);
        InfinispanStores.prestart();
        Main main = new Main();
        main.configure().addConfiguration(AppConfiguration.class);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                StartupReport report = started.getCamelContext().getRegistry()
                        .lookupByNameAndType(StartupReport.BEAN, StartupReport.class);
                if (report != null) {
                    report.ready(started.getCamelContext());
                }
            }
        });
        int exitCode;
        try {
            exitCode = main.run(args);
        } catch (Exception e) {
            // one clear line instead of a stack trace, then a non-zero exit (never a server without HTTP)
            log.error("The server could not start: {}", rootMessage(e));
            log.debug("Start-up failure", e);
            // the run is over: Camel's shutdown hook must not then report a "SIGTERM" no one sent
            main.completed();
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    /**
     * JDK 24 and later print a warning when {@code sun.misc.Unsafe}'s memory methods are first used; Netty (under
     * Vert.x) uses them unless told not to. Its {@code io.netty.noUnsafe} switch must be set before Netty loads, and
     * no jar manifest attribute can set {@code --sun-misc-unsafe-memory-access}. An explicit setting wins.
     */
    static void avoidUnsafeWarnings() {
        if (Runtime.version().feature() >= 24 && System.getProperty("io.netty.noUnsafe") == null) {
            System.setProperty("io.netty.noUnsafe", "true");
        }
    }

    static String rootMessage(Throwable error) {
        Throwable cause = error;
        String message = error.getMessage();
        while (cause != null) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
            cause = cause.getCause();
        }
        return message == null ? error.getClass().getSimpleName() : message;
    }
}
