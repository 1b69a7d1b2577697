package dev.lastfmmcp.lastfm;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.lastfmmcp.support.Fixtures;
import dev.lastfmmcp.tools.SchemaDefinitions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared output-schema definitions (mcp/tools/schemas.yaml) describe the normalised records: every recorded
 * fixture's record validates against the definition of the same name.
 */
class ModelSchemasTest {

    private final LastfmNormalizer normalizer = new LastfmNormalizer();
    private final SchemaDefinitions definitions = SchemaDefinitions.load();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static List<String> readFixtures() throws Exception {
        return AllFixturesNormaliseTest.readFixtures().stream()
                .filter(name -> !name.startsWith("auth.") && !name.startsWith("artist.getCorrection"))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readFixtures")
    void recordMatchesItsSchemaDefinition(String file) {
        Object record = normalizer.normalize(file.substring(0, file.indexOf("__")), Fixtures.lastfmJson(file));
        String name = record.getClass().getSimpleName();
        assertThat(definitions.names()).as("a definition for %s", name).contains(name);
        ObjectNode schema = Fixtures.json("{\"$ref\":\"#/$defs/" + name + "\"}").deepCopy();
        Schema compiled = registry.getSchema(definitions.inline(schema));
        List<Error> errors = compiled.validate(Fixtures.json(Fixtures.write(record)));
        assertThat(errors).as("%s as %s", file, name).isEmpty();
    }
}
