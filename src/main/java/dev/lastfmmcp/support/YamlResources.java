package dev.lastfmmcp.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads the YAML catalogue files (tools, resources, prompts) from the classpath as JSON trees. */
public final class YamlResources {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlResources() {
    }

    public static JsonNode read(String resource) {
        try (InputStream in = YamlResources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            JsonNode node = YAML.readTree(in);
            return node == null ? YAML.createArrayNode() : node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
