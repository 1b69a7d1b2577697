package dev.lastfmmcp.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Reads the "Next steps" of a tool result (the list {@code format.Markdown.nextSteps} renders after
 * {@code **Next steps**}: one {@code - `tool(name=value, ...)`} line per call, values being numbers, booleans or
 * string literals with {@code \"} and {@code \\} escaped, as {@code Markdown.quote} writes them) and checks every call:
 * the tool exists and its arguments pass the tool's {@code inputSchema} (JSON Schema 2020-12, networknt, without the
 * server's string-to-number coercion: a suggestion should be exact).
 */
public final class NextStepCalls {

    /** One parsed suggestion. */
    public record Call(String tool, ObjectNode arguments) {
    }

    private static final String HEADING = "**Next steps**";

    private final Map<String, JsonNode> inputSchemas;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new HashMap<>();

    /** @param inputSchemas tool name → its inputSchema, as tools/list gives them */
    public NextStepCalls(Map<String, JsonNode> inputSchemas) {
        this.inputSchemas = Map.copyOf(inputSchemas);
    }

    /** The problems of every next-step call in a tool result ({@code content[].text}); empty when all are valid. */
    public List<String> problems(JsonNode result) {
        List<String> problems = new ArrayList<>();
        for (JsonNode content : result.path("content")) {
            if (content.has("text")) {
                problems.addAll(problems(content.get("text").asText()));
            }
        }
        return problems;
    }

    /** The problems of every next-step call in a Markdown text. */
    public List<String> problems(String markdown) {
        List<String> problems = new ArrayList<>();
        for (String line : lines(markdown)) {
            Call call;
            try {
                call = parse(line);
            } catch (IllegalArgumentException e) {
                problems.add("`" + line + "`: " + e.getMessage());
                continue;
            }
            JsonNode inputSchema = inputSchemas.get(call.tool());
            if (inputSchema == null) {
                problems.add("`" + line + "`: no tool named " + call.tool());
                continue;
            }
            Schema schema = schemas.computeIfAbsent(call.tool(), name -> registry.getSchema(inputSchema));
            for (Error error : schema.validate(call.arguments())) {
                problems.add("`" + line + "`: " + error.getMessage());
            }
        }
        return problems;
    }

    /**
     * The calls listed under {@code **Next steps**} (the text between the backticks of each list item up to the
     * first line that is not one). A list item that is not a code span is returned as it is, so it fails to parse.
     */
    public static List<String> lines(String markdown) {
        List<String> calls = new ArrayList<>();
        boolean inList = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().equals(HEADING)) {
                inList = true;
            } else if (inList && line.startsWith("- ")) {
                String item = line.substring(2).strip();
                calls.add(item.length() >= 2 && item.startsWith("`") && item.endsWith("`")
                        ? item.substring(1, item.length() - 1) : item);
            } else if (inList) {
                inList = false;
            }
        }
        return calls;
    }

    /** {@code tool(name=value, ...)} → the tool name and its arguments; IllegalArgumentException when malformed. */
    public static Call parse(String call) {
        int open = call.indexOf('(');
        if (open <= 0 || !call.endsWith(")")) {
            throw new IllegalArgumentException("not a call of the form tool(name=value, ...)");
        }
        String tool = call.substring(0, open);
        if (!tool.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("not a tool name: " + tool);
        }
        ObjectNode arguments = JsonNodeFactory.instance.objectNode();
        String body = call.substring(open + 1, call.length() - 1);
        int i = 0;
        while (i < body.length()) {
            int equals = body.indexOf('=', i);
            if (equals < 0) {
                throw new IllegalArgumentException("an argument without '=' at \"" + body.substring(i) + "\"");
            }
            String name = body.substring(i, equals);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("not an argument name: \"" + name + "\"");
            }
            if (arguments.has(name)) {
                throw new IllegalArgumentException("argument " + name + " given twice");
            }
            i = equals + 1;
            int end;
            if (i < body.length() && body.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (j < body.length() && body.charAt(j) != '"') {
                    char c = body.charAt(j);
                    if (c == '\\') {
                        if (j + 1 >= body.length() || "\\\"".indexOf(body.charAt(j + 1)) < 0) {
                            throw new IllegalArgumentException("a bad escape in the value of " + name);
                        }
                        c = body.charAt(++j);
                    }
                    value.append(c);
                    j++;
                }
                if (j >= body.length()) {
                    throw new IllegalArgumentException("an unterminated string for " + name);
                }
                arguments.put(name, value.toString());
                end = j + 1;
            } else {
                end = body.indexOf(", ", i);
                end = end < 0 ? body.length() : end;
                arguments.set(name, literal(name, body.substring(i, end)));
            }
            if (end == body.length()) {
                break;
            }
            if (!body.startsWith(", ", end) || end + 2 == body.length()) {
                throw new IllegalArgumentException("expected \", \" and another argument after " + name);
            }
            i = end + 2;
        }
        return new Call(tool, arguments);
    }

    private static JsonNode literal(String name, String text) {
        if (text.equals("true") || text.equals("false")) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text));
        }
        try {
            BigDecimal number = new BigDecimal(text);
            return number.scale() <= 0 ? JsonNodeFactory.instance.numberNode(number.toBigIntegerExact())
                    : JsonNodeFactory.instance.numberNode(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the value of " + name + " is neither a string literal, a number nor"
                                               + " a boolean: " + text);
        }
    }
}
