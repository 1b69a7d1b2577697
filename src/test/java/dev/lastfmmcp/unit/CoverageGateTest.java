package dev.lastfmmcp.unit;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mvn verify} measures coverage and gates on it: the JaCoCo agent is prepared for the tests, the report is
 * written in verify, and the check holds the whole bundle to 90 % of lines and 80 % of branches; the README states
 * the gate and the measured figures.
 */
class CoverageGateTest {

    private static final String JACOCO = "/project/build/plugins/plugin[artifactId='jacoco-maven-plugin']";

    @Test
    void verifyReportsAndGatesCoverage() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        assertThat(xpath.evaluate(JACOCO + "/version", pom)).isEqualTo("${jacoco.version}");
        assertThat(xpath.evaluate("/project/properties/jacoco.version", pom)).isEqualTo("0.8.15");
        assertThat(xpath.evaluate(JACOCO + "/executions/execution[goals/goal='prepare-agent']/id", pom)).isNotBlank();
        assertThat(xpath.evaluate(JACOCO + "/executions/execution[goals/goal='report']/phase", pom)).isEqualTo("verify");
        String check = JACOCO + "/executions/execution[goals/goal='check']";
        assertThat(xpath.evaluate(check + "/phase", pom)).isEqualTo("verify");
        assertThat(xpath.evaluate(check + "/configuration/rules/rule/element", pom)).isEqualTo("BUNDLE");
        NodeList limits = (NodeList) xpath.evaluate(check + "/configuration/rules/rule/limits/limit", pom,
                XPathConstants.NODESET);
        assertThat(limits.getLength()).isEqualTo(2);
        assertThat(xpath.evaluate(check + "//limit[counter='LINE']/value", pom)).isEqualTo("COVEREDRATIO");
        assertThat(xpath.evaluate(check + "//limit[counter='LINE']/minimum", pom)).isEqualTo("0.90");
        assertThat(xpath.evaluate(check + "//limit[counter='BRANCH']/value", pom)).isEqualTo("COVEREDRATIO");
        assertThat(xpath.evaluate(check + "//limit[counter='BRANCH']/minimum", pom)).isEqualTo("0.80");
        // surefire takes the agent from the argLine property prepare-agent sets; an explicit argLine would drop it
        assertThat(xpath.evaluate("/project/build/plugins/plugin[artifactId='maven-surefire-plugin']"
                + "/configuration/argLine", pom)).isIn("", "@{argLine}");
    }

    @Test
    void theReadmeStatesTheGateAndTheFigures() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("target/site/jacoco/index.html", "90 % of lines", "80 % of branches",
                "-Djacoco.skip=true");
        assertThat(readme).containsPattern("\\*\\*9\\d\\.\\d % of lines\\*\\*")
                .containsPattern("\\*\\*8\\d\\.\\d % of branches\\*\\*");
    }
}
