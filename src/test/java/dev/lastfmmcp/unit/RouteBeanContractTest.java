package dev.lastfmmcp.unit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lastfmmcp.config.AppConfiguration;
import io.vertx.core.Vertx;
import org.apache.camel.Variable;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract between the YAML routes and the Java beans, checked without starting Camel: every {@code bean} and
 * {@code method} step names a bean that {@link AppConfiguration} binds, whose class has a public method of that name;
 * every {@code @Variable} a bound bean's method reads is written somewhere (a route's {@code setVariable},
 * {@code setVariables} or {@code variableReceive}, or {@code setVariable(...)} in Java).
 *
 * <p>The registry is the real one: {@code AppConfiguration.configure} runs on a context that is never started, with
 * {@code application.properties} (free port; Infinispan is lazy and never touched here).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteBeanContractTest {

    private static final Path ROUTES = Path.of("src/main/resources/routes");
    private static final Path JAVA = Path.of("src/main/java");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Variables Camel itself sets (none are read today; add one here only with the EIP that writes it). */
    private static final Set<String> CAMEL_PROVIDED = Set.of();

    private DefaultCamelContext context;

    @BeforeAll
    void bindTheBeans() throws Exception {
        context = new DefaultCamelContext();
        context.getPropertiesComponent().setLocation("file:application.properties");
        Properties overrides = new Properties();
        overrides.setProperty("camel.server.port", "0");
        // every bean of every route file: the conformance profile's too
        overrides.setProperty("mcp.conformance-fixtures", "true");
        context.getPropertiesComponent().setOverrideProperties(overrides);
        new AppConfiguration().configure(context);
    }

    @AfterAll
    void release() {
        Vertx vertx = context.getRegistry().lookupByNameAndType("vertx", Vertx.class);
        if (vertx != null) {
            vertx.close();
        }
    }

    /** A bean call in a route: the file, where in it, the bean name and the method name. */
    record BeanCall(String file, String at, String ref, String method) {
        @Override
        public String toString() {
            return file + " " + at + ": " + ref + "." + method;
        }
    }

    /** What the routes call and write, read from their YAML. */
    record RouteFacts(List<BeanCall> calls, Set<String> writtenVariables) {
    }

    static RouteFacts scan(Map<String, String> files) {
        List<BeanCall> calls = new ArrayList<>();
        Set<String> written = new TreeSet<>();
        files.forEach((name, yaml) -> {
            try {
                walk(name, "", YAML.readTree(yaml), calls, written);
            } catch (IOException e) {
                throw new UncheckedIOException(name, e);
            }
        });
        return new RouteFacts(calls, written);
    }

    private static void walk(String file, String at, JsonNode node, List<BeanCall> calls, Set<String> written) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(file, at + "/" + i, node.get(i), calls, written);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            String here = at + "/" + key;
            if ((key.equals("bean") || key.equals("method")) && value.isObject() && value.has("ref")) {
                calls.add(new BeanCall(file, here, value.get("ref").asText(), methodName(value.path("method"))));
            }
            if (key.equals("setVariable") && value.has("name")) {
                written.add(value.get("name").asText());
            }
            if (key.equals("setVariables") && value.has("variables")) {
                value.get("variables").forEach(v -> written.add(v.path("name").asText()));
            }
            if (key.equals("variableReceive") && value.isTextual()) {
                written.add(value.asText());
            }
            walk(file, here, value, calls, written);
        }
    }

    /** {@code observe(${variable.target}, ${variable.checked})} calls {@code observe}. */
    static String methodName(JsonNode method) {
        String text = method.isMissingNode() || method.isNull() ? "" : method.asText().trim();
        int parenthesis = text.indexOf('(');
        return parenthesis < 0 ? text : text.substring(0, parenthesis).trim();
    }

    private static final Pattern JAVA_SET_VARIABLE =
            Pattern.compile("setVariable\\(\\s*(?:\"([^\"]+)\"|([A-Z][A-Za-z0-9]*)\\.([A-Z_][A-Z0-9_]*))");
    private static final Pattern STRING_CONSTANT =
            Pattern.compile("static\\s+final\\s+String\\s+([A-Z_][A-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"");

    /** Variables written by {@code setVariable("v", ...)} or {@code setVariable(Holder.CONSTANT, ...)} in Java. */
    static Set<String> javaWrittenVariables(Map<String, String> sources) {
        Map<String, String> constants = new TreeMap<>();
        sources.forEach((path, text) -> {
            String className = Path.of(path).getFileName().toString().replace(".java", "");
            Matcher m = STRING_CONSTANT.matcher(text);
            while (m.find()) {
                constants.put(className + "." + m.group(1), m.group(2));
            }
        });
        Set<String> written = new TreeSet<>();
        sources.values().forEach(text -> {
            Matcher m = JAVA_SET_VARIABLE.matcher(text);
            while (m.find()) {
                written.add(m.group(1) != null ? m.group(1)
                        : constants.getOrDefault(m.group(2) + "." + m.group(3), m.group(2) + "." + m.group(3)));
            }
        });
        return written;
    }

    /** The calls that name no bound bean, or a bean without a public method of that name. */
    static List<String> brokenCalls(List<BeanCall> calls, Function<String, Optional<Object>> registry) {
        List<String> broken = new ArrayList<>();
        for (BeanCall call : calls) {
            Optional<Object> bean = registry.apply(call.ref());
            if (bean.isEmpty()) {
                broken.add(call + " (no bean bound as '" + call.ref() + "')");
            } else if (call.method().isEmpty()) {
                broken.add(call + " (no method named)");
            } else if (publicMethods(bean.get().getClass(), call.method()).isEmpty()) {
                broken.add(call + " (" + bean.get().getClass().getName() + " has no public method '"
                           + call.method() + "')");
            }
        }
        return broken;
    }

    static List<Method> publicMethods(Class<?> type, String name) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && m.getDeclaringClass() != Object.class
                             && Modifier.isPublic(m.getDeclaringClass().getModifiers()))
                .toList();
    }

    /** {@code Class.method(@Variable v)} for every variable read by a public method of the classes but never written. */
    static List<String> unwrittenVariables(Iterable<Class<?>> types, Set<String> written) {
        List<String> unwritten = new ArrayList<>();
        for (Class<?> type : types) {
            for (Method method : type.getMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    Variable variable = parameter.getAnnotation(Variable.class);
                    if (variable != null && !written.contains(variable.value())
                        && !CAMEL_PROVIDED.contains(variable.value())) {
                        unwritten.add(type.getSimpleName() + "." + method.getName() + " reads @Variable(\""
                                      + variable.value() + "\")");
                    }
                }
            }
        }
        return unwritten;
    }

    private static Map<String, String> read(Path root, String suffix) {
        try (Stream<Path> files = Files.walk(root)) {
            Map<String, String> texts = new TreeMap<>();
            for (Path file : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                texts.put(file.toString(), Files.readString(file));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Object> bound(String name) {
        return Optional.ofNullable(context.getRegistry().lookupByName(name));
    }

    @Test
    void everyBeanStepNamesABoundBeanWithThatPublicMethod() {
        RouteFacts facts = scan(read(ROUTES, ".yaml"));
        assertThat(facts.calls()).hasSizeGreaterThan(50);
        assertThat(brokenCalls(facts.calls(), this::bound)).isEmpty();
    }

    @Test
    void everyVariableABeanReadsIsWrittenSomewhere() {
        RouteFacts facts = scan(read(ROUTES, ".yaml"));
        Set<String> written = new TreeSet<>(facts.writtenVariables());
        written.addAll(javaWrittenVariables(read(JAVA, ".java")));
        Set<Class<?>> beanTypes = new java.util.LinkedHashSet<>();
        for (BeanCall call : facts.calls()) {
            bound(call.ref()).ifPresent(bean -> beanTypes.add(bean.getClass()));
        }
        assertThat(beanTypes).hasSizeGreaterThan(20);
        assertThat(written).contains("mcp", "call", "args", "requestDeadline");
        assertThat(unwrittenVariables(beanTypes, written)).isEmpty();
    }

    // ---------------------------------------------------------------- the checks fail on a wrong name

    private static final String SNIPPET = """
            - route:
                id: probe
                from:
                  uri: direct:probe
                  steps:
                    - setVariable:
                        name: target
                        simple: "${body}"
                    - bean:
                        ref: probeBean
                        method: greet
                    - filter:
                        method:
                          ref: probeBean
                          method: "check(${variable.target}, ${variable.checked})"
                        steps:
                          - to: direct:elsewhere
            """;

    public static class ProbeBean {
        public String greet(@Variable("target") String target) {
            return "hello " + target;
        }

        public boolean check(@Variable("target") String target, @Variable("checked") String checked) {
            return target.equals(checked);
        }
    }

    private static final Map<String, Object> PROBE_REGISTRY = Map.of("probeBean", new ProbeBean());

    private static Optional<Object> probeRegistry(String name) {
        return Optional.ofNullable(PROBE_REGISTRY.get(name));
    }

    @Test
    void methodCallsWithArgumentsAreReadByTheirName() {
        RouteFacts facts = scan(Map.of("probe.yaml", SNIPPET));
        assertThat(facts.calls()).extracting(BeanCall::method).containsExactly("greet", "check");
        assertThat(brokenCalls(facts.calls(), RouteBeanContractTest::probeRegistry)).isEmpty();
    }

    @Test
    void anUnboundBeanNameFails() {
        RouteFacts facts = scan(Map.of("probe.yaml", SNIPPET.replace("ref: probeBean\n            method: greet",
                "ref: probeBeen\n            method: greet")));
        assertThat(brokenCalls(facts.calls(), RouteBeanContractTest::probeRegistry))
                .singleElement().asString().contains("probeBeen", "no bean bound");
    }

    @Test
    void aMissingMethodFailsAlsoWithArguments() {
        RouteFacts facts = scan(Map.of("probe.yaml", SNIPPET.replace("method: greet", "method: greeet")
                .replace("\"check(", "\"checks(")));
        assertThat(brokenCalls(facts.calls(), RouteBeanContractTest::probeRegistry))
                .hasSize(2).anyMatch(s -> s.contains("'greeet'")).anyMatch(s -> s.contains("'checks'"));
    }

    @Test
    void aVariableNobodyWritesFails() {
        RouteFacts facts = scan(Map.of("probe.yaml", SNIPPET));
        assertThat(unwrittenVariables(List.of(ProbeBean.class), facts.writtenVariables()))
                .containsExactly("ProbeBean.check reads @Variable(\"checked\")");
        Set<String> withJava = new TreeSet<>(facts.writtenVariables());
        withJava.addAll(javaWrittenVariables(Map.of("src/Probe.java",
                "class Probe { void f(Exchange e) { e.setVariable(Names.CHECKED, 1); } }",
                "src/Names.java", "class Names { public static final String CHECKED = \"checked\"; }")));
        assertThat(unwrittenVariables(List.of(ProbeBean.class), withJava)).isEmpty();
    }
}
