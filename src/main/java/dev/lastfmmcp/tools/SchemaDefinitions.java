package dev.lastfmmcp.tools;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lastfmmcp.support.YamlResources;

/**
 * The shared schema definitions of {@code mcp/tools/schemas.yaml}. A tool schema refers to one as
 * {@code {"$ref": "#/$defs/Name"}}; {@link #inline} copies every definition the schema uses (and what those use) into
 * the schema's own {@code $defs}, so each tool's schema stands alone for clients.
 */
public class SchemaDefinitions {

    static final String RESOURCE = "mcp/tools/schemas.yaml";
    private static final String PREFIX = "#/$defs/";

    private final ObjectNode definitions;

    public SchemaDefinitions(ObjectNode definitions) {
        this.definitions = definitions;
    }

    public static SchemaDefinitions load() {
        return new SchemaDefinitions((ObjectNode) YamlResources.read(RESOURCE));
    }

    public JsonNode definition(String name) {
        return definitions.get(name);
    }

    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        definitions.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A copy of {@code schema} with the definitions it references added under {@code $defs}. */
    public ObjectNode inline(JsonNode schema) {
        ObjectNode copy = schema.deepCopy();
        Set<String> needed = new LinkedHashSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(copy);
        while (!pending.isEmpty()) {
            for (String name : references(pending.pop())) {
                if (needed.add(name)) {
                    JsonNode definition = definitions.get(name);
                    if (definition == null) {
                        throw new IllegalStateException("no shared schema definition " + name + " in " + RESOURCE);
                    }
                    pending.push(definition);
                }
            }
        }
        if (!needed.isEmpty()) {
            ObjectNode defs = copy.has("$defs") ? (ObjectNode) copy.get("$defs") : copy.putObject("$defs");
            for (String name : needed) {
                if (!defs.has(name)) {
                    defs.set(name, definitions.get(name).deepCopy());
                }
            }
        }
        return copy;
    }

    private static Set<String> references(JsonNode node) {
        Set<String> found = new LinkedHashSet<>();
        collect(node, found);
        return found;
    }

    private static void collect(JsonNode node, Set<String> found) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()
                    && field.getValue().textValue().startsWith(PREFIX)) {
                    found.add(field.getValue().textValue().substring(PREFIX.length()));
                } else if (!field.getKey().equals("$defs")) {
                    collect(field.getValue(), found);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, found));
        }
    }
}
