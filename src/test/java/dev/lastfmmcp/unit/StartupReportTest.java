package dev.lastfmmcp.unit;

import dev.lastfmmcp.config.StartupReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartupReportTest {

    @Test
    void aMissingKeyIsReported() {
        assertThat(StartupReport.apiKeyProblem("")).get().asString().contains("LASTFM_API_KEY is not set");
        assertThat(StartupReport.apiKeyProblem(null)).get().asString().contains("LASTFM_API_KEY is not set");
        assertThat(StartupReport.apiKeyProblem("   ")).get().asString().contains("LASTFM_API_KEY is not set");
    }

    @Test
    void placeholdersAreNamedAsSuch() {
        for (String placeholder : new String[] {"...", "your-api-key", "YOUR_LASTFM_API_KEY", "<api key>", "changeme",
            "xxxxxxxx", "api-key", "${LASTFM_API_KEY}", "\u2026"}) {
            assertThat(StartupReport.apiKeyProblem(placeholder)).as(placeholder).get().asString()
                    .contains("looks like a placeholder").doesNotContain(placeholder);
        }
    }

    @Test
    void somethingThatIsNotAKeyShapeIsReportedWithoutRepeatingIt() {
        assertThat(StartupReport.apiKeyProblem("abc123notakey")).get().asString()
                .contains("does not look like a Last.fm API key").contains("has 13").doesNotContain("abc123notakey");
    }

    @Test
    void aRealLookingKeyIsFine() {
        assertThat(StartupReport.apiKeyProblem("0123456789abcdef0123456789ABCDEF")).isEmpty();
    }

    @Test
    void theReadyLineNamesTheBoundAddressAndWhatIsServed() {
        assertThat(StartupReport.readyLine("127.0.0.1", 8080)).isEqualTo("Last.fm MCP server ready at"
                + " http://127.0.0.1:8080/mcp (Streamable HTTP; legacy SSE at /sse, landing page at /, health at"
                + " /health, server card at /.well-known/mcp.json)");
        assertThat(StartupReport.readyLine("::1", 9000)).startsWith("Last.fm MCP server ready at http://[::1]:9000/mcp");
    }
}
