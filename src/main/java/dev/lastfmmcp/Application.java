package dev.lastfmmcp;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.config.InfinispanStores;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the Last.fm MCP server: Camel Main with the YAML routes and the beans of {@link AppConfiguration}. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        InfinispanStores.prestart();
        Main main = new Main();
        main.configure().addConfiguration(AppConfiguration.class);
        int exitCode;
        try {
            exitCode = main.run(args);
        } catch (Exception e) {
            // a clear line instead of a stack trace, then a non-zero exit (never a server without HTTP)
            Logger log = LoggerFactory.getLogger(Application.class);
            log.error("The server could not start: {}", rootMessage(e));
            log.debug("Start-up failure", e);
            exitCode = 1;
        }
        System.exit(exitCode);
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
