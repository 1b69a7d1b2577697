package dev.lastfmmcp.it;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import dev.lastfmmcp.support.AppProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A taken port ends the process with a clear message and a non-zero exit code, instead of running without HTTP. */
class StartupFailureTest {

    @Test
    void portInUseExitsNonZeroWithOneClearErrorLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            try (AppProcess app = AppProcess.start(Map.of("PORT", Integer.toString(port),
                    "LASTFM_API_KEY", "0123456789abcdef0123456789abcdef"), Map.of())) {
                int exit = app.awaitExit();
                String output = app.output();
                assertThat(exit).as("the process exits by itself, non-zero").isPositive();
                List<String> errors = output.lines().filter(line -> line.contains(" ERROR ")).toList();
                assertThat(errors).hasSize(1);
                assertThat(errors.get(0)).contains("Cannot listen on 127.0.0.1:" + port)
                        .contains("set PORT (camel.server.port) to a free port");
                assertThat(output).doesNotContain("\tat ").doesNotContain("SIGTERM").doesNotContain("WARN");
            }
        }
    }
}
