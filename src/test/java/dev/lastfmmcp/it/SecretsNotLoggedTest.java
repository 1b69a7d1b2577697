package dev.lastfmmcp.it;

import java.util.Map;
import java.util.UUID;

import dev.lastfmmcp.support.AppProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real start with known secret values in the environment (as operators pass them) and as a system property: none
 * of them may appear anywhere in what the server prints from start to stop (Camel Main's property summaries used to
 * print the shared secret at INFO).
 */
class SecretsNotLoggedTest {

    @Test
    void noSecretValueIsPrintedFromStartToStop() throws Exception {
        String apiKey = hex();
        String sharedSecret = "shared-" + UUID.randomUUID();
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        String encryptionKey = java.util.Base64.getEncoder().encodeToString(key);
        try (AppProcess app = AppProcess.start(
                Map.of("LASTFM_API_KEY", apiKey, "MCP_ENCRYPTION_KEY", encryptionKey, "PORT", "0"),
                Map.of("lastfm.shared-secret", sharedSecret))) {
            app.awaitLine(line -> line.contains("Last.fm MCP server ready at") || line.contains(" started in "));
            String output = app.stop();
            assertThat(output).as("the server started").containsPattern("(ready at|started in)");
            assertThat(output).doesNotContain(apiKey).doesNotContain(sharedSecret).doesNotContain(encryptionKey);
        }
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
