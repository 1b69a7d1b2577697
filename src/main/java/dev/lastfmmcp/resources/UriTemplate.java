package dev.lastfmmcp.resources;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 6570 level-1 URI template of this server's resources, such as {@code lastfm://track/{artist}/{track}}: a
 * scheme, then path segments that are either literal or exactly one {@code {variable}}. A variable matches one
 * non-empty path segment and is percent-decoded, so {@code AC%2FDC} is the artist "AC/DC"; expansion encodes every
 * character outside the unreserved set.
 *
 * <p>Not an RFC 6570 library, which was weighed: the maintained Java ones expand templates but do not match a URI back
 * to its variables, and the server needs that (every {@code resources/read}) and a start-up check that no two
 * templates can match one URI; level 1 with whole-segment variables keeps both a few lines.
 */
public final class UriTemplate {

    private static final Pattern TEMPLATE = Pattern.compile("([a-z][a-z0-9+.-]*)://(.+)");
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~-]+");

    private final String template;
    private final String scheme;
    private final List<String> literals;
    private final List<String> variables;

    private UriTemplate(String template, String scheme, List<String> literals, List<String> variables) {
        this.template = template;
        this.scheme = scheme;
        this.literals = literals;
        this.variables = variables;
    }

    /** Parses a template; -> IllegalStateException when it is not one this class supports. */
    public static UriTemplate parse(String template) {
        Matcher whole = TEMPLATE.matcher(template);
        if (!whole.matches()) {
            throw new IllegalStateException("not a scheme://path URI template: " + template);
        }
        List<String> literals = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        for (String segment : whole.group(2).split("/", -1)) {
            Matcher variable = VARIABLE.matcher(segment);
            if (variable.matches()) {
                if (variables.contains(variable.group(1))) {
                    throw new IllegalStateException("variable {" + variable.group(1) + "} twice in " + template);
                }
                literals.add(null);
                variables.add(variable.group(1));
            } else if (LITERAL.matcher(segment).matches()) {
                literals.add(segment);
                variables.add(null);
            } else {
                throw new IllegalStateException("segment '" + segment + "' of " + template
                                                + " is neither a literal nor one {variable}");
            }
        }
        return new UriTemplate(template, whole.group(1), Collections.unmodifiableList(literals),
                Collections.unmodifiableList(variables));
    }

    public String template() {
        return template;
    }

    /** The variable names, in order. */
    public List<String> variables() {
        return variables.stream().filter(Objects::nonNull).toList();
    }

    /**
     * The raw (still encoded) variable values when {@code uri}'s scheme and path fit this template, else null.
     */
    public Map<String, String> match(ResourceUri uri) {
        if (!scheme.equals(uri.scheme()) || uri.segments().size() != literals.size()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < literals.size(); i++) {
            String segment = uri.segments().get(i);
            if (literals.get(i) != null) {
                if (!literals.get(i).equals(segment)) {
                    return null;
                }
            } else if (segment.isEmpty()) {
                return null;
            } else {
                values.put(variables.get(i), segment);
            }
        }
        return values;
    }

    /** The URI for these variable values (RFC 6570 simple string expansion). */
    public String expand(Map<String, String> values) {
        StringBuilder uri = new StringBuilder(scheme).append("://");
        for (int i = 0; i < literals.size(); i++) {
            if (i > 0) {
                uri.append('/');
            }
            if (literals.get(i) != null) {
                uri.append(literals.get(i));
            } else {
                String value = values.get(variables.get(i));
                if (value == null) {
                    throw new IllegalArgumentException("no value for {" + variables.get(i) + "} of " + template);
                }
                uri.append(PercentEncoding.encode(value));
            }
        }
        return uri.toString();
    }

    /** Whether some URI fits both templates (same scheme and length, no two different literals at one place). */
    public boolean overlaps(UriTemplate other) {
        if (!scheme.equals(other.scheme) || literals.size() != other.literals.size()) {
            return false;
        }
        for (int i = 0; i < literals.size(); i++) {
            String mine = literals.get(i);
            String theirs = other.literals.get(i);
            if (mine != null && theirs != null && !mine.equals(theirs)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return template;
    }
}
