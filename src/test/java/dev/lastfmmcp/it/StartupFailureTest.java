package dev.lastfmmcp.it;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A taken port ends the process with a clear message and a non-zero exit code, instead of running without HTTP. */
class StartupFailureTest {

    @Test
    void portInUseExitsNonZeroWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            File log = File.createTempFile("port-in-use", ".log");
            log.deleteOnExit();
            Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "-Dcamel.server.port=" + port, "dev.lastfmmcp.Application"))
                    .redirectErrorStream(true)
                    .redirectOutput(log)
                    .start();
            boolean exited = process.waitFor(90, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            assertThat(exited).as("the process exits by itself").isTrue();
            assertThat(process.exitValue()).isNotZero();
            assertThat(output).contains("Cannot listen on 127.0.0.1:" + port).contains("set PORT to a free port")
                    .doesNotContain("\tat org.apache.camel");
        }
    }
}
