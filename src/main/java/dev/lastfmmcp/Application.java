package dev.lastfmmcp;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.config.InfinispanStores;
import dev.lastfmmcp.config.RouteFiles;
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
        if (args.length == 2 && "--validate-routes".equals(args[0])) {
            // the scratch contexts that read each file would say they start and stop
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.camel"))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
            System.exit(RouteFiles.validate(java.nio.file.Path.of(args[1]), System.out));
        }
        avoidUnsafeWarnings();
        // logging first, on this thread: a logger asked for while logback initialises (the Infinispan start-up thread
        // below) makes SLF4J queue the calls and print "replayed" warnings
        Logger log = LoggerFactory.getLogger(Application.class);
        if (!routesFromDirectory(log)) {
            System.exit(1);
        }
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
     * {@code MCP_ROUTES_DIR} (or {@code -Dmcp.routes.dir}): its {@code *.camel.yaml} files join the shipped routes
     * (a file with a shipped file's name replaces it) through Camel Main's include pattern, set here before Camel
     * Main reads it. Every file is checked first; a problem (a reserved route id, a protected file, a file Camel
     * cannot read) stops the start with one line per problem.
     *
     * @return false when the server must not start
     */
    static boolean routesFromDirectory(Logger log) {
        String dir = System.getProperty("mcp.routes.dir", System.getenv().getOrDefault("MCP_ROUTES_DIR", ""));
        if (dir.isBlank()) {
            return true;
        }
        java.nio.file.Path path = java.nio.file.Path.of(dir);
        RouteFiles routeFiles = RouteFiles.shipped();
        java.util.List<java.nio.file.Path> files;
        try {
            files = RouteFiles.filesOf(path);
        } catch (java.io.IOException e) {
            log.error("The server could not start: MCP_ROUTES_DIR {} cannot be read ({})", dir, e.getMessage());
            return false;
        }
        java.util.List<RouteFiles.Problem> problems = new java.util.ArrayList<>();
        files.forEach(file -> problems.addAll(routeFiles.check(file)));
        if (!problems.isEmpty()) {
            problems.forEach(problem -> log.error("Route file refused: {}", problem));
            log.error("The server could not start: {} problem(s) in the route files of MCP_ROUTES_DIR {} (check "
                      + "them with java -jar lastfm-mcp.jar --validate-routes {})", problems.size(), dir, dir);
            return false;
        }
        System.setProperty("camel.main.routesIncludePattern", routeFiles.includePattern(files));
        if (!files.isEmpty()) {
            log.info("Route files from {}: {}", dir, String.join(", ", files.stream()
                    .map(file -> file.getFileName().toString()).toList()));
        }
        return true;
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
