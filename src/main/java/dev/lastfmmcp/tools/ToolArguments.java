package dev.lastfmmcp.tools;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.lastfmmcp.mcp.McpCall;
import org.apache.camel.Variable;

/**
 * Checks tools/call arguments against the tool's {@code inputSchema} (JSON Schema 2020-12, networknt). Before
 * validation, strings that clients send for numbers or booleans ("10", "true") are coerced where the schema asks for
 * a number, an integer or a boolean, and schema defaults fill in missing optional arguments. Failures become
 * {@code isError} results, so a model can correct itself.
 */
public class ToolArguments {

    private final ObjectMapper mapper;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public ToolArguments(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The validated arguments (variable {@code args}), with coercions and defaults applied. */
    public Map<String, Object> validate(@Variable("tool") ToolDefinition tool, @Variable("call") McpCall call) {
        return check(tool, call.getParams() == null ? null : call.getParams().get("arguments"));
    }

    /**
     * {@code given} (a JSON object, or null for none) checked against the tool's input schema, with coercions and
     * defaults applied; -> {@link InvalidArgumentsException} naming each problem.
     */
    public Map<String, Object> check(ToolDefinition tool, JsonNode given) {
        if (given != null && !given.isNull() && !given.isObject()) {
            throw new InvalidArgumentsException(tool.name(), List.of("arguments must be a JSON object"));
        }
        ObjectNode arguments = given instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
        coerce(tool.inputSchema(), arguments);
        List<Error> errors = schema(tool).validate(arguments);
        if (!errors.isEmpty()) {
            throw new InvalidArgumentsException(tool.name(),
                    errors.stream().map(ToolArguments::describe).distinct().toList());
        }
        applyDefaults(tool.inputSchema(), arguments);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = mapper.convertValue(arguments, LinkedHashMap.class);
        return result;
    }

    private Schema schema(ToolDefinition tool) {
        return schemas.computeIfAbsent(tool.name(), name -> registry.getSchema(tool.inputSchema()));
    }

    /**
     * "limit: must have a maximum value of 50" rather than "/limit: ..." or "$.limit: ..."; a name that is empty
     * after trimming is "artist: must not be blank".
     */
    static String describe(Error error) {
        String message = error.getMessage();
        String path = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        JsonNode value = error.getInstanceNode();
        if ("minLength".equals(error.getKeyword()) && value != null && value.isTextual()
            && value.textValue().isBlank()) {
            message = "must not be blank";
        }
        if (!path.isEmpty() && message.startsWith(path + ": ")) {
            message = message.substring(path.length() + 2);
        } else if (message.startsWith("$: ") || message.startsWith(": ")) {
            message = message.substring(message.indexOf(": ") + 2);
        }
        String field = path.replaceFirst("^\\$", "").replaceFirst("^[./]", "").replace('/', '.');
        return field.isEmpty() ? message : field + ": " + message;
    }

    /**
     * Turns numeric and boolean strings into numbers and booleans where the schema's type says so, and trims the
     * strings of properties with a {@code minLength} (names), so that the schema refuses a blank one.
     */
    static void coerce(JsonNode schema, ObjectNode arguments) {
        JsonNode properties = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = arguments.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode property = properties.path(field.getKey());
            JsonNode value = field.getValue();
            if (!value.isTextual()) {
                continue;
            }
            String text = value.textValue().trim();
            if (allows(property, "string") && property.has("minLength")) {
                if (!text.equals(value.textValue())) {
                    field.setValue(JsonNodeFactory.instance.textNode(text));
                }
            } else if (allows(property, "integer") && !allows(property, "string")) {
                try {
                    BigDecimal number = new BigDecimal(text);
                    if (number.stripTrailingZeros().scale() <= 0) {
                        java.math.BigInteger integer = number.toBigIntegerExact();
                        field.setValue(integer.bitLength() < 32
                                ? JsonNodeFactory.instance.numberNode(integer.intValue())
                                : integer.bitLength() < 64 ? JsonNodeFactory.instance.numberNode(integer.longValue())
                                : JsonNodeFactory.instance.numberNode(integer));
                    }
                } catch (NumberFormatException | ArithmeticException e) {
                    // left as it is: validation reports the wrong type
                }
            } else if (allows(property, "number") && !allows(property, "string")) {
                try {
                    field.setValue(JsonNodeFactory.instance.numberNode(new BigDecimal(text)));
                } catch (NumberFormatException e) {
                    // left as it is
                }
            } else if (allows(property, "boolean") && !allows(property, "string")
                       && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
                field.setValue(JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text.toLowerCase())));
            }
        }
    }

    private static boolean allows(JsonNode property, String type) {
        JsonNode declared = property.get("type");
        if (declared == null) {
            return false;
        }
        if (declared.isArray()) {
            for (JsonNode t : declared) {
                if (t.asText().equals(type)) {
                    return true;
                }
            }
            return false;
        }
        return declared.asText().equals(type);
    }

    static void applyDefaults(JsonNode schema, ObjectNode arguments) {
        schema.path("properties").fields().forEachRemaining(property -> {
            JsonNode defaultValue = property.getValue().get("default");
            if (defaultValue != null && !arguments.has(property.getKey())) {
                arguments.set(property.getKey(), defaultValue.deepCopy());
            }
        });
    }
}
