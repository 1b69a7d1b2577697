package dev.lastfmmcp.unit;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Docker image and the docs say what a deployment needs, and the URLs they print are the ones served. */
class DeploymentDocsTest {

    @Test
    void theImageHasAHealthCheckOnHealth() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*\\n?.*CMD .*GET /health");
        assertThat(dockerfile).contains("PUBLIC_BASE_URL").contains("MCP_ALLOWED_HOSTS");
    }

    @Test
    void theReadmeDockerSectionNamesWhatANonLocalhostDeploymentNeeds() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Docker");
        String docker = readme.substring(start, readme.indexOf("\n## ", start + 1));
        assertThat(docker).contains("PUBLIC_BASE_URL").contains("MCP_ALLOWED_HOSTS").contains("HEALTHCHECK");
    }

    /** The server binds IPv4 127.0.0.1 by default: localhost may resolve to ::1 first, where nothing listens. */
    @Test
    void snippetsUseTheAddressTheServerBinds() throws Exception {
        assertThat(Files.readString(Path.of("README.md"))).doesNotContain("http://localhost:8080");
        assertThat(Files.readString(Path.of("src/main/resources/web/index.html"))).doesNotContain("localhost");
    }
}
