package dev.lastfmmcp.prompts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lastfmmcp.format.Markdown;

/**
 * The text of one prompt message with its placeholders, parsed once when the catalogue loads:
 * <ul>
 * <li>{@code {{name}}}: the argument's value (given or default) as a JSON-style string literal, {@code "AC/DC"}; the
 * only way a value enters the text, so no value can end the literal or add template syntax;</li>
 * <li>{@code {{#name}}…{{/name}}} / {@code {{^name}}…{{/name}}}: kept when the client gave / did not give the
 * argument; {@code {{#name=value}}…{{/name}}} / {@code {{^name=value}}…{{/name}}}: kept when its value is / is not
 * {@code value} (the closing tag may repeat it: {@code {{/name=value}}}). A section tag alone on its line takes the
 * line with it;</li>
 * <li>lines starting {@code #. } are numbered 1., 2., … within each list, after the sections are decided.</li>
 * </ul>
 */
public final class PromptTemplate {

    private static final Pattern TAG = Pattern.compile("\\{\\{([#^/]?)([A-Za-z_][A-Za-z0-9_]*)(?:=([^{}]*))?}}");
    private static final Pattern STANDALONE = Pattern.compile("(?m)^[ \\t]*(\\{\\{[#^/][^{}]*}})[ \\t]*\\n");
    private static final Pattern NUMBERED = Pattern.compile("#\\. ");

    private sealed interface Node permits Text, Value, Section {
    }

    private record Text(String text) implements Node {
    }

    private record Value(String name) implements Node {
    }

    private record Section(String name, boolean inverted, String equals, List<Node> children) implements Node {
    }

    /** What the template may refer to: an argument's name, whether it always has a value, and its choices. */
    public interface Arguments {
        boolean declares(String name);

        /** Required, or optional with a default. */
        boolean alwaysHasValue(String name);

        /** Whether {@code value} can be the argument's value (for {@code {{#name=value}}}). */
        boolean allows(String name, String value);
    }

    private final List<Node> nodes;

    private PromptTemplate(List<Node> nodes) {
        this.nodes = nodes;
    }

    /** Parses {@code source}; -> IllegalStateException for unknown names, unbalanced sections or stray braces. */
    public static PromptTemplate parse(String source, Arguments arguments) {
        String text = STANDALONE.matcher(source).replaceAll("$1");
        Deque<Section> open = new ArrayDeque<>();
        List<Node> root = new ArrayList<>();
        Matcher tag = TAG.matcher(text);
        int at = 0;
        while (tag.find()) {
            List<Node> target = open.isEmpty() ? root : open.peek().children();
            addText(target, text.substring(at, tag.start()));
            at = tag.end();
            String kind = tag.group(1);
            String name = tag.group(2);
            String equals = tag.group(3);
            if (!arguments.declares(name)) {
                throw new IllegalStateException("the template refers to an unknown argument '" + name + "'");
            }
            if (kind.isEmpty()) {
                if (equals != null) {
                    throw new IllegalStateException("{{" + name + "=…}} is not a placeholder");
                }
                if (!arguments.alwaysHasValue(name) && !insideGiven(open, name)) {
                    throw new IllegalStateException("{{" + name + "}} may have no value: put it inside {{#" + name
                                                    + "}}…{{/" + name + "}}");
                }
                target.add(new Value(name));
            } else if (kind.equals("/")) {
                if (open.isEmpty() || !open.peek().name().equals(name)
                    || equals != null && !equals.equals(open.peek().equals())) {
                    throw new IllegalStateException("{{/" + name + "}} closes no open section");
                }
                open.pop();
            } else {
                if (equals != null && !arguments.allows(name, equals)) {
                    throw new IllegalStateException("'" + equals + "' is not a value of " + name);
                }
                Section section = new Section(name, kind.equals("^"), equals, new ArrayList<>());
                target.add(section);
                open.push(section);
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException("the section {{" + open.peek().name() + "}} is not closed");
        }
        addText(root, text.substring(at));
        return new PromptTemplate(List.copyOf(root));
    }

    private static void addText(List<Node> target, String text) {
        if (text.contains("{{") || text.contains("}}")) {
            throw new IllegalStateException("stray braces in the template near: " + text.strip());
        }
        if (!text.isEmpty()) {
            target.add(new Text(text));
        }
    }

    private static boolean insideGiven(Deque<Section> open, String name) {
        return open.stream().anyMatch(s -> s.name().equals(name) && !s.inverted() && s.equals() == null);
    }

    /**
     * The text for these arguments: {@code given} are the ones the client sent (validated), {@code values} the
     * given ones plus defaults.
     */
    public String render(Map<String, String> given, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        render(nodes, given, values, out);
        return number(out.toString()).replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static void render(List<Node> nodes, Map<String, String> given, Map<String, String> values,
            StringBuilder out) {
        for (Node node : nodes) {
            if (node instanceof Text text) {
                out.append(text.text());
            } else if (node instanceof Value value) {
                out.append(Markdown.quote(values.get(value.name())));
            } else if (node instanceof Section section && keeps(section, given, values)) {
                render(section.children(), given, values, out);
            }
        }
    }

    private static boolean keeps(Section section, Map<String, String> given, Map<String, String> values) {
        boolean holds = section.equals() == null ? given.containsKey(section.name())
                : section.equals().equals(values.get(section.name()));
        return holds != section.inverted();
    }

    /** "#. " at the start of a line becomes "1. ", "2. ", …; any other unindented line ends the list. */
    static String number(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int next = 1;
        for (String line : text.split("\n", -1)) {
            if (NUMBERED.matcher(line).lookingAt()) {
                line = next++ + ". " + line.substring(3);
            } else if (!line.startsWith(" ")) {
                next = 1;
            }
            out.append(line).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }
}
