package dev.lastfmmcp.edge;

import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The HTTP methods each served path answers, gathered from Camel's platform-http endpoints (their
 * {@code httpMethodRestrict}) and the Vert.x-level endpoints, so a 405's {@code Allow} header and a CORS preflight
 * say what the routes really accept. OPTIONS is answered everywhere a path is served.
 */
public final class EndpointMethods {

    private final Map<String, Set<String>> byPath;

    private EndpointMethods(Map<String, Set<String>> byPath) {
        this.byPath = byPath;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The methods of a served path (OPTIONS included), empty when nothing is served there. */
    public Optional<Set<String>> allowed(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** The value of an {@code Allow} header for a served path. */
    public String allowHeader(String path) {
        return String.join(", ", allowed(path).orElse(Set.of()));
    }

    public boolean isServed(String path) {
        return byPath.containsKey(path);
    }

    public static final class Builder {

        private static final Set<String> ANY = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

        private final Map<String, Set<String>> byPath = new TreeMap<>();

        /** A path and its methods as Camel writes them ({@code "POST,DELETE"}); null or blank means any method. */
        public Builder add(String path, String verbs) {
            Collection<String> methods = verbs == null || verbs.isBlank() ? ANY : Set.of(verbs.split("\\s*,\\s*"));
            Set<String> set = byPath.computeIfAbsent(path, p -> new TreeSet<>());
            methods.forEach(m -> set.add(m.trim().toUpperCase(Locale.ROOT)));
            set.add("OPTIONS");
            return this;
        }

        public EndpointMethods build() {
            Map<String, Set<String>> copy = new TreeMap<>();
            byPath.forEach((path, methods) -> copy.put(path, Collections.unmodifiableSortedSet(new TreeSet<>(methods))));
            return new EndpointMethods(Map.copyOf(copy));
        }
    }
}
