package dev.lastfmmcp.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import dev.lastfmmcp.support.Memoized;
import dev.lastfmmcp.support.ResultMemo;
import org.apache.camel.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Expression;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.TypeConverter;
import org.apache.camel.Variable;
import org.apache.camel.util.StringHelper;

/**
 * One bean method as a route calls it ({@code bean} steps, {@code method} expressions), bound once when the route is
 * built: the {@link Method} and, per parameter, where its value comes from. Camel's own bean binding finds the method
 * and evaluates the parameter annotations (or parses the explicit parameters) again on every call, and a
 * {@code method} expression first copies the whole exchange; on the MCP hot path that was about a third of the CPU
 * of a cached tool call. The binding rules are Camel's, for the part this project uses: {@code @Variable},
 * {@code @Header}, {@code @Body}, {@code @ExchangeProperty}, {@code Exchange}, {@code Message} and
 * {@code CamelContext} parameters, one unannotated parameter taking the body, and explicit parameters
 * ({@code report(${variable.mcp}, 1, 'text')}) of Simple expressions, quoted strings, numbers, booleans and
 * {@code null}. Anything else ({@link #of} answers null) stays with Camel's binding.
 */
final class BeanCall {

    /** Where one argument comes from. */
    @FunctionalInterface
    interface Source {
        Object value(Exchange exchange);
    }

    private final Object bean;
    private final Method method;
    private final Source[] sources;
    private final Class<?>[] types;
    private final Class<?>[] boxed;
    private final boolean[] unquote;
    /** For a {@link Memoized} method: its earlier results by arguments; else null. */
    private final ResultMemo memo;

    private BeanCall(Object bean, Method method, Source[] sources, boolean[] unquote, ResultMemo memo) {
        this.bean = bean;
        this.memo = memo;
        this.method = method;
        this.sources = sources;
        this.types = method.getParameterTypes();
        this.boxed = new Class<?>[types.length];
        for (int i = 0; i < types.length; i++) {
            boxed[i] = wrap(types[i]);
        }
        this.unquote = unquote;
    }

    /**
     * The call of {@code spec} ({@code name} or {@code name(arg, ...)}) on {@code bean}, or null when it needs more
     * of Camel's binding than this class does (no public method of that name and arity, several, an asynchronous
     * result, a parameter it cannot bind).
     */
    static BeanCall of(CamelContext context, Object bean, String spec) {
        return of(context, bean, spec, null);
    }

    /** As {@link #of(CamelContext, Object, String)}; a {@link Memoized} method keeps its results in {@code memo}. */
    static BeanCall of(CamelContext context, Object bean, String spec, ResultMemo memo) {
        if (bean == null || spec == null || spec.isBlank()) {
            return null;
        }
        String name = spec.strip();
        List<String> explicit = null;
        int open = name.indexOf('(');
        if (open >= 0) {
            if (!name.endsWith(")")) {
                return null;
            }
            explicit = arguments(name.substring(open + 1, name.length() - 1));
            if (explicit == null) {
                return null;
            }
            name = name.substring(0, open).strip();
        }
        Method method = single(bean.getClass(), name, explicit == null ? -1 : explicit.size());
        if (method == null || Future.class.isAssignableFrom(method.getReturnType())
            || CompletionStage.class.isAssignableFrom(method.getReturnType())) {
            return null;
        }
        Parameter[] parameters = method.getParameters();
        Source[] sources = new Source[parameters.length];
        boolean[] unquote = new boolean[parameters.length];
        boolean bodyTaken = false;
        for (int i = 0; i < parameters.length; i++) {
            if (explicit != null) {
                String token = explicit.get(i);
                sources[i] = literal(context, token);
                if (sources[i] == null) {
                    return null;
                }
                unquote[i] = token.startsWith("${");
                continue;
            }
            Parameter parameter = parameters[i];
            sources[i] = annotated(parameter);
            if (sources[i] == null) {
                Class<?> type = parameter.getType();
                if (type == Exchange.class) {
                    sources[i] = exchange -> exchange;
                } else if (type == Message.class) {
                    sources[i] = Exchange::getMessage;
                } else if (type == CamelContext.class) {
                    sources[i] = Exchange::getContext;
                } else if (!bodyTaken && parameter.getAnnotations().length == 0) {
                    bodyTaken = true;
                    sources[i] = exchange -> exchange.getMessage().getBody();
                } else {
                    return null;
                }
            }
        }
        // accessible even when public: Method.invoke then skips its access check, whose one-entry cache every other
        // bean call of the request evicts
        method.trySetAccessible();
        // a result to keep: an object (void is a primitive type too)
        boolean memoized = memo != null && memo.isOn() && method.isAnnotationPresent(Memoized.class)
                           && !method.getReturnType().isPrimitive();
        return new BeanCall(bean, method, sources, unquote, memoized ? memo : null);
    }

    /** True when the method returns nothing: a bean step then leaves the body as it is. */
    boolean isVoid() {
        return method.getReturnType() == void.class;
    }

    Method method() {
        return method;
    }

    /**
     * Calls the method with the arguments bound from the exchange. A failure of the method itself is thrown as it was
     * thrown (unwrapped); an argument that cannot be converted to its parameter's type is an
     * {@link IllegalArgumentException} naming the parameter.
     */
    Object invoke(Exchange exchange) throws Exception {
        Object[] args = new Object[sources.length];
        TypeConverter converter = null;
        for (int i = 0; i < sources.length; i++) {
            Object value = sources[i].value(exchange);
            if (unquote[i] && value instanceof String text) {
                value = StringHelper.removeLeadingAndEndingQuotes(text);
            }
            Class<?> type = types[i];
            if (value == null) {
                args[i] = type.isPrimitive() ? primitiveDefault(type) : null;
            } else if (boxed[i].isInstance(value)) {
                args[i] = value;
            } else {
                if (converter == null) {
                    converter = exchange.getContext().getTypeConverter();
                }
                try {
                    args[i] = converter.mandatoryConvertTo(type, exchange, value);
                } catch (Exception e) {
                    throw new IllegalArgumentException("cannot bind " + value.getClass().getSimpleName()
                            + " to parameter " + i + " (" + type.getSimpleName() + ") of " + describe(), e);
                }
            }
        }
        if (memo != null) {
            List<Object> key = memo.key(method, args);
            if (key != null) {
                return memo.get(key, () -> call(args));
            }
        }
        return call(args);
    }

    private Object call(Object[] args) throws Exception {
        try {
            return method.invoke(bean, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new RuntimeCamelException(cause);
        }
    }

    String describe() {
        return bean.getClass().getSimpleName() + "." + method.getName();
    }

    /** The one public method {@code name} of the bean's class with that arity (-1: any), else null. */
    static Method single(Class<?> type, String name, int arity) {
        Method found = null;
        for (Method candidate : type.getMethods()) {
            if (!candidate.getName().equals(name) || candidate.isBridge() || candidate.isSynthetic()
                || Modifier.isStatic(candidate.getModifiers()) || candidate.getDeclaringClass() == Object.class
                || (arity >= 0 && candidate.getParameterCount() != arity)) {
                continue;
            }
            if (found != null) {
                return null;
            }
            found = candidate;
        }
        return found;
    }

    private static Source annotated(Parameter parameter) {
        Variable variable = parameter.getAnnotation(Variable.class);
        if (variable != null) {
            String name = variable.value();
            return exchange -> exchange.getVariable(name);
        }
        Header header = parameter.getAnnotation(Header.class);
        if (header != null) {
            String name = header.value();
            return exchange -> exchange.getMessage().getHeader(name);
        }
        ExchangeProperty property = parameter.getAnnotation(ExchangeProperty.class);
        if (property != null) {
            String name = property.value();
            return exchange -> exchange.getProperty(name);
        }
        if (parameter.isAnnotationPresent(Body.class)) {
            return exchange -> exchange.getMessage().getBody();
        }
        return null;
    }

    /** An explicit argument: a Simple expression, a quoted string, a number, a boolean or null; else null. */
    private static Source literal(CamelContext context, String token) {
        if (token.startsWith("${") && token.endsWith("}") && token.indexOf("${", 2) < 0) {
            Expression expression = context.resolveLanguage("simple").createExpression(token);
            expression.init(context);
            return exchange -> expression.evaluate(exchange, Object.class);
        }
        if (token.length() >= 2 && (token.startsWith("'") && token.endsWith("'")
                                    || token.startsWith("\"") && token.endsWith("\""))) {
            String text = token.substring(1, token.length() - 1);
            return exchange -> text;
        }
        if ("null".equals(token)) {
            return exchange -> null;
        }
        if ("true".equals(token) || "false".equals(token)) {
            Boolean value = Boolean.valueOf(token);
            return exchange -> value;
        }
        if (token.matches("-?\\d+(\\.\\d+)?")) {
            return exchange -> token;
        }
        return null;
    }

    /**
     * The top-level arguments of an explicit parameter list, split on commas outside quotes, braces and parentheses;
     * null when the list is not well formed.
     */
    static List<String> arguments(String list) {
        List<String> answer = new ArrayList<>();
        if (list.isBlank()) {
            return answer;
        }
        int depth = 0;
        char quote = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{' || c == '(') {
                depth++;
            } else if (c == '}' || c == ')') {
                depth--;
                if (depth < 0) {
                    return null;
                }
            } else if (c == ',' && depth == 0) {
                answer.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        if (quote != 0 || depth != 0) {
            return null;
        }
        answer.add(current.toString().strip());
        return answer;
    }

    private static Object primitiveDefault(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    private static Class<?> wrap(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return Map.<Class<?>, Class<?>> of(boolean.class, Boolean.class, char.class, Character.class, int.class,
                Integer.class, long.class, Long.class, double.class, Double.class, float.class, Float.class,
                short.class, Short.class, byte.class, Byte.class).get(type);
    }
}
