package dev.lastfmmcp;

import dev.lastfmmcp.config.AppConfiguration;
import dev.lastfmmcp.config.InfinispanStores;
import org.apache.camel.main.Main;

/** Starts the Last.fm MCP server: Camel Main with the YAML routes and the beans of {@link AppConfiguration}. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        InfinispanStores.prestart();
        Main main = new Main();
        main.configure().addConfiguration(AppConfiguration.class);
        int exitCode = main.run(args);
        System.exit(exitCode);
    }
}
