package dev.lastfmmcp.unit;

import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shade plugin writes the fat jar to its own file, so a second {@code mvn package} without {@code clean} never
 * takes the previous fat jar as its input (that printed about 1,400 "overlapping classes" warnings); the antrun step
 * after it stores that jar's entries uncompressed as {@code target/lastfm-mcp.jar}, the jar the README, the scripts,
 * the Dockerfile and the conformance run use.
 */
class BuildConfigurationTest {

    @Test
    void theFatJarIsNeverTheShadePluginsInput() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        String shadeOutput = xpath.evaluate("/project/build/plugins/plugin[artifactId='maven-shade-plugin']"
                + "/executions/execution/configuration/outputFile", pom);
        String finalName = xpath.evaluate("/project/build/finalName", pom);
        String conformanceJar = xpath.evaluate("/project/build/plugins/plugin[artifactId='exec-maven-plugin']"
                + "/executions/execution[id='mcp-conformance']/configuration/arguments/argument[2]", pom);
        String stored = "/project/build/plugins/plugin[artifactId='maven-antrun-plugin']/executions/execution"
                + "[id='stored-jar']";

        assertThat(shadeOutput).as("shade outputFile").isEqualTo("${project.build.directory}/lastfm-mcp-shaded.jar");
        // the plain jar (the shade plugin's input) has another name than the fat jar
        assertThat("${project.build.directory}/" + finalName + ".jar").isNotEqualTo(shadeOutput);
        assertThat(finalName).isNotBlank().isNotEqualTo("lastfm-mcp").isNotEqualTo("lastfm-mcp-shaded");
        // the runnable jar: the shaded one's entries, stored, written after it in the same phase
        assertThat(xpath.evaluate(stored + "/phase", pom)).isEqualTo("package");
        assertThat(xpath.evaluate(stored + "/configuration/target/zip/@destfile", pom)).isEqualTo(runnableJar(pom));
        assertThat(xpath.evaluate(stored + "/configuration/target/zip/@compress", pom)).isEqualTo("false");
        assertThat(xpath.evaluate(stored + "/configuration/target/zip/zipfileset[2]/@src", pom)).isEqualTo(shadeOutput);
        assertThat(xpath.evaluate("count(/project/build/plugins/plugin[artifactId='maven-antrun-plugin']"
                + "/following-sibling::plugin[artifactId='maven-shade-plugin'])", pom)).isEqualTo("0");
        assertThat(conformanceJar).isEqualTo(runnableJar(pom));
    }

    /**
     * {@code mvn verify} runs scripts/cluster-failover.sh on the fat jar, with the WireMock standalone jar the tests
     * use (the test dependency's version, from the local repository), before the conformance suite.
     */
    @Test
    void theFailoverScriptRunsOnTheFatJarWithTheTestsWireMockBeforeTheConformanceSuite() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        String executions = "/project/build/plugins/plugin[artifactId='exec-maven-plugin']/executions/";
        String failover = executions + "execution[id='cluster-failover']";
        assertThat(xpath.evaluate(failover + "/phase", pom)).isEqualTo("integration-test");
        assertThat(xpath.evaluate(failover + "/configuration/arguments/argument[1]", pom))
                .endsWith("/scripts/cluster-failover.sh");
        assertThat(xpath.evaluate(failover + "/configuration/arguments/argument[2]", pom)).isEqualTo(runnableJar(pom));
        assertThat(xpath.evaluate(failover + "/configuration/arguments/argument[3]", pom))
                .isEqualTo("${settings.localRepository}/org/wiremock/wiremock-standalone/${wiremock.version}"
                           + "/wiremock-standalone-${wiremock.version}.jar");
        assertThat(xpath.evaluate("/project/dependencies/dependency[artifactId='wiremock-standalone']/version", pom))
                .isEqualTo("${wiremock.version}");
        assertThat(xpath.evaluate("count(" + failover + "/preceding-sibling::execution[id='mcp-conformance'])",
                pom)).isEqualTo("0");
        // the Hot Rod test server's class path is written before the tests run, unless they are skipped
        String hotrod = executions + "execution[id='hotrod-test-server']";
        assertThat(xpath.evaluate(hotrod + "/phase", pom)).isEqualTo("generate-test-resources");
        assertThat(xpath.evaluate(hotrod + "/configuration/skip", pom)).isEqualTo("${skipTests}");
        assertThat(xpath.evaluate(hotrod + "/configuration/arguments", pom))
                .contains("src/test/hotrod-server/pom.xml").contains("hotrod-server.classpath");
        assertThat(Path.of("scripts/cluster-failover.sh")).exists().isExecutable();
    }

    private static String runnableJar(Document pom) throws Exception {
        String jar = XPathFactory.newInstance().newXPath().evaluate("/project/build/plugins/plugin"
                + "[artifactId='maven-antrun-plugin']/executions/execution[id='stored-jar']/configuration/target/zip"
                + "/@destfile", pom);
        assertThat(jar).isEqualTo("${project.build.directory}/lastfm-mcp.jar");
        return jar;
    }
}
